import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { hazardsTexts as s } from '../../texts/hazards';
import { Button } from '../../ui/Button';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { CheckboxFilter } from '../../ui/CheckboxFilter';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { SelectField } from '../../ui/SelectField';
import { one, pageParam } from '../../ui/searchParams';
import { FINDING_STATUSES, SEVERITIES } from '../findings/api';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import { type Hazard, type HazardQuery, hazardsApi } from './api';
import './hazards.css';

const PAGE_SIZE = 20;

function Badges(props: { h: Hazard }) {
  return (
    <>
      <span class={`badge hazard-level-${props.h.level}`}>{s.levels[props.h.level]}</span>{' '}
      <span class="badge">{s.statuses[props.h.status]}</span>
      <Show when={props.h.overdue}>
        {' '}
        <span class="badge badge-danger">{s.overdueDays(props.h.overdueDays)}</span>
      </Show>
    </>
  );
}

/** /t/:tenant/hazards: the safety hazard register with filters and the spreadsheet download. */
export default function HazardsPage() {
  const { slug, config } = useTenant();
  const [search, setSearch] = useSearchParams();
  const q = createMemo<HazardQuery>(() => ({
    status: one(search.status),
    level: one(search.level),
    unitId: one(search.unitId),
    overdue: one(search.overdue) === '1' ? '1' : '',
    page: pageParam(search.page),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(
    () => q(),
    (query) => hazardsApi.list(slug(), query),
  );
  const filter = (next: Record<string, string | undefined>) =>
    setSearch({ ...next, page: undefined }, { replace: true });
  const unitWord = () => config().vocabulary.unit;
  const [downloading, setDownloading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const download = async () => {
    setDownloading(true);
    setError(null);
    try {
      await hazardsApi.download(slug(), q());
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setDownloading(false);
    }
  };
  const href = (h: Hazard) => `/t/${slug()}/safety/findings/${h.id}`;

  return (
    <Page title={s.title}>
      <p class="muted">{s.intro}</p>
      <p class="actions">
        <Button busy={downloading()} onClick={download} title={s.downloadHint}>
          {s.download}
        </Button>
      </p>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="hazards-status"
          label={s.status}
          placeholder={s.allStatuses}
          value={q().status ?? ''}
          options={FINDING_STATUSES.map((v) => ({ value: v, label: s.statuses[v] ?? v }))}
          onValue={(v) => filter({ status: v || undefined })}
        />
        <SelectField
          id="hazards-level"
          label={s.level}
          placeholder={s.allLevels}
          value={q().level ?? ''}
          options={SEVERITIES.map((v) => ({ value: v, label: s.levels[v] ?? v }))}
          onValue={(v) => filter({ level: v || undefined })}
        />
        <UnitPicker
          id="hazards-unit"
          slug={slug()}
          unitWord={unitWord()}
          label={unitWord()}
          emptyLabel={s.allUnits(unitWord())}
          unitId={q().unitId ?? ''}
          unitName={one(search.unitName)}
          onChange={(u) => filter({ unitId: u.id || undefined, unitName: u.id ? u.name : undefined })}
        />
        <CheckboxFilter
          id="hazards-overdue"
          label={s.overdueOnly}
          checked={q().overdue === '1'}
          onChange={(on) => filter({ overdue: on ? '1' : undefined })}
        />
      </form>
      <PagedResult list={list} total={s.total}>
        {(d) => (
          <CardsOrTable
            count={d().items.length}
            empty={s.empty}
            cards={
              <ul class="cards">
                <For each={d().items}>
                  {(h) => (
                    <li class="card" classList={{ 'hazard-overdue': h.overdue }}>
                      <h2 class="card-title">
                        <A href={href(h)}>{h.description}</A>
                      </h2>
                      <p class="card-meta">
                        <Badges h={h} />
                      </p>
                      <p class="card-meta">
                        {h.unitName}
                        {h.zoneName ? ` · ${h.zoneName}` : ''} · {h.category}
                      </p>
                      <p class="card-meta">
                        {s.foundOn} {h.foundOn} · {s.age} {s.days(h.ageDays)} · {s.deadline} {h.deadline}
                        {h.closedOn ? ` · ${s.closedOn(h.closedOn)}` : ''}
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            }
            table={
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{s.description}</th>
                      <th scope="col">{s.level}</th>
                      <th scope="col">{s.unit(unitWord())}</th>
                      <th scope="col">{s.category}</th>
                      <th scope="col">{s.foundOn}</th>
                      <th scope="col">{s.age}</th>
                      <th scope="col">{s.deadline}</th>
                      <th scope="col">{s.status}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().items}>
                      {(h) => (
                        <tr classList={{ 'hazard-overdue': h.overdue }}>
                          <td>
                            <A href={href(h)}>{h.description}</A>
                          </td>
                          <td>{s.levels[h.level]}</td>
                          <td>
                            {h.unitName}
                            <Show when={h.zoneName}>
                              <br />
                              <span class="muted">{h.zoneName}</span>
                            </Show>
                          </td>
                          <td>{h.category}</td>
                          <td>{h.foundOn}</td>
                          <td>{s.days(h.ageDays)}</td>
                          <td>{h.deadline}</td>
                          <td>
                            {s.statuses[h.status]}
                            <Show when={h.overdue}>
                              {' '}
                              <span class="badge badge-danger">{s.overdueDays(h.overdueDays)}</span>
                            </Show>
                            <Show when={h.closedOn}>
                              {(c) => <span class="muted"> {s.closedOn(c())}</span>}
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            }
          />
        )}
      </PagedResult>
    </Page>
  );
}
