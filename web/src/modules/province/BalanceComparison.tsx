import { createSignal, For, Show } from 'solid-js';
import { api, type BalanceOverview, type CountyBalance, type CountyBalanceStage } from '../../api';
import { provinceTexts } from '../../texts/province';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { SelectField } from '../../ui/SelectField';
import './province.css';

const p = provinceTexts;

/** Each county's seven 优质均衡 coefficients side by side: the figure a province checks first. */
export function BalanceComparison() {
  const [year, setYear] = createSignal<number | null>(null);
  const load = createLoad(year, (y) => api.province.balance(y));
  return (
    <section class="section" id="province-balance">
      <h2>{p.balanceTitle}</h2>
      <p class="muted">{p.balanceIntro}</p>
      <Loaded load={load} inline>
        {(d) => (
          <>
            <form class="filters" onSubmit={(e) => e.preventDefault()}>
              <SelectField
                id="province-balance-year"
                label={p.balanceYear}
                value={year() === null ? '' : String(year())}
                placeholder={p.balanceLatest}
                options={d().years.map((y) => ({ value: String(y), label: p.schoolYear(y) }))}
                onValue={(v) => setYear(v ? Number(v) : null)}
              />
            </form>
            <p>{p.balanceSummary(passing(d(), 'primary'), passing(d(), 'junior'), d().counties.length)}</p>
            <BalanceTable data={d()} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function passing(d: BalanceOverview, stage: CountyBalanceStage['stage']) {
  return d.counties.filter((c) => c.stages?.find((s) => s.stage === stage)?.pass === true).length;
}

function BalanceTable(props: { data: BalanceOverview }) {
  const columns = () => props.data.indicators.length + 5;
  return (
    <div class="table-wrap">
      <table class="table balance-compare">
        <thead>
          <tr>
            <th scope="col">{p.county}</th>
            <th scope="col">{p.stage}</th>
            <th scope="col">{p.balanceYear}</th>
            <For each={props.data.indicators}>
              {(i) => (
                <th scope="col" class="num" title={i.label}>
                  {i.short}
                </th>
              )}
            </For>
            <th scope="col">{p.balanceVerdict}</th>
            <th scope="col" class="num">
              {p.schoolsMeeting}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.data.counties} fallback={<EmptyRow columns={columns()} text={p.noCounties} />}>
            {(county) => (
              <Show when={county.stages} fallback={<CountyWithout county={county} columns={columns()} />}>
                {(stages) => (
                  <For each={stages()}>
                    {(stage, i) => (
                      <StageRow county={county} stage={stage} first={i() === 0} rows={stages().length} />
                    )}
                  </For>
                )}
              </Show>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function StageRow(props: { county: CountyBalance; stage: CountyBalanceStage; first: boolean; rows: number }) {
  const s = () => props.stage;
  return (
    <tr data-county={props.county.slug} data-stage={s().stage}>
      <Show when={props.first}>
        <th scope="rowgroup" rowSpan={props.rows}>
          {props.county.name}
          <span class="sub">{props.county.regionCode}</span>
        </th>
      </Show>
      <td>{p.stages[s().stage]}</td>
      <td>{props.county.year === null ? '' : p.schoolYear(props.county.year)}</td>
      <For each={s().indicators}>
        {(i) => (
          <td
            class="num"
            data-key={i.key}
            classList={{ 'cv-over': i.pass === false }}
            title={i.missing > 0 ? p.missingSchools(i.missing) : undefined}
          >
            {i.cv === null ? '—' : i.cv.toFixed(3)}
            <Show when={i.missing > 0}>
              <sup>*</sup>
            </Show>
          </td>
        )}
      </For>
      <td classList={{ 'cv-over': s().pass === false }}>{p.verdict(s())}</td>
      <td class="num">{p.meeting(s().schoolsMeetingMinimums, s().schools)}</td>
    </tr>
  );
}

function CountyWithout(props: { county: CountyBalance; columns: number }) {
  return (
    <tr data-county={props.county.slug}>
      <th scope="row">
        {props.county.name}
        <span class="sub">{props.county.regionCode}</span>
      </th>
      <td colSpan={props.columns - 1} class="muted">
        {props.county.reachable ? p.noFigures : p.unreachable}
      </td>
    </tr>
  );
}

function EmptyRow(props: { columns: number; text: string }) {
  return (
    <tr>
      <td colSpan={props.columns} class="muted">
        {props.text}
      </td>
    </tr>
  );
}
