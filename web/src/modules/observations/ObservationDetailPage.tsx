import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { type ApiError, toApiError } from '../../api';
import { texts } from '../../texts';
import { observationsTexts as s } from '../../texts/observations';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatTime } from '../../ui/format';
import { InfoList } from '../../ui/InfoList';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { TextAreaField } from '../../ui/TextAreaField';
import { useTenant } from '../shell/context';
import { summaryHref } from '../teachers/api';
import { COMMENT_MAX, type ObservationDetail, observationsApi } from './api';
import { observationsHref } from './permissions';
import './observations.css';

/**
 * /t/:tenant/teaching/observations/:id: everything recorded, each item's score, the total and grade;
 * the observed teacher acknowledges it here once, with an optional reply, which everyone who may
 * read the record then sees.
 */
export default function ObservationDetailPage() {
  const { slug, session, config } = useTenant();
  const params = useParams();
  const record = createLoad(
    () => params.id as string,
    (id) => observationsApi.get(slug(), id).then((r) => r.observation),
  );
  return (
    <Page title={s.detailTitle}>
      <p class="actions">
        <A href={observationsHref(slug())}>{s.backToList}</A>
      </p>
      <Loaded load={record}>
        {(o) => (
          <Record
            o={o()}
            slug={slug()}
            meId={session().user.id}
            unitWord={config().vocabulary.unit}
            onChanged={record.reload}
          />
        )}
      </Loaded>
    </Page>
  );
}

function Text(props: { value: string | null }) {
  return <span class="obs-text">{props.value || texts.common.none}</span>;
}

function Record(props: {
  o: ObservationDetail;
  slug: string;
  meId: string;
  unitWord: string;
  onChanged: () => void;
}) {
  const o = () => props.o;
  const body = () => o().rubric?.body;
  const mine = () => o().teacherId === props.meId;
  return (
    <article class="obs-record">
      <section class="section card">
        <h2>{`${o().teacherName ?? ''} · ${o().course}`}</h2>
        <InfoList
          items={[
            {
              label: s.teacher,
              // The teacher's semester summary (教师学期督教档案); the server answers 404 to whoever may not read it.
              value: (
                <A href={summaryHref(useTenant().slug(), o().teacherId, o().semester)}>
                  {o().teacherName ?? texts.common.none}
                </A>
              ),
            },
            { label: s.unit(props.unitWord), value: o().unitName ?? texts.common.none },
            { label: s.course, value: o().course },
            { label: s.className, value: o().className },
            { label: s.observedOn, value: `${o().observedOn} ${s.periodOf(o().period)}` },
            { label: s.lessonType, value: s.lessonTypes[o().lessonType] },
            { label: s.kind, value: s.kinds[o().kind] },
            { label: s.observer, value: o().observerName ?? texts.common.none },
            { label: s.semester, value: o().semesterLabel },
            {
              label: s.totalScore,
              value: o().rubric?.maxTotal ? `${o().total} / ${o().rubric?.maxTotal}` : String(o().total),
            },
            { label: s.grade, value: s.grades[o().grade] },
          ]}
        />
      </section>

      <Show when={body()}>
        {(b) => (
          <section class="section card" aria-label={s.scoresTitle}>
            <h2>{s.scoresTitle}</h2>
            <Show when={o().rubric}>{(r) => <p class="muted">{s.rubricOf(r().name, r().version)}</p>}</Show>
            <table class="obs-scores">
              <tbody>
                <For each={b().sections}>
                  {(sec) => (
                    <>
                      <tr>
                        <th scope="rowgroup" colSpan={2}>
                          {s.sectionOf(
                            sec.title,
                            sec.items.reduce((n, i) => n + (o().scores[i.key] ?? 0), 0),
                            sec.items.reduce((n, i) => n + i.max, 0),
                          )}
                        </th>
                      </tr>
                      <For each={sec.items}>
                        {(item) => (
                          <tr>
                            <td>{item.label}</td>
                            <td class="obs-num">{`${o().scores[item.key] ?? texts.common.none} / ${item.max}`}</td>
                          </tr>
                        )}
                      </For>
                    </>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        )}
      </Show>

      <section class="section card">
        <h2>{s.comments}</h2>
        <InfoList
          items={[
            { label: s.strengths, value: <Text value={o().strengths} /> },
            { label: s.problems, value: <Text value={o().problems} /> },
            { label: s.suggestions, value: <Text value={o().suggestions} /> },
          ]}
        />
      </section>

      <section class="section card" aria-label={s.feedbackTitle}>
        <h2>{s.feedbackTitle}</h2>
        <Show
          when={o().acknowledgedAt}
          fallback={
            <Show when={mine()} fallback={<p class="muted">{s.notAcknowledged}</p>}>
              <AcknowledgeForm slug={props.slug} id={o().id} onDone={props.onChanged} />
            </Show>
          }
        >
          {(at) => (
            <>
              <p>{s.acknowledgedAt(formatTime(at()))}</p>
              <InfoList items={[{ label: s.reply, value: <Text value={o().reply ?? s.noReply} /> }]} />
            </>
          )}
        </Show>
      </section>
    </article>
  );
}

function AcknowledgeForm(props: { slug: string; id: string; onDone: () => void }) {
  const { notify } = useTenant();
  const [reply, setReply] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<ApiError | null>(null);
  const replyError = () => error()?.issues.find((i) => i.path === 'reply')?.message;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      await observationsApi.acknowledge(props.slug, props.id, reply().trim());
      notify(s.acknowledgedOk);
      props.onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} novalidate>
      <p class="muted">{s.notAcknowledged}</p>
      <TextAreaField
        id="obs-reply"
        label={s.replyLabel}
        hint={s.replyHint}
        optional
        rows={3}
        maxLength={COMMENT_MAX}
        value={reply()}
        error={replyError()}
        onValue={setReply}
      />
      <Show when={error() && !replyError()}>
        <ErrorBanner message={error()?.message ?? ''} />
      </Show>
      <Show when={busy()}>
        <Notice tone="info">{texts.common.loading}</Notice>
      </Show>
      <Button type="submit" variant="primary" class="btn-block" disabled={busy()}>
        {s.acknowledge}
      </Button>
    </form>
  );
}
