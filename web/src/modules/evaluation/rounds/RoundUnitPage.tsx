import { A, useParams } from '@solidjs/router';
import { type Accessor, createMemo, For, Show, untrack } from 'solid-js';
import { roundsTexts as s } from '../../../texts/rounds';
import { Button } from '../../../ui/Button';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { DraftNotice } from '../../../ui/DraftNotice';
import { createDraftForm } from '../../../ui/draftForm';
import { draftStore } from '../../../ui/draftStore';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { formatTime } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { createLoad } from '../../../ui/load';
import { Notice } from '../../../ui/Notice';
import { Page } from '../../../ui/Page';
import { Section } from '../../../ui/Section';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useTenant } from '../../shell/context';
import {
  type EvidenceView,
  type RoundUnitWorkbench,
  roundsApi,
  roundsHref,
  type WorkbenchIndicator,
} from './api';
import { EvidenceFiles } from './EvidenceFiles';
import { LeafScore } from './LeafScore';
import { pendingStore } from './selfPending';
import './rounds.css';
import { UnitReviewLinks } from './ReviewLinks';

const reportDraft = draftStore<{ selfReport: string }>({
  prefix: 'dudao.selfReport',
  fields: ['selfReport'],
  empty: () => ({ selfReport: '' }),
  storage: 'local',
  blankIsNone: true,
});

interface Ctx {
  data: Accessor<RoundUnitWorkbench>;
  byKey: Accessor<Map<string, WorkbenchIndicator>>;
  slug: string;
  userId: string;
  pending: ReturnType<typeof pendingStore>;
  update: (next: RoundUnitWorkbench) => void;
  addFile: (file: EvidenceView) => void;
  removeFile: (id: string) => void;
}

function flatten(items: WorkbenchIndicator[], into = new Map<string, WorkbenchIndicator>()) {
  for (const i of items) {
    into.set(i.key, i);
    flatten(i.children, into);
  }
  return into;
}

/** One indicator: a leaf with its criteria, scores and evidence; a parent with its subtotal and children. */
function Indicator(props: { item: WorkbenchIndicator; ctx: Ctx }) {
  const live = () => props.ctx.byKey().get(props.item.key);
  const access = () => props.ctx.data().access;
  return (
    <article class="round-indicator" aria-label={`${props.item.key} ${props.item.name}`}>
      <h3 class="card-title">
        {props.item.key} {props.item.name} <span class="badge">{s.points(props.item.points)}</span>
      </h3>
      <Show
        when={props.item.leaf}
        fallback={
          <>
            <p class="card-meta">
              {s.selfTotal} {live()?.selfTotal.score ?? 0} ·{' '}
              {s.scoredOf(live()?.selfTotal.scored ?? 0, props.item.selfTotal.leaves)}
            </p>
            <For each={props.item.children}>{(child) => <Indicator item={child} ctx={props.ctx} />}</For>
          </>
        }
      >
        <div class="round-leaf">
          <dl class="info-list">
            <Show when={props.item.criteria}>
              <dt>{s.criteria}</dt>
              <dd>{props.item.criteria}</dd>
            </Show>
            <Show when={props.item.guidance}>
              <dt>{s.guidance}</dt>
              <dd>{props.item.guidance}</dd>
            </Show>
            <Show when={props.item.evidenceAsked}>
              <dt>{s.evidenceAsked}</dt>
              <dd>{props.item.evidenceAsked}</dd>
            </Show>
          </dl>
          <Show
            when={access().canEditSelf}
            fallback={
              <p>
                {s.selfTotal}：{live()?.self ? s.points(live()?.self?.score ?? 0) : s.notShown}
                <Show when={live()?.self?.note}>{(n) => <> · {n()}</>}</Show>
              </p>
            }
          >
            <LeafScore
              leaf={props.item}
              live={live}
              pending={props.ctx.pending}
              save={async (entry) => {
                const d = props.ctx.data();
                const next = await roundsApi.saveSelf(props.ctx.slug, d.round.id, d.unit.id, [entry]);
                props.ctx.update(next);
                return next;
              }}
            />
          </Show>
          <Show when={live()?.review}>
            {(r) => (
              <p>
                {s.review}：{s.points(r().score)}
                <Show when={r().note}>{(n) => <> · {n()}</>}</Show>
              </p>
            )}
          </Show>
          <EvidenceFiles
            slug={props.ctx.slug}
            roundId={props.ctx.data().round.id}
            unitId={props.ctx.data().unit.id}
            indicatorKey={props.item.key}
            files={live()?.evidence ?? []}
            canUpload={access().canUpload}
            userId={props.ctx.userId}
            onUploaded={props.ctx.addFile}
            onRemoved={props.ctx.removeFile}
          />
        </div>
      </Show>
    </article>
  );
}

function ReportSection(props: { ctx: Ctx }) {
  const d = () => props.ctx.data();
  const form = createDraftForm({
    slot: reportDraft(
      props.ctx.slug,
      untrack(() => d().round.id),
      untrack(() => d().unit.id),
    ),
    initial: { selfReport: untrack(() => d().unit.selfReport ?? '') },
    fields: ['selfReport'] as const,
    idPrefix: 'round',
  });
  const submit = form.onSubmit(
    () => ({}),
    async (x) => {
      const next = await roundsApi.saveReport(props.ctx.slug, d().round.id, d().unit.id, x.selfReport.trim());
      form.clear();
      props.ctx.update(next);
    },
  );
  return (
    <Section title={s.reportTitle}>
      <Show
        when={d().access.canEditSelf}
        fallback={<p class="pre-wrap">{d().unit.selfReport ?? s.notShown}</p>}
      >
        <form class="form" onSubmit={submit} novalidate>
          <DraftNotice
            show={form.restored}
            message={s.draftRestored}
            discardLabel={s.discardDraft}
            onDiscard={form.discard}
          />
          <TextAreaField
            {...form.field('selfReport', s.reportField, { hint: s.reportHint })}
            rows={8}
            maxLength={15000}
          />
          <Show when={form.errors.banner()}>
            {(b) => <ErrorBanner message={b().message} details={b().details} />}
          </Show>
          <Show
            when={
              !form.errors.busy() &&
              d().unit.selfReport &&
              form.draft().selfReport.trim() === d().unit.selfReport
            }
          >
            <p class="muted" role="status">
              {s.reportSaved}
            </p>
          </Show>
          <Button type="submit" busy={form.errors.busy()}>
            {s.saveReport}
          </Button>
        </form>
      </Show>
    </Section>
  );
}

function SubmitSection(props: { ctx: Ctx }) {
  const d = () => props.ctx.data();
  const missing = () =>
    d().self.missing.map((key) => {
      const leaf = props.ctx.byKey().get(key);
      return s.missingScore(key, leaf?.name ?? '');
    });
  const noReport = () => !d().unit.selfReport?.trim();
  return (
    <Section title={s.submitTitle}>
      <p class="muted">{s.submitHint}</p>
      <Show when={missing().length > 0 || noReport()}>
        <p>{s.missingTitle}</p>
        <ul class="round-missing" aria-label={s.missingTitle}>
          <For each={missing()}>{(m) => <li>{m}</li>}</For>
          <Show when={noReport()}>
            <li>{s.missingReport}</li>
          </Show>
        </ul>
      </Show>
      <Show when={missing().length === 0 && !noReport()}>
        <ConfirmButton
          label={s.submit}
          question={s.submitHint}
          run={async () => {
            props.ctx.update(await roundsApi.submit(props.ctx.slug, d().round.id, d().unit.id));
          }}
        />
      </Show>
    </Section>
  );
}

function Workbench(props: {
  data: Accessor<RoundUnitWorkbench>;
  update: (next: RoundUnitWorkbench) => void;
}) {
  const { slug, session } = useTenant();
  const d = props.data;
  // The tree's shape never changes within a round: render it once, read live values by key.
  const tree = untrack(() => d().indicators);
  const byKey = createMemo(() => flatten(d().indicators));
  const withFiles = (change: (files: EvidenceView[]) => EvidenceView[], key: string | null) => {
    const cur = d();
    const edit = (items: WorkbenchIndicator[]): WorkbenchIndicator[] =>
      items.map((i) => ({
        ...i,
        evidence: i.key === key ? change(i.evidence) : i.evidence,
        children: edit(i.children),
      }));
    const before =
      [...flatten(cur.indicators).values()].reduce((n, i) => n + i.evidence.length, 0) + cur.evidence.length;
    const next = {
      ...cur,
      indicators: key ? edit(cur.indicators) : cur.indicators,
      evidence: key ? cur.evidence : change(cur.evidence),
    };
    const after =
      [...flatten(next.indicators).values()].reduce((n, i) => n + i.evidence.length, 0) +
      next.evidence.length;
    props.update({ ...next, evidenceCount: cur.evidenceCount + after - before });
  };
  const ctx: Ctx = {
    data: d,
    byKey,
    slug: slug(),
    userId: session().user.id,
    pending: pendingStore(
      slug(),
      untrack(() => d().round.id),
      untrack(() => d().unit.id),
    ),
    update: props.update,
    addFile: (file) => withFiles((files) => [...files, file], file.indicatorKey),
    removeFile: (id) => {
      const owner = [...byKey().values()].find((i) => i.evidence.some((f) => f.id === id));
      withFiles((files) => files.filter((f) => f.id !== id), owner?.key ?? null);
    },
  };
  return (
    <>
      <p class="card-meta">
        {d().round.name} · <span class="badge">{s.statuses[d().unit.status]}</span>
      </p>
      <p>
        <strong>{s.progress(d().self.scored, d().self.leaves, d().self.total, d().self.points)}</strong>
      </p>
      <Show when={d().unit.submittedAt}>
        {(at) => (
          <Notice tone="ok">
            {s.submittedNotice(formatTime(at()))}
            {d().unit.submittedLate ? s.submittedLate : ''}
          </Notice>
        )}
      </Show>
      <Show when={d().access.canEditSelf}>
        <p class="muted">{s.workbenchIntro}</p>
        <Show when={d().access.selfOverdue}>
          <Notice tone="info">{s.overdue(d().round.selfDeadline)}</Notice>
        </Show>
      </Show>
      <Show when={d().round.status === 'closed'}>
        <Notice tone="info">{s.closedNotice}</Notice>
      </Show>
      <Show when={d().unit.reviewSummary}>
        {(text) => (
          <Section title={s.reviewSummary}>
            <p class="pre-wrap">{text()}</p>
          </Section>
        )}
      </Show>
      <For each={tree}>
        {(first) => (
          <Section title={`${first.key} ${first.name}（${s.points(first.points)}）`}>
            <Show
              when={first.leaf}
              fallback={<For each={first.children}>{(c) => <Indicator item={c} ctx={ctx} />}</For>}
            >
              <Indicator item={first} ctx={ctx} />
            </Show>
          </Section>
        )}
      </For>
      <Section title={s.generalEvidence}>
        <p class="muted">{s.uploadHint}</p>
        <EvidenceFiles
          slug={ctx.slug}
          roundId={d().round.id}
          unitId={d().unit.id}
          indicatorKey={null}
          files={d().evidence}
          canUpload={d().access.canUpload}
          userId={ctx.userId}
          onUploaded={ctx.addFile}
          onRemoved={ctx.removeFile}
        />
      </Section>
      <ReportSection ctx={ctx} />
      <Show when={d().access.canEditSelf}>
        <SubmitSection ctx={ctx} />
      </Show>
    </>
  );
}

/** /t/:tenant/evaluation/rounds/:id/units/:unitId: one unit's workbench (its manager fills in the self-evaluation). */
export default function RoundUnitPage() {
  const params = useParams();
  const { slug } = useTenant();
  const record = createLoad(
    () => (params.id && params.unitId ? { slug: slug(), id: params.id, unitId: params.unitId } : false),
    (x) => roundsApi.unit(x.slug, x.id, x.unitId),
  );
  return (
    <Page title={record.data()?.unit.name ?? s.title}>
      <p>
        <A href={roundsHref(slug(), params.id ? `/${params.id}` : '')}>{s.backToRound}</A>
      </p>
      <Show when={record.data()}>
        {(d) => (
          <UnitReviewLinks
            roundId={d().round.id}
            unitId={d().unit.id}
            status={d().unit.status}
            as={d().access.as}
          />
        )}
      </Show>
      <Loaded load={record}>{(d) => <Workbench data={d} update={record.mutate} />}</Loaded>
    </Page>
  );
}
