import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { texts } from '../../texts';
import { findingsTexts as s } from '../../texts/findings';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { CheckboxFilter } from '../../ui/CheckboxFilter';
import { FilterForm } from '../../ui/FilterForm';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { SelectField } from '../../ui/SelectField';
import { createSearchBox } from '../../ui/searchBox';
import { one, pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import { zonesApi } from '../zones/api';
import { FINDING_STATUSES, type FindingQuery, type FindingRow, findingsApi, SEVERITIES } from './api';
import { Deadline, isOverdue, SeverityBadge, StatusBadge } from './Badges';
import { canManage, findingsHref, useModule } from './permissions';
import './findings.css';

const PAGE_SIZE = 20;

/** /t/:tenant/:module/findings: the module's findings with filters; overdue ones stand out. */
export default function FindingsPage() {
  const { slug, session, config } = useTenant();
  const module = useModule();
  const [search, setSearch] = useSearchParams();
  const q = createMemo<FindingQuery>(() => ({
    q: one(search.q),
    status: one(search.status),
    severity: one(search.severity),
    unitId: one(search.unitId),
    zoneId: one(search.zoneId),
    overdue: one(search.overdue) === '1' ? '1' : '',
    page: pageParam(search.page),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(
    () => ({ module: module(), ...q() }),
    ({ module: m, ...rest }) => findingsApi.list(slug(), m, rest),
  );
  // Zones are tens at most; without them the zone filter is just empty.
  const zones = createLoad(
    () => slug(),
    (x) => zonesApi.list(x).catch(() => ({ items: [], limit: 0 })),
  );
  const box = createSearchBox(
    () => q().q ?? '',
    (text) => setSearch({ q: text, page: undefined }, { replace: true }),
  );
  const filter = (next: Record<string, string | undefined>) =>
    setSearch({ ...next, page: undefined }, { replace: true });
  const unitWord = () => config().vocabulary.unit;
  const zoneWord = () => config().vocabulary.zone;
  const href = (row: FindingRow) => findingsHref(slug(), module(), `/${row.id}`);

  return (
    <Page title={s.title(texts.modules[module()])}>
      <Show when={canManage(session().user.role)}>
        <p class="actions">
          <A class="btn btn-primary" href={findingsHref(slug(), module(), '/new')}>
            {s.add}
          </A>
        </p>
      </Show>
      <FilterForm
        box={box}
        searchId="findings-q"
        searchLabel={s.search}
        searchPlaceholder={s.searchPlaceholder}
      >
        <SelectField
          id="findings-status"
          label={s.status}
          placeholder={s.allStatuses}
          value={q().status ?? ''}
          options={FINDING_STATUSES.map((v) => ({ value: v, label: s.statuses[v] }))}
          onValue={(v) => filter({ status: v || undefined })}
        />
        <SelectField
          id="findings-severity"
          label={s.severity}
          placeholder={s.allSeverities}
          value={q().severity ?? ''}
          options={SEVERITIES.map((v) => ({ value: v, label: s.severities[v] }))}
          onValue={(v) => filter({ severity: v || undefined })}
        />
        <SelectField
          id="findings-zone"
          label={s.zone(zoneWord())}
          placeholder={s.allZones(zoneWord())}
          value={q().zoneId ?? ''}
          options={(zones.data()?.items ?? []).map((z) => ({ value: z.id, label: z.name }))}
          onValue={(v) => filter({ zoneId: v || undefined })}
        />
        <UnitPicker
          id="findings-unit"
          slug={slug()}
          unitWord={unitWord()}
          label={unitWord()}
          emptyLabel={s.allUnits(unitWord())}
          unitId={q().unitId ?? ''}
          unitName={one(search.unitName)}
          onChange={(u) => filter({ unitId: u.id || undefined, unitName: u.id ? u.name : undefined })}
        />
        <CheckboxFilter
          id="findings-overdue"
          label={s.overdueOnly}
          checked={q().overdue === '1'}
          onChange={(on) => filter({ overdue: on ? '1' : undefined })}
        />
      </FilterForm>
      <PagedResult list={list} total={s.total}>
        {(d) => (
          <CardsOrTable
            count={d().items.length}
            empty={s.empty}
            cards={
              <ul class="cards">
                <For each={d().items}>
                  {(row) => (
                    <li class="card" classList={{ 'finding-overdue': isOverdue(row) }}>
                      <h2 class="card-title">
                        <A href={href(row)}>{row.description}</A>
                      </h2>
                      <p class="card-meta">
                        <StatusBadge row={row} /> <SeverityBadge severity={row.severity} />
                      </p>
                      <p class="card-meta">
                        {row.unitName} · {row.category}
                      </p>
                      <p class="card-meta">
                        {s.deadline}：<Deadline row={row} />
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
                      <th scope="col">{unitWord()}</th>
                      <th scope="col">{s.category}</th>
                      <th scope="col">{s.severity}</th>
                      <th scope="col">{s.status}</th>
                      <th scope="col">{s.deadline}</th>
                      <th scope="col">{s.noticeNo}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().items}>
                      {(row) => (
                        <tr classList={{ 'finding-overdue': isOverdue(row) }}>
                          <th scope="row">
                            <A href={href(row)}>{row.description}</A>
                          </th>
                          <td>
                            {row.unitName}
                            <Show when={row.zoneName}>
                              <span class="sub">{row.zoneName}</span>
                            </Show>
                          </td>
                          <td>{row.category}</td>
                          <td>
                            <SeverityBadge severity={row.severity} />
                          </td>
                          <td>
                            <StatusBadge row={row} />
                          </td>
                          <td>
                            <Deadline row={row} />
                          </td>
                          <td>{row.noticeNo ?? texts.common.none}</td>
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
