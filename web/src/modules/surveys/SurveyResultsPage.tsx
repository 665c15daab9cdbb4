import { A, useParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { surveysTexts as s } from '../../texts/surveys';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { useTenant } from '../shell/context';
import {
  LOW_RATING_PERCENT,
  type ResultQuestion,
  type SurveyResults,
  surveysApi,
  surveysHref,
  type TextAnswer,
} from './api';
import { Bars } from './Bars';
import { canManageSurveys } from './permissions';
import './surveys.css';

/**
 * /t/:tenant/teaching/surveys/:id/results: below the threshold only the count; past it, a bar
 * chart per rating and choice question, the free-text answers (the office reviews them here; the
 * teacher sees those made public), per-class figures, the .xlsx export and, for a low 评教, the
 * way to put the teacher on the priority list.
 */
export default function SurveyResultsPage() {
  const { slug, session } = useTenant();
  const params = useParams();
  const load = createLoad(
    () => params.id ?? false,
    (id) => surveysApi.results(slug(), id),
  );
  const office = () => canManageSurveys(session().user.role);
  const [error, setError] = createSignal('');
  const [flagged, setFlagged] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const run = async (work: () => Promise<void>) => {
    setError('');
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const review = (r: SurveyResults, answer: TextAnswer, status: 'approved' | 'hidden') =>
    run(async () => {
      const got = await surveysApi.review(slug(), r.survey.id, answer.id, status);
      if (r.hidden) return;
      load.mutate({
        ...r,
        questions: r.questions.map((q) =>
          q.kind === 'text'
            ? { ...q, answers: q.answers.map((a) => (a.id === answer.id ? { ...a, ...got.answer } : a)) }
            : q,
        ),
      });
    });

  const flag = (r: SurveyResults & { hidden: false }) =>
    run(async () => {
      if (!r.survey.teacherId) return;
      await surveysApi.flagTeacher(slug(), {
        teacherId: r.survey.teacherId,
        reason: 'low_rating',
        note: s.flagNote(r.survey.title, r.overallPercent ?? 0),
      });
      setFlagged(true);
    });

  const chart = (q: ResultQuestion) => (
    <Switch>
      <Match when={q.kind === 'rating' && q}>
        {(r) => (
          <>
            <p class="card-meta">
              {s.mean(r().mean, r().max)} · {s.answered(r().answered)}
            </p>
            <Bars
              label={r().label}
              rows={r()
                .distribution.map((count, i) => ({ label: s.points(i + 1), count }))
                .reverse()}
            />
          </>
        )}
      </Match>
      <Match when={q.kind === 'choice' && q}>
        {(c) => (
          <>
            <p class="card-meta">{s.answered(c().answered)}</p>
            <Bars label={c().label} rows={c().options} />
          </>
        )}
      </Match>
    </Switch>
  );

  return (
    <Loaded load={load}>
      {(r) => (
        <Page title={`${s.resultsTitle}：${r().survey.title}`}>
          <p>
            <A href={surveysHref(slug(), office() ? `/${r().survey.id}` : '')}>
              {office() ? s.backToSurvey : s.backToList}
            </A>
          </p>
          <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
          <Show
            when={!r().hidden && (r() as SurveyResults & { hidden: false })}
            fallback={
              <Notice tone="info">
                <p class="survey-hidden">{s.hidden(r().responseCount, r().minResponses)}</p>
              </Notice>
            }
          >
            {(shown) => (
              <>
                <p class="survey-overall">
                  {s.overall}：<strong>{s.overallValue(shown().overallPercent)}</strong> ·{' '}
                  {s.responses(shown().responseCount)}
                </p>
                <Show
                  when={
                    shown().survey.kind === 'teaching_rating' &&
                    shown().overallPercent !== null &&
                    (shown().overallPercent as number) < LOW_RATING_PERCENT &&
                    office()
                  }
                >
                  <div class="banner banner-info" role="status">
                    <p>{s.lowRating(shown().overallPercent as number)}</p>
                    <Show when={!flagged()} fallback={<p>{s.flagged}</p>}>
                      <Button variant="primary" busy={busy()} onClick={() => void flag(shown())}>
                        {s.flag}
                      </Button>
                    </Show>
                  </div>
                </Show>
                <p class="actions">
                  <Button
                    busy={busy()}
                    onClick={() => void run(() => surveysApi.exportResults(slug(), shown().survey.id))}
                  >
                    {s.export}
                  </Button>
                </p>
                <ol class="cards survey-results">
                  <For each={shown().questions}>
                    {(q) => (
                      <li class="card">
                        <h2 class="card-title">{q.label}</h2>
                        <Show when={q.kind === 'text' && q} fallback={chart(q)}>
                          {(t) => (
                            <Show
                              when={t().answers.length > 0}
                              fallback={<p class="muted">{s.textsEmpty}</p>}
                            >
                              <Show when={office()}>
                                <p class="muted">{s.textsOfficeHint}</p>
                              </Show>
                              <ul class="survey-texts">
                                <For each={t().answers}>
                                  {(a) => (
                                    <li>
                                      <p>{a.body}</p>
                                      <Show when={office() && a.status}>
                                        <p class="actions">
                                          <span
                                            class={
                                              a.status === 'approved'
                                                ? 'badge badge-ok'
                                                : a.status === 'hidden'
                                                  ? 'badge'
                                                  : 'badge badge-warn'
                                            }
                                          >
                                            {s.textStatuses[a.status ?? 'pending']}
                                          </span>
                                          <Show when={a.status !== 'approved'}>
                                            <Button
                                              busy={busy()}
                                              onClick={() => void review(shown(), a, 'approved')}
                                            >
                                              {s.approve}
                                            </Button>
                                          </Show>
                                          <Show when={a.status !== 'hidden'}>
                                            <Button
                                              busy={busy()}
                                              onClick={() => void review(shown(), a, 'hidden')}
                                            >
                                              {s.hide}
                                            </Button>
                                          </Show>
                                        </p>
                                      </Show>
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </Show>
                          )}
                        </Show>
                      </li>
                    )}
                  </For>
                </ol>
                <section class="section" aria-label={s.byClass}>
                  <h2>{s.byClass}</h2>
                  <Show when={shown().byClass.length > 0} fallback={<p class="muted">{s.byClassEmpty}</p>}>
                    <ul class="cards">
                      <For each={shown().byClass}>
                        {(c) => (
                          <li class="card">
                            <p class="card-title">{c.label}</p>
                            <p class="card-meta">
                              {s.responses(c.responseCount)} · {s.overall} {s.overallValue(c.overallPercent)}
                            </p>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </section>
              </>
            )}
          </Show>
          <section class="section" aria-label={s.linksCount}>
            <h2>{s.linksCount}</h2>
            <ul class="cards">
              <For each={r().links}>
                {(l) => (
                  <li class="card">
                    <p class="card-title">{l.label}</p>
                    <p class="card-meta">{s.linkUsed(l.used, l.total)}</p>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Page>
      )}
    </Loaded>
  );
}
