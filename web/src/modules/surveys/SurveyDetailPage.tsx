import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { surveysTexts as s } from '../../texts/surveys';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { semesterLabel } from '../../ui/semesters';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { MAX_LINKS, type SurveyDetail, surveysApi, surveysHref } from './api';
import { SlipSheet } from './SlipSheet';
import './surveys.css';

/**
 * /t/:tenant/teaching/surveys/:id: a survey's state and questions, opening and closing it, and its
 * class link batches: make one, print its slips now (the links are shown this once), and see how
 * many of each class answered.
 */
export default function SurveyDetailPage() {
  const { slug } = useTenant();
  const params = useParams();
  const load = createLoad(
    () => params.id ?? false,
    (id) => surveysApi.get(slug(), id).then((r) => r.survey),
  );
  const [label, setLabel] = createSignal('');
  const [count, setCount] = createSignal('40');
  const [made, setMade] = createSignal<{ label: string; urls: string[] } | null>(null);
  const errors = createFormErrors(['label', 'count'] as const, 'links');
  const [actionError, setActionError] = createSignal('');

  const act = async (run: () => Promise<{ survey: SurveyDetail }>) => {
    setActionError('');
    try {
      load.mutate((await run()).survey);
    } catch (err) {
      setActionError((err as Error).message);
    }
  };

  const makeLinks = (e: Event, survey: SurveyDetail) => {
    e.preventDefault();
    void errors.run(async () => {
      const got = await surveysApi.links(slug(), survey.id, { label: label(), count: Number(count()) });
      setMade({ label: got.link.label, urls: got.urls });
      load.mutate({ ...survey, links: [...survey.links, got.link] });
      setLabel('');
    });
  };

  return (
    <Loaded load={load}>
      {(survey) => (
        <Page title={survey().title}>
          <p class="survey-tools">
            <A href={surveysHref(slug())}>{s.backToList}</A>
          </p>
          <dl class="info-list survey-tools">
            <dt>{s.kind}</dt>
            <dd>
              {s.kinds[survey().kind]}
              <Show when={survey().teacher}>{(t) => <> · {t().name}</>}</Show>
              <Show when={survey().course}> · {survey().course}</Show>
            </dd>
            <dt>{s.status}</dt>
            <dd>
              {s.statuses[survey().status]} · {s.responses(survey().responseCount)}
            </dd>
            <dt>{s.semester}</dt>
            <dd>{semesterLabel(survey().semester)}</dd>
            <dt>{s.closesOnLabel}</dt>
            <dd>{survey().closesOn ?? s.noneDate}</dd>
            <dt>{s.minResponses}</dt>
            <dd>{survey().minResponses}</dd>
          </dl>
          <Show when={actionError()}>{(m) => <ErrorBanner message={m()} />}</Show>
          <div class="actions survey-tools">
            <A class="btn btn-secondary" href={surveysHref(slug(), `/${survey().id}/results`)}>
              {s.viewResults}
            </A>
            <Show when={survey().canManage && survey().status === 'draft'}>
              <A class="btn btn-secondary" href={surveysHref(slug(), `/${survey().id}/edit`)}>
                {s.edit}
              </A>
              <ConfirmButton
                label={s.open}
                question={s.openQuestion}
                run={() => act(() => surveysApi.open(slug(), survey().id))}
              />
            </Show>
            <Show when={survey().canManage && survey().status === 'open'}>
              <ConfirmButton
                label={s.close}
                question={s.closeQuestion}
                danger
                run={() => act(() => surveysApi.close(slug(), survey().id))}
              />
            </Show>
          </div>

          <section class="section survey-tools" aria-label={s.links}>
            <h2>{s.links}</h2>
            <p class="muted">{s.linksHint}</p>
            <Show when={survey().links.length > 0} fallback={<p class="muted">{s.linksEmpty}</p>}>
              <ul class="cards">
                <For each={survey().links}>
                  {(l) => (
                    <li class="card">
                      <p class="card-title">{l.label}</p>
                      <p class="card-meta">{s.linkUsed(l.used, l.total)}</p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={survey().canManage && survey().status !== 'closed'}>
              <form class="form" onSubmit={(e) => makeLinks(e, survey())} novalidate>
                <Show when={errors.banner()}>
                  {(b) => <ErrorBanner message={b().message} details={b().details} />}
                </Show>
                <TextField
                  id="links-label"
                  label={s.linkLabel}
                  placeholder={s.linkLabelPlaceholder}
                  value={label()}
                  error={errors.field('label')}
                  onValue={setLabel}
                />
                <TextField
                  id="links-count"
                  type="number"
                  inputmode="numeric"
                  min={1}
                  max={MAX_LINKS}
                  label={s.linkCount}
                  value={count()}
                  error={errors.field('count')}
                  onValue={setCount}
                />
                <Button type="submit" variant="primary" busy={errors.busy()}>
                  {s.makeLinks}
                </Button>
              </form>
            </Show>
          </section>

          <Show when={made()}>
            {(m) => (
              <>
                <div class="survey-tools">
                  <Notice tone="info">
                    <p>{s.printNow}</p>
                  </Notice>
                  <Button variant="primary" onClick={() => window.print()}>
                    {s.print}
                  </Button>
                </div>
                <SlipSheet title={survey().title} label={m().label} urls={m().urls} />
              </>
            )}
          </Show>

          <section class="section survey-tools" aria-label={s.questions}>
            <h2>{s.questions}</h2>
            <ol>
              <For each={survey().questions}>
                {(q) => (
                  <li>
                    {q.label}{' '}
                    <span class="muted">
                      （{s.questionKinds[q.kind]}
                      {q.required ? `，${s.required}` : ''}）
                    </span>
                  </li>
                )}
              </For>
            </ol>
          </section>
        </Page>
      )}
    </Loaded>
  );
}
