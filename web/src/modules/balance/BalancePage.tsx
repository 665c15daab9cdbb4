import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { balanceTexts as s } from '../../texts/balance';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { readFileBytes } from '../../ui/readFile';
import { Section } from '../../ui/Section';
import { SelectField } from '../../ui/SelectField';
import { one } from '../../ui/searchParams';
import type { RowError } from '../imports/api';
import { ImportErrors } from '../imports/ImportErrors';
import { useTenant } from '../shell/context';
import { balanceApi, type SchoolRow, type YearCoefficients, type YearSchools } from './api';
import { CoefficientBars, TrendLines } from './charts';
import '../dashboard/dashboard.css';
import './balance.css';

const TONES = ['dash-c0', 'dash-c1', 'dash-c2', 'dash-c3', 'dash-c4', 'dash-c5', 'balance-c6'];
const fmt = (n: number) => (Math.abs(n) >= 100 ? String(Math.round(n)) : String(Math.round(n * 100) / 100));

/** A school year starts in September (Beijing): before it, the current one began last year. */
function currentSchoolYear(): number {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/** /t/:tenant/balance: one school year's coefficients, schools and import; the years compared. */
export default function BalancePage() {
  const { slug, session, notify } = useTenant();
  const canEdit = () => ['admin', 'director'].includes(session().user.role);
  const [search, setSearch] = useSearchParams();
  const years = createLoad(
    () => slug(),
    (x) => balanceApi.years(x),
  );
  const year = createMemo(() => {
    const asked = Number(one(search.year));
    if (asked >= 2000) return asked;
    return years.data()?.items[0]?.year ?? currentSchoolYear();
  });
  const yearChoices = createMemo(() => {
    const set = new Set((years.data()?.items ?? []).map((i) => i.year));
    const now = currentSchoolYear();
    for (let y = now; y >= now - 4; y--) set.add(y);
    set.add(year());
    return [...set].sort((a, b) => b - a);
  });
  const ready = () =>
    years.data() && years.data()?.schoolUnits !== 0 ? { slug: slug(), year: year() } : false;
  const coefficients = createLoad(ready, (x) => balanceApi.coefficients(x.slug, x.year));
  const schools = createLoad(ready, (x) => balanceApi.schools(x.slug, x.year));
  const trend = createLoad(ready, (x) => balanceApi.trend(x.slug));
  const reloadAll = () => {
    years.reload();
    coefficients.reload();
    schools.reload();
    trend.reload();
  };

  const [file, setFile] = createSignal<File | null>(null);
  const [busy, setBusy] = createSignal<'import' | 'export' | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  const [rowErrors, setRowErrors] = createSignal<{ errors: RowError[]; total: number } | null>(null);
  const choose = async (chosen: File | null) => {
    setFile(null);
    setRowErrors(null);
    if (!chosen) return;
    try {
      const bytes = await readFileBytes(chosen);
      setFile(new File([bytes], chosen.name, { type: chosen.type }));
    } catch {
      setMessage(s.noFile);
    }
  };
  const runImport = async () => {
    const chosen = file();
    setMessage(null);
    setRowErrors(null);
    if (!chosen) return setMessage(s.noFile);
    setBusy('import');
    try {
      const done = await balanceApi.import(slug(), year(), chosen);
      notify(s.imported(done.rows, year()));
      reloadAll();
    } catch (err) {
      const e = toApiError(err);
      const errors = e.details?.errors;
      if (Array.isArray(errors) && errors.length > 0) {
        setRowErrors({ errors: errors as RowError[], total: Number(e.details?.errorCount ?? errors.length) });
      } else setMessage(e.message);
    } finally {
      setBusy(null);
    }
  };
  const runExport = async () => {
    setBusy('export');
    setMessage(null);
    try {
      await balanceApi.export(slug(), year());
    } catch (err) {
      setMessage(toApiError(err).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page title={s.title}>
      <p class="muted">{s.intro}</p>
      <Loaded load={years}>
        {(y) => (
          <Show when={y().schoolUnits > 0} fallback={<Notice tone="info">{s.noSchools}</Notice>}>
            <form class="filters balance-year" onSubmit={(e) => e.preventDefault()}>
              <SelectField
                id="balance-year"
                label={s.year}
                value={String(year())}
                options={yearChoices().map((v) => ({ value: String(v), label: s.yearLabel(v) }))}
                onValue={(v) => setSearch({ year: v }, { replace: true })}
              />
              <Button busy={busy() === 'export'} onClick={runExport}>
                {s.export}
              </Button>
            </form>
            <Show when={y().items.length === 0}>
              <Notice tone="info">{s.noYears}</Notice>
            </Show>
            <Show when={message()}>{(m) => <ErrorBanner message={m()} />}</Show>
            <Show when={canEdit()}>
              <Section title={s.importTitle}>
                <p class="muted">{s.importHint}</p>
                <Field id="balance-file" label={s.chooseFile}>
                  <input
                    id="balance-file"
                    type="file"
                    accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                    onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
                  />
                </Field>
                <p class="actions">
                  <Button busy={busy() === 'import'} onClick={runImport}>
                    {s.import}
                  </Button>
                </p>
                <Show when={rowErrors()}>
                  {(r) => <ImportErrors errors={r().errors} total={r().total} />}
                </Show>
              </Section>
            </Show>
            <Loaded load={coefficients}>{(c) => <Coefficients data={c()} />}</Loaded>
            <Loaded load={schools}>
              {(d) => <SchoolTable data={d()} canEdit={canEdit()} slug={slug()} />}
            </Loaded>
            <Loaded load={trend}>
              {(t) => (
                <Show when={t().items.length > 1}>
                  <Section title={s.trendTitle}>
                    <For each={['primary', 'junior'] as const}>
                      {(stage) => (
                        <>
                          <h3>{s.stages[stage]}</h3>
                          <TrendLines
                            years={t().items.map((i) => String(i.year))}
                            threshold={t().items[0]?.stages.find((x) => x.stage === stage)?.threshold ?? 0.5}
                            summary={s.trendSummary(s.stages[stage] ?? stage)}
                            series={t().indicators.map((ind, i) => ({
                              label: ind.short,
                              tone: TONES[i] ?? 'dash-c0',
                              values: t().items.map(
                                (item) => item.stages.find((x) => x.stage === stage)?.cv[ind.key] ?? null,
                              ),
                            }))}
                          />
                        </>
                      )}
                    </For>
                  </Section>
                </Show>
              )}
            </Loaded>
          </Show>
        )}
      </Loaded>
    </Page>
  );
}

function Coefficients(props: { data: YearCoefficients }) {
  return (
    <>
      <For each={props.data.stages}>
        {(st) => {
          const name = s.stages[st.stage] ?? st.stage;
          const failing = () => st.indicators.filter((i) => i.cv !== null && !i.pass);
          return (
            <Section title={s.coefficientsTitle(name, st.schools)}>
              <p>
                <span class={st.pass ? 'badge' : 'badge badge-danger'}>{s.stagePass(name, st.pass)}</span>
              </p>
              <Show when={st.schools > 0}>
                <CoefficientBars
                  rows={st.indicators.map((i) => ({
                    label: i.label.replace(/^(每百名学生拥有|生均)/, ''),
                    value: i.cv,
                    pass: i.pass,
                  }))}
                  threshold={st.indicators[0]?.threshold ?? 0.5}
                  summary={s.chartSummary(name)}
                />
                <div class="table-wrap">
                  <table class="table balance-table" data-stage={st.stage}>
                    <thead>
                      <tr>
                        <th scope="col">{s.school}</th>
                        <th scope="col">{s.mean}</th>
                        <th scope="col">CV</th>
                        <th scope="col">{s.threshold(st.indicators[0]?.threshold ?? 0)}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={st.indicators}>
                        {(i) => (
                          <tr data-key={i.key}>
                            <th scope="row">{i.label}</th>
                            <td>{fmt(i.mean)}</td>
                            <td class={i.cv !== null && !i.pass ? 'balance-below' : ''}>{i.cv ?? '—'}</td>
                            <td>{i.cv === null ? s.noData : i.pass ? s.pass : s.fail}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <p class="muted">
                  {s.basicTitle}：{s.basic(st.basic.composite, st.basic.threshold)}
                </p>
                <h3>{s.pullsTitle}</h3>
                <Show when={failing().length > 0} fallback={<p class="muted">{s.allPass}</p>}>
                  <ul class="balance-pulls">
                    <For each={failing()}>
                      {(i) => (
                        <li data-pulls={i.key}>
                          <strong>{s.pulls(i.label, i.cv, i.threshold)}</strong>
                          <ul>
                            <For each={i.pulls}>
                              {(p) => <li>{s.pull(p.school, fmt(p.value), Math.round(p.share * 100))}</li>}
                            </For>
                          </ul>
                          <Show when={i.remedy}>
                            {(r) => (
                              <>
                                <p>
                                  {(() => {
                                    const raise = r().raise;
                                    return raise
                                      ? s.raise(
                                          raise.school,
                                          fmt(raise.total),
                                          fmt(raise.needed),
                                          fmt(raise.add),
                                          '',
                                          raise.cvAfter,
                                        )
                                      : s.noRaise;
                                  })()}
                                </p>
                                <For each={r().toMean}>
                                  {(t) => <p class="muted">{s.toMean(t.school, t.cvAfter)}</p>}
                                </For>
                              </>
                            )}
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <For each={st.indicators.filter((i) => i.missing.length > 0)}>
                  {(i) => <p class="muted">{s.missing(i.label, i.missing.join('、'))}</p>}
                </For>
              </Show>
            </Section>
          );
        }}
      </For>
      <Show when={props.data.excluded.length > 0}>
        <p class="muted">
          {s.excluded}：{props.data.excluded.map((e) => `${e.school}（${e.reason}）`).join('；')}
        </p>
      </Show>
      <Show when={props.data.noFigures.length > 0}>
        <p class="muted">
          {s.noFigures(props.data.noFigures.length)}
          {props.data.noFigures.map((e) => e.school).join('、')}
        </p>
      </Show>
    </>
  );
}

function SchoolTable(props: { data: YearSchools; canEdit: boolean; slug: string }) {
  const href = (unitId: string) => `/t/${props.slug}/balance/${props.data.year}/${unitId}`;
  type Check = NonNullable<SchoolRow['checks']>[number];
  const rows = (): { sc: SchoolRow; check: Check | null }[] =>
    props.data.schools.flatMap((sc): { sc: SchoolRow; check: Check | null }[] =>
      sc.missing || !sc.checks?.length ? [{ sc, check: null }] : sc.checks.map((check) => ({ sc, check })),
    );
  return (
    <Section title={s.schoolsTitle}>
      <p class="muted">{s.schoolsHint}</p>
      <div class="table-wrap">
        <table class="table balance-table" id="balance-schools">
          <thead>
            <tr>
              <th scope="col">{s.school}</th>
              <th scope="col">{s.kind}</th>
              <th scope="col">{s.enrolment}</th>
              <For each={props.data.indicators}>{(i) => <th scope="col">{i.short}</th>}</For>
              <th scope="col">{s.met}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {({ sc, check }) => (
                <tr data-unit={sc.unitId}>
                  <th scope="row">
                    {sc.name}
                    <Show when={check && sc.checks && sc.checks.length > 1}>
                      {' '}
                      · {s.stages[check?.stage ?? '']}
                    </Show>{' '}
                    <Show when={props.canEdit}>
                      <A href={href(sc.unitId)}>{sc.missing ? s.fill : s.edit}</A>
                    </Show>
                  </th>
                  <td>{sc.kind}</td>
                  <td>
                    {check
                      ? (sc.enrolmentByStage?.[check.stage] ?? sc.enrolment)
                      : sc.missing
                        ? s.notFilled
                        : sc.enrolment}
                  </td>
                  <For each={props.data.indicators}>
                    {(i) => {
                      const v = check?.values[i.key];
                      return (
                        <td
                          data-key={i.key}
                          class={
                            check && (v === undefined || v < i.minimum[check.stage]) ? 'balance-below' : ''
                          }
                        >
                          {v === undefined ? '—' : fmt(v)}
                        </td>
                      );
                    }}
                  </For>
                  <td>
                    {check
                      ? `${check.met.length}/${props.data.indicators.length}`
                      : sc.excluded
                        ? s.excludedShort
                        : '—'}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Section>
  );
}
