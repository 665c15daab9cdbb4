import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ModuleKey } from '../../api';
import { texts } from '../../texts';
import { dashboardTexts as s } from '../../texts/dashboard';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { SelectField } from '../../ui/SelectField';
import { useTenant } from '../shell/context';
import { type Dashboard, dashboardApi, type FindingCounts } from './api';
import { LineChart, RatioBars, type Segment, StackedBars } from './charts';
import './dashboard.css';

const MONTHS_BACK = 36;
const MODULE_TONES: Record<ModuleKey, string> = {
  teaching: 'dash-c0',
  study: 'dash-c5',
  management: 'dash-c4',
  safety: 'dash-c2',
};

/** This month in Beijing and the 35 before it, newest first, as YYYY-MM. */
function monthOptions(): string[] {
  const now = new Date(Date.now() + 8 * 3600_000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return Array.from({ length: MONTHS_BACK }, (_, i) => {
    const k = index - i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** The states not yet closed as stacked segments: overdue apart from the rest of 整改中. */
function unclosedSegments(c: FindingCounts): Segment[] {
  return [
    { label: s.states.open, value: c.open, tone: 'dash-c1' },
    { label: s.states.issued, value: c.issued - c.overdue, tone: 'dash-c0' },
    { label: s.overdue, value: c.overdue, tone: 'dash-c3' },
    { label: s.states.reported, value: c.reported, tone: 'dash-c2' },
  ];
}

const LEGEND = unclosedSegments({ open: 0, issued: 0, reported: 0, overdue: 0, closed: 0 });

/**
 * /t/:tenant/dashboard: the office's figures for a month — visit coverage against the tenant's rule,
 * units not visited for a while, findings by module, zone and unit, close times and visits a month.
 */
export default function DashboardPage() {
  const { slug, config } = useTenant();
  const months = monthOptions();
  const [month, setMonth] = createSignal(months[0] as string);
  const [zoneId, setZoneId] = createSignal('');
  const zones = createLoad(
    () => slug(),
    (sl) => dashboardApi.zones(sl),
  );
  const q = createMemo(() => ({
    year: Number(month().slice(0, 4)),
    month: Number(month().slice(5, 7)),
    zoneId: zoneId(),
  }));
  const dashboard = createLoad(q, (x) => dashboardApi.get(slug(), x));
  const zoneName = (name: string | null) => name ?? s.noZone;

  return (
    <Page title={s.title} intro={s.intro}>
      <div class="dash-filter">
        <SelectField
          id="dash-month"
          label={s.month}
          value={month()}
          onValue={setMonth}
          options={months.map((m) => ({
            value: m,
            label: s.monthLabel(Number(m.slice(0, 4)), Number(m.slice(5, 7))),
          }))}
        />
        <SelectField
          id="dash-zone"
          label={config().vocabulary.zone}
          value={zoneId()}
          onValue={setZoneId}
          placeholder={s.allZones}
          options={(zones.data()?.items ?? []).map((z) => ({ value: z.id, label: z.name }))}
        />
      </div>
      <Loaded load={dashboard}>
        {(d) => (
          <DashboardView data={d()} unitWord={config().vocabulary.unit} slug={slug()} zoneName={zoneName} />
        )}
      </Loaded>
    </Page>
  );
}

function Figure(props: { label: string; value: string | number; danger?: boolean }) {
  return (
    <li class="dash-figure" classList={{ 'dash-figure-danger': !!props.danger }}>
      <span class="dash-figure-value">{props.value}</span>
      <span class="muted">{props.label}</span>
    </li>
  );
}

function DashboardView(props: {
  data: Dashboard;
  unitWord: string;
  slug: string;
  zoneName: (name: string | null) => string;
}) {
  const d = () => props.data;
  const cov = () => d().coverage;
  const f = () => d().findings;
  return (
    <>
      <Section title={s.coverage}>
        <p class="muted">
          {s.semesterLabel(d().semester.schoolYear, d().semester.kind)}
          {d().semester.holiday ? ` ${s.holiday}` : ''} {s.rule(d().rule.frequency, d().rule.required)}
        </p>
        <ul class="dash-figures">
          <Figure label={s.units(props.unitWord)} value={cov().units} />
          <Figure label={s.visitedMonth} value={s.ofUnits(cov().visitedMonth, cov().units)} />
          <Figure label={s.visitedSemester} value={s.ofUnits(cov().visitedSemester, cov().units)} />
          <Figure label={s.metSemester} value={s.ofUnits(cov().metSemester, cov().units)} />
        </ul>
        <Show when={cov().byZone.length > 0}>
          <h3>{s.byZone}</h3>
          <RatioBars
            rows={cov().byZone.map((z) => ({
              label: props.zoneName(z.name),
              value: z.visitedMonth,
              total: z.units,
            }))}
          />
        </Show>
        <h3>{s.stale(d().rule.staleDays)}</h3>
        <Show when={cov().stale.count > 0} fallback={<p class="muted">{s.noStale}</p>}>
          <p class="muted">
            {s.staleCount(cov().stale.count, cov().stale.never)}
            {cov().stale.count > cov().stale.units.length ? `，${s.staleMore(cov().stale.units.length)}` : ''}
          </p>
          <ul class="dash-stale">
            <For each={cov().stale.units}>
              {(u) => (
                <li>
                  <A href={`/t/${props.slug}/units/${u.id}`}>{u.name}</A>
                  <span class="muted">{u.zoneName ? ` · ${u.zoneName}` : ''}</span>
                  <br />
                  {u.lastVisitedOn && u.days !== null ? (
                    <span class="muted">{s.lastVisit(u.lastVisitedOn, u.days)}</span>
                  ) : (
                    <span class="dash-never">{s.never}</span>
                  )}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Section>

      <Section title={s.findings}>
        <ul class="dash-figures">
          <Figure label={s.states.open} value={f().total.open} />
          <Figure label={s.states.issued} value={f().total.issued} />
          <Figure label={s.overdue} value={f().total.overdue} danger={f().total.overdue > 0} />
          <Figure label={s.states.reported} value={f().total.reported} />
          <Figure label={s.states.closed} value={f().total.closed} />
        </ul>
        <p class="muted">{s.overdueNote}</p>
        <h3>{s.findingsByModule}</h3>
        <StackedBars
          legend={LEGEND}
          rows={f().byModule.map((m) => ({ label: texts.modules[m.module], segments: unclosedSegments(m) }))}
        />
        <h3>{s.median}</h3>
        <p class="muted">{s.medianNote}</p>
        <ul class="dash-figures">
          <For each={f().byModule}>
            {(m) => (
              <Figure
                label={`${texts.modules[m.module]} · ${s.closedInWindow(m.closedInWindow)}`}
                value={s.medianValue(m.medianDaysToClose)}
              />
            )}
          </For>
        </ul>
        <Show when={f().byZone.length > 1}>
          <h3>{s.byZoneFindings}</h3>
          <StackedBars
            legend={LEGEND}
            rows={f().byZone.map((z) => ({ label: props.zoneName(z.name), segments: unclosedSegments(z) }))}
          />
        </Show>
        <h3>{s.topUnits}</h3>
        <Show when={f().topUnits.length > 0} fallback={<p class="muted">{s.noOpenUnits}</p>}>
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th>{s.unitCol}</th>
                  <th>{s.unclosed}</th>
                  <th>{s.overdue}</th>
                  <th>{s.states.reported}</th>
                </tr>
              </thead>
              <tbody>
                <For each={f().topUnits}>
                  {(u) => (
                    <tr>
                      <td>
                        <A href={`/t/${props.slug}/units/${u.unitId}`}>{u.name}</A>
                        <span class="muted">{u.zoneName ? ` · ${u.zoneName}` : ''}</span>
                      </td>
                      <td>{u.open + u.issued + u.reported}</td>
                      <td classList={{ 'dash-never': u.overdue > 0 }}>{u.overdue}</td>
                      <td>{u.reported}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Section>

      <Section title={s.visits}>
        <LineChart
          labels={d().visitsByMonth.map((m) => s.visitsAxis(m.month))}
          summary={d()
            .visitsByMonth.map((m) => s.chartSummary(s.visitsAxis(m.month), m.total))
            .join('，')}
          series={[
            { label: s.visitsTotal, values: d().visitsByMonth.map((m) => m.total), tone: 'dash-c1' },
            ...d().modules.map((module) => ({
              label: texts.modules[module],
              values: d().visitsByMonth.map((m) => m.byModule[module] ?? 0),
              tone: MODULE_TONES[module],
            })),
          ]}
        />
      </Section>
    </>
  );
}
