import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { teachersTexts as s } from '../../texts/teachers';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { one } from '../../ui/searchParams';
import { currentSemester, semesterOptions } from '../../ui/semesters';
import { observationsHref } from '../observations/permissions';
import { useTenant } from '../shell/context';
import { type Grade, teachersApi } from './api';
import './teaching.css';

const GRADES: Grade[] = ['excellent', 'good', 'pass', 'fail'];

/** A plain CSS bar: `percent` of the track filled (no chart library for four bars). */
function Bar(props: { label: string; percent: number; value: string; class?: string }) {
  return (
    <li class="bar-row">
      <span>{props.label}</span>
      <span class="bar-track" aria-hidden="true">
        <span
          class={`bar-fill ${props.class ?? ''}`}
          style={{ width: `${Math.max(0, Math.min(100, props.percent))}%`, display: 'block' }}
        />
      </span>
      <span>{props.value}</span>
    </li>
  );
}

/**
 * /t/:tenant/teaching/teachers/:id: a teacher's semester summary (教师学期督教档案): lessons observed
 * (grades and section averages as bars, the latest ten), lessons they observed, the five-link checks,
 * priority flags and 评教 results (only past each survey's minimum of responses).
 */
export default function TeacherSummaryPage() {
  const { slug, config } = useTenant();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const q = createMemo(() => ({ id: params.id ?? '', semester: one(search.semester) }));
  const summary = createLoad(
    () => q(),
    (query) => teachersApi.summary(slug(), query.id, query.semester),
  );
  const title = () => (summary.data() ? s.title(summary.data()?.teacher.name ?? '') : s.loadingTitle);

  return (
    <Page title={title()}>
      <Loaded load={summary}>
        {(d) => (
          <>
            <p class="muted">{s.unit(d().teacher.unitName)}</p>
            <form class="filters" onSubmit={(e) => e.preventDefault()}>
              <SelectField
                id="summary-semester"
                label={s.semester}
                value={d().semester}
                options={semesterOptions(currentSemester(config().semesters))}
                onValue={(v) => setSearch({ semester: v }, { replace: true })}
              />
            </form>
            <dl class="summary-stats">
              <div>
                <dt>{s.observedCount}</dt>
                <dd>{s.times(d().observed.count)}</dd>
              </div>
              <div>
                <dt>{s.averageTotal}</dt>
                <dd>{s.points(d().observed.averageTotal)}</dd>
              </div>
              <div>
                <dt>{s.observedByThem}</dt>
                <dd>{s.times(d().observedByThem.count)}</dd>
              </div>
            </dl>

            <Show when={d().observed.count > 0} fallback={<p class="empty">{s.noObservations}</p>}>
              <section class="section card" aria-labelledby="summary-grades">
                <h2 id="summary-grades">{s.grades}</h2>
                <ul class="bars">
                  <For each={GRADES}>
                    {(g) => (
                      <Bar
                        label={d().observed.gradeLabels[g]}
                        percent={(d().observed.grades[g] / d().observed.count) * 100}
                        value={s.times(d().observed.grades[g])}
                        class={`grade-${g}`}
                      />
                    )}
                  </For>
                </ul>
              </section>
              <section class="section card" aria-labelledby="summary-sections">
                <h2 id="summary-sections">{s.sections}</h2>
                <ul class="bars">
                  <For each={d().observed.sections}>
                    {(x) => (
                      <Bar
                        label={x.title}
                        percent={x.percent}
                        value={s.sectionValue(x.average, x.max, x.percent)}
                      />
                    )}
                  </For>
                </ul>
              </section>
              <section class="section" aria-labelledby="summary-latest">
                <h2 id="summary-latest">{s.latest}</h2>
                <ul class="cards">
                  <For each={d().observed.latest}>
                    {(o) => (
                      <li class="card">
                        <p class="card-title">
                          <A href={observationsHref(slug(), `/${o.id}`)}>
                            {s.lessonLine(o.observedOn, o.period, o.course, o.className)}
                          </A>
                        </p>
                        <p class="card-meta">
                          {o.total} 分 · {o.gradeLabel} · {s.byObserver(o.observerName)}
                        </p>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>

            <section class="section card" aria-labelledby="summary-checks">
              <h2 id="summary-checks">{s.checks}</h2>
              <p class="muted">
                {s.checksTotals(d().checks.count, d().checks.sampledPlans, d().checks.sampledHomework)}
              </p>
              <dl class="check-links">
                <For each={d().checks.links}>
                  {(l) => (
                    <div classList={{ 'check-missing': !l.latest }}>
                      <dt>{l.label}</dt>
                      <dd title={l.latest?.comment ?? undefined}>
                        {l.latest ? l.latest.score : s.notChecked}
                      </dd>
                    </div>
                  )}
                </For>
              </dl>
            </section>

            <section class="section card" aria-labelledby="summary-flags">
              <h2 id="summary-flags">{s.flags}</h2>
              <Show when={d().flags.length > 0} fallback={<p class="muted">{s.noFlags}</p>}>
                <p>
                  <For each={d().flags}>
                    {(f) => (
                      <>
                        <span class={f.clearedAt ? 'badge' : 'badge badge-warn'}>
                          {f.reasonLabel}
                          {f.clearedAt ? `（${s.cleared}）` : ''}
                        </span>{' '}
                      </>
                    )}
                  </For>
                </p>
              </Show>
            </section>

            <section class="section card" aria-labelledby="summary-ratings">
              <h2 id="summary-ratings">{s.ratings}</h2>
              <Show when={d().ratings.length > 0} fallback={<p class="muted">{s.noRatings}</p>}>
                <ul class="cards">
                  <For each={d().ratings}>
                    {(r) => (
                      <li class="card">
                        <p class="card-title">
                          {r.title}
                          {r.course ? ` · ${r.course}` : ''}
                        </p>
                        <Show
                          when={!r.hidden}
                          fallback={<p class="card-meta">{s.hidden(r.responses, r.minResponses)}</p>}
                        >
                          <p class="card-meta">
                            {s.responses(r.responses)} · {s.ratingAverage(r.average ?? null)}
                          </p>
                          <ul class="bars">
                            <For each={r.questions ?? []}>
                              {(qn) => (
                                <Bar
                                  label={qn.label}
                                  percent={qn.average ?? 0}
                                  value={qn.average === null ? '—' : String(qn.average)}
                                />
                              )}
                            </For>
                          </ul>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
