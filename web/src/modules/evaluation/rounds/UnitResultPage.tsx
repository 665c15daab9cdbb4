import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../../api';
import { texts } from '../../../texts';
import { reviewTexts as s } from '../../../texts/evaluation-review';
import { Button } from '../../../ui/Button';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { draftStore } from '../../../ui/draftStore';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { Loaded } from '../../../ui/Loaded';
import { createLoad } from '../../../ui/load';
import { Notice } from '../../../ui/Notice';
import { Page } from '../../../ui/Page';
import { Section } from '../../../ui/Section';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useTenant } from '../../shell/context';
import { ReplyText } from './ReplyText';
import { leavesOf, reviewApi, roundHref, unitHref, type Workbench } from './review-api';
import './review.css';

/** The reply typed so far: the general text and one claim per leaf key, kept across a reload. */
const replyDraft = draftStore<{ text: string; claims: string }>({
  prefix: 'evaluation-reply',
  fields: ['text', 'claims'],
  empty: () => ({ text: '', claims: '{}' }),
  storage: 'local',
  blankIsNone: true,
});

/** /t/:tenant/evaluation/rounds/:id/units/:unitId/result: the unit's result, reply and report. */
export default function UnitResultPage() {
  const params = useParams();
  const { slug } = useTenant();
  const record = createLoad(
    () => (params.id && params.unitId ? { id: params.id, unitId: params.unitId } : false),
    (p) => reviewApi.workbench(slug(), p.id, p.unitId),
  );
  return (
    <Page title={s.resultTitle(record.data()?.unit.name ?? '')}>
      <p>
        <A href={roundHref(slug(), params.id ?? '')}>{s.backToRound}</A>
      </p>
      <Loaded load={record}>{(d) => <Result data={d()} reload={record.reload} />}</Loaded>
    </Page>
  );
}

function Result(props: { data: Workbench; reload: () => void }) {
  const { slug } = useTenant();
  const d = () => props.data;
  const status = () => d().unit.status;
  const published = () => status() === 'reviewed' || status() === 'replied' || status() === 'final';
  const leaves = () => leavesOf(d().indicators).map((l) => l.leaf);
  const nameOf = (key: string) => leaves().find((l) => l.key === key)?.name ?? '';
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const downloadReport = async () => {
    setBusy(true);
    setError(null);
    try {
      await reviewApi.reportDocx(slug(), d().round.id, d().unit.id);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p class="card-meta">
        <span class="badge">{s.status[status()]}</span> {s.selfTotal(d().unit.selfTotal)}
      </p>
      <Show when={published()} fallback={<Notice tone="info">{s.notPublished}</Notice>}>
        <Section title={status() === 'final' ? s.finalTitle : s.preliminary}>
          <p>
            <strong>
              {status() === 'final'
                ? s.finalTotalOf(d().unit.finalTotal, d().scheme.totalPoints)
                : s.preliminaryTotal(d().unit.reviewTotal, d().scheme.totalPoints)}
            </strong>
          </p>
          <p>{s.teamNote}：</p>
          <p class="review-text">{d().unit.reviewSummary}</p>
          <div class="actions no-print">
            <Button busy={busy()} onClick={downloadReport}>
              {busy() ? s.downloading : s.downloadReport}
            </Button>
            <A href={unitHref(slug(), d().round.id, d().unit.id, 'report')}>{s.printReport}</A>
          </div>
          <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
        </Section>
        <Section title={s.scoresHeading}>
          <ul class="cards">
            <For each={leaves()}>
              {(leaf) => (
                <li class="card" data-indicator={leaf.key}>
                  <h3 class="card-title">
                    {leaf.key} {leaf.name} <span class="badge">{s.points(leaf.points)}</span>
                  </h3>
                  <p>
                    {s.self} {s.score(leaf.self?.score)} · {s.review} {s.score(leaf.review?.score)}
                  </p>
                  <Show when={leaf.review?.note}>
                    <p class="review-text">
                      {s.reviewNote}：{leaf.review?.note}
                    </p>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Section>
        <Show when={status() === 'reviewed' && !d().unit.repliedAt}>
          <ReplyForm data={d()} onSent={props.reload} />
        </Show>
        <Show when={d().unit.repliedAt}>
          <Section title={s.yourReply}>
            <Show when={d().unit.reply || d().unit.replyItems.length} fallback={<p>{s.noObjection}</p>}>
              <ReplyText reply={d().unit.reply} items={d().unit.replyItems} nameOf={nameOf} />
              <p class="review-text">
                {d().unit.replyAnswer ? `${s.teamAnswer}：${d().unit.replyAnswer}` : s.awaitingAnswer}
              </p>
            </Show>
          </Section>
        </Show>
      </Show>
    </>
  );
}

function ReplyForm(props: { data: Workbench; onSent: () => void }) {
  const { slug, notify } = useTenant();
  const d = () => props.data;
  const slot = replyDraft(slug(), d().round.id, d().unit.id);
  const saved = slot.load();
  const parse = (raw: string): Record<string, string> => {
    try {
      const v = JSON.parse(raw) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const [text, setText] = createSignal(saved?.text ?? '');
  const [claims, setClaims] = createSignal<Record<string, string>>(parse(saved?.claims ?? '{}'));
  const [fieldError, setFieldError] = createSignal<string | null>(null);
  const keep = () => slot.save({ text: text(), claims: JSON.stringify(claims()) });
  const closed = () => d().access.today > d().round.replyDeadline;
  const leaves = () => leavesOf(d().indicators).map((l) => l.leaf);

  return (
    <Section title={s.replyFormTitle}>
      <Show when={!closed()} fallback={<p>{s.replyClosed(d().round.replyDeadline)}</p>}>
        <p>{s.replyHint(d().round.replyDeadline)}</p>
        <TextAreaField
          id="reply-text"
          label={s.replyText}
          value={text()}
          onValue={(v) => {
            setText(v);
            setFieldError(null);
            keep();
          }}
          rows={5}
          maxLength={5000}
          error={fieldError() ?? undefined}
        />
        <details>
          <summary>{s.claims}</summary>
          <For each={leaves()}>
            {(leaf) => (
              <TextAreaField
                id={`reply-claim-${leaf.key}`}
                label={s.claimFor(leaf.key, leaf.name)}
                value={claims()[leaf.key] ?? ''}
                onValue={(v) => {
                  setClaims({ ...claims(), [leaf.key]: v });
                  keep();
                }}
                rows={2}
                maxLength={2000}
                optional
              />
            )}
          </For>
        </details>
        <div class="actions">
          <ConfirmButton
            label={s.sendReply}
            question={s.replyQuestion}
            run={async () => {
              if (!text().trim()) {
                const message = texts.common.required(s.replyText);
                setFieldError(message);
                throw new Error(message);
              }
              const items = Object.entries(claims())
                .filter(([, v]) => v.trim())
                .map(([indicatorKey, v]) => ({ indicatorKey, text: v.trim() }));
              await reviewApi.reply(slug(), d().round.id, d().unit.id, { text: text().trim(), items });
              slot.clear();
              notify(s.replySent);
              props.onSent();
            }}
          />
          <ConfirmButton
            label={s.noObjectionButton}
            question={s.noObjectionQuestion}
            run={async () => {
              await reviewApi.reply(slug(), d().round.id, d().unit.id, { noObjection: true });
              slot.clear();
              notify(s.noObjectionSent);
              props.onSent();
            }}
          />
        </div>
      </Show>
    </Section>
  );
}
