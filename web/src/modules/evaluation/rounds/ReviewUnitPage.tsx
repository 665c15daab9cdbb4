import { A, useParams } from '@solidjs/router';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { toApiError } from '../../../api';
import { reviewTexts as s } from '../../../texts/evaluation-review';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { draftStore } from '../../../ui/draftStore';
import { Loaded } from '../../../ui/Loaded';
import { createLoad } from '../../../ui/load';
import { Notice } from '../../../ui/Notice';
import { Page } from '../../../ui/Page';
import { Section } from '../../../ui/Section';
import { TextAreaField } from '../../../ui/TextAreaField';
import { TextField } from '../../../ui/TextField';
import { useTenant } from '../../shell/context';
import { roundsApi } from './api';
import { ReplyText } from './ReplyText';
import {
  leavesOf,
  reviewApi,
  roundHref,
  unitHref,
  type Workbench,
  type WorkbenchIndicator,
} from './review-api';
import './review.css';

/** The team's texts typed but not sent yet (summary, answer), kept across a reload per unit. */
const teamDraft = draftStore<{ summary: string; answer: string }>({
  prefix: 'evaluation-review',
  fields: ['summary', 'answer'],
  empty: () => ({ summary: '', answer: '' }),
  storage: 'local',
  blankIsNone: true,
});

const validScore = (text: string, points: number) => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= points && Number.isInteger(n * 2);
};

/** /t/:tenant/evaluation/rounds/:id/units/:unitId/review: a reviewer scores a unit, publishes, answers. */
export default function ReviewUnitPage() {
  const params = useParams();
  const { slug } = useTenant();
  const record = createLoad(
    () => (params.id && params.unitId ? { id: params.id, unitId: params.unitId } : false),
    (p) => reviewApi.workbench(slug(), p.id, p.unitId),
  );
  return (
    <Page title={record.data() ? s.reviewTitle(record.data()?.unit.name ?? '') : s.reviewTitle('')}>
      <p>
        <A href={roundHref(slug(), params.id ?? '')}>{s.backToRound}</A>
      </p>
      <Loaded load={record}>{(d) => <Review data={d()} reload={record.reload} />}</Loaded>
    </Page>
  );
}

function Review(props: { data: Workbench; reload: () => void }) {
  const { slug, notify } = useTenant();
  const d = () => props.data;
  const roundId = () => d().round.id;
  const unitId = () => d().unit.id;
  const editable = () =>
    d().access.reviewer && (d().unit.status === 'submitted' || d().unit.status === 'replied');
  const decides = () => d().access.lead || d().access.manage;
  const [progress, setProgress] = createSignal({
    total: d().review?.total ?? 0,
    scored: d().review?.scored ?? 0,
    missing: d().review?.missing ?? [],
  });
  const leaves = () => leavesOf(d().indicators);
  const nameOf = (key: string) => leaves().find((l) => l.leaf.key === key)?.leaf.name ?? '';
  const slot = teamDraft(slug(), roundId(), unitId());
  const saved = slot.load() ?? { summary: '', answer: '' };
  const [summary, setSummary] = createSignal(saved.summary);
  const [answer, setAnswer] = createSignal(saved.answer);
  const keep = () => slot.save({ summary: summary(), answer: answer() });
  const today = () => d().access.today;
  const canFinalize = () =>
    decides() &&
    (d().unit.status === 'replied' ||
      (d().unit.status === 'reviewed' && (d().unit.repliedAt !== null || today() > d().round.replyDeadline)));

  return (
    <>
      <p class="card-meta">
        <span class="badge">{s.status[d().unit.status]}</span>{' '}
        {s.totals(d().unit.selfTotal, progress().total, d().scheme.totalPoints)} ·{' '}
        {s.progress(progress().scored, d().scheme.leafCount)}
      </p>
      <Show when={!d().access.reviewer}>
        <Notice tone="info">{s.readOnly}</Notice>
      </Show>
      <Show when={d().access.reviewer && !editable()}>
        <Notice tone="info">{s.notEditable(s.status[d().unit.status] ?? '')}</Notice>
      </Show>
      <p class="actions">
        <A href={unitHref(slug(), roundId(), unitId(), 'report')}>{s.printReport}</A>
      </p>
      <Section title={s.selfReport}>
        <p class="review-text">{d().unit.selfReport || s.noSelfReport}</p>
        <Show when={d().evidence.length}>
          <p>{s.generalEvidence}</p>
          <Files files={d().evidence} roundId={roundId()} unitId={unitId()} />
        </Show>
      </Section>
      <For each={d().indicators}>
        {(top) => (
          <Section title={`${top.key} ${top.name}（${s.points(top.points)}）`}>
            <ul class="cards">
              <For each={leavesOf([top]).map((l) => l.leaf)}>
                {(leaf) => (
                  <LeafCard
                    leaf={leaf}
                    roundId={roundId()}
                    unitId={unitId()}
                    editable={editable()}
                    onSaved={(r) =>
                      setProgress({ total: r.reviewTotal, scored: r.scored, missing: r.missing })
                    }
                  />
                )}
              </For>
            </ul>
          </Section>
        )}
      </For>

      <Show when={d().unit.status === 'submitted' && d().access.reviewer}>
        <Section title={s.publishTitle}>
          <p>{s.publishHint}</p>
          <Show when={progress().missing.length}>
            <div class="banner banner-error review-missing" role="status">
              <p>{s.missing(progress().missing.length)}</p>
              <ul>
                <For each={progress().missing}>{(key) => <li>{`${key} ${nameOf(key)}`}</li>}</For>
              </ul>
            </div>
          </Show>
          <Show when={decides()} fallback={<p>{s.leadOnly}</p>}>
            <TextAreaField
              id="review-summary"
              label={s.summary}
              value={summary()}
              onValue={(v) => {
                setSummary(v);
                keep();
              }}
              rows={5}
              maxLength={5000}
            />
            <ConfirmButton
              label={s.publish}
              question={s.publishQuestion}
              run={async () => {
                await reviewApi.publish(slug(), roundId(), unitId(), summary().trim());
                setSummary('');
                keep();
                notify(s.published);
                props.reload();
              }}
            />
          </Show>
        </Section>
      </Show>

      <Show when={d().unit.status !== 'self' && d().unit.status !== 'submitted'}>
        <Section title={s.replyTitle}>
          <Show
            when={d().unit.reply || d().unit.replyItems.length}
            fallback={
              <p>
                {d().unit.repliedAt
                  ? s.noObjection
                  : d().unit.status === 'final'
                    ? s.noReply
                    : s.waitingReply(d().round.replyDeadline)}
              </p>
            }
          >
            <ReplyText reply={d().unit.reply} items={d().unit.replyItems} nameOf={nameOf} />
          </Show>
          <Show when={d().unit.replyAnswer}>
            <p class="review-text">{s.answerLine(d().unit.replyAnswer)}</p>
          </Show>
        </Section>
      </Show>

      <Show when={canFinalize()}>
        <Section title={s.answerTitle}>
          <Show when={d().unit.status === 'replied'}>
            <p>{s.answerHint}</p>
            <TextAreaField
              id="review-answer"
              label={s.answer}
              value={answer()}
              onValue={(v) => {
                setAnswer(v);
                keep();
              }}
              rows={4}
              maxLength={5000}
            />
          </Show>
          <ConfirmButton
            label={s.finalize}
            question={s.finalizeQuestion}
            run={async () => {
              await reviewApi.finalize(slug(), roundId(), unitId(), answer().trim());
              setAnswer('');
              keep();
              notify(s.finalized);
              props.reload();
            }}
          />
        </Section>
      </Show>

      <Show when={d().unit.status === 'final'}>
        <Section title={s.finalTitle}>
          <p>{s.finalTotal(d().unit.finalTotal)}</p>
        </Section>
      </Show>
    </>
  );
}

function Files(props: { files: Workbench['evidence']; roundId: string; unitId: string }) {
  const { slug } = useTenant();
  return (
    <ul class="review-files">
      <For each={props.files}>
        {(f) => (
          <li>
            <a
              href={roundsApi.evidenceHref(slug(), props.roundId, props.unitId, f.id)}
              target="_blank"
              rel="noopener"
            >
              {f.fileName}
            </a>
          </li>
        )}
      </For>
    </ul>
  );
}

/** One leaf: what is asked, the unit's side, and the team's score and comment saved as typed. */
function LeafCard(props: {
  leaf: WorkbenchIndicator;
  roundId: string;
  unitId: string;
  editable: boolean;
  onSaved: (r: { reviewTotal: number; scored: number; missing: string[] }) => void;
}) {
  const { slug } = useTenant();
  const leaf = () => props.leaf;
  const [score, setScore] = createSignal(leaf().review ? String(leaf().review?.score) : '');
  const [note, setNote] = createSignal(leaf().review?.note ?? '');
  const [state, setState] = createSignal<'idle' | 'saving' | 'saved' | 'dirty'>('idle');
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const save = async () => {
    clearTimeout(timer);
    if (state() !== 'dirty') return;
    if (!validScore(score(), leaf().points)) {
      setError(s.badScore(leaf().points));
      return;
    }
    setState('saving');
    setError(null);
    try {
      const r = await reviewApi.saveReview(slug(), props.roundId, props.unitId, [
        { key: leaf().key, score: Number(score().trim()), note: note().trim() || null },
      ]);
      // Typing went on while the request ran: that newer text is saved on its own turn.
      if (state() === 'saving') setState('saved');
      props.onSaved(r);
    } catch (err) {
      const e = toApiError(err);
      setError(e.issues[0]?.message ?? e.message);
      setState('dirty');
    }
  };
  const changed = () => {
    setState('dirty');
    setError(null);
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  };

  return (
    <li class="card review-leaf" data-indicator={leaf().key}>
      <h3 class="card-title">
        {leaf().key} {leaf().name} <span class="badge">{s.points(leaf().points)}</span>
      </h3>
      <dl class="info-list">
        <Show when={leaf().criteria}>
          <dt>{s.criteria}</dt>
          <dd class="review-text">{leaf().criteria}</dd>
        </Show>
        <Show when={leaf().guidance}>
          <dt>{s.guidance}</dt>
          <dd class="review-text">{leaf().guidance}</dd>
        </Show>
        <Show when={leaf().evidenceAsked}>
          <dt>{s.evidenceAsked}</dt>
          <dd class="review-text">{leaf().evidenceAsked}</dd>
        </Show>
      </dl>
      <div class="review-self">
        <p>
          {s.selfScore}：{leaf().self ? s.score(leaf().self?.score) : s.noSelf}
        </p>
        <Show when={leaf().self?.note}>
          <p class="review-text">
            {s.selfNote}：{leaf().self?.note}
          </p>
        </Show>
        <Show when={leaf().evidence.length} fallback={<p>{s.noEvidence}</p>}>
          <p>{s.evidenceFiles}</p>
          <Files files={leaf().evidence} roundId={props.roundId} unitId={props.unitId} />
        </Show>
      </div>
      <Show
        when={props.editable}
        fallback={
          <Show when={leaf().review}>
            <p>
              {s.review}：{s.score(leaf().review?.score)}
              {leaf().review?.note ? `（${leaf().review?.note}）` : ''}
            </p>
          </Show>
        }
      >
        <div class="review-entry" onFocusOut={() => void save()}>
          <TextField
            id={`review-score-${leaf().key}`}
            label={s.reviewScore(leaf().points)}
            inputmode="decimal"
            value={score()}
            onValue={(v) => {
              setScore(v);
              changed();
            }}
            error={error() ?? undefined}
          />
          <TextAreaField
            id={`review-note-${leaf().key}`}
            label={s.reviewNote}
            value={note()}
            onValue={(v) => {
              setNote(v);
              changed();
            }}
            rows={2}
            maxLength={2000}
            optional
          />
          <p class={`review-status${error() ? ' review-error' : ''}`} aria-live="polite">
            {state() === 'saving'
              ? s.saving
              : state() === 'saved'
                ? s.saved
                : state() === 'dirty'
                  ? s.notSaved
                  : ''}
          </p>
        </div>
      </Show>
    </li>
  );
}
