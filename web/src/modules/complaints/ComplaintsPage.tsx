import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For } from 'solid-js';
import { complaintsTexts } from '../../texts/complaints';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { formatTime } from '../../ui/format';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { SelectField } from '../../ui/SelectField';
import { one, pageParam } from '../../ui/searchParams';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { type ComplaintQuery, type ComplaintRow, complaintsApi } from './api';

const PAGE_SIZE = 20;
const STATUSES = ['open', 'received', 'assigned', 'replied', 'closed'];

/** The office's list of public complaints and suggestions; inspectors see those assigned to them. */
export default function ComplaintsPage() {
  const { slug, config } = useTenant();
  const [search, setSearch] = useSearchParams();
  const q = createMemo<ComplaintQuery>(() => ({
    status: one(search.status),
    unitId: one(search.unitId),
    q: one(search.q),
    page: pageParam(search.page),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(q, (query) => complaintsApi.list(slug(), query));
  const [text, setText] = createSignal(q().q ?? '');
  const unitWord = () => config().vocabulary.unit;
  const href = (row: ComplaintRow) => `/t/${slug()}/complaints/${row.id}`;

  return (
    <Page title={complaintsTexts.title}>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch({ q: text().trim() || undefined, page: undefined });
        }}
      >
        <TextField
          id="complaints-q"
          type="search"
          label={complaintsTexts.search}
          placeholder={complaintsTexts.searchPlaceholder}
          value={text()}
          onValue={setText}
          onBlur={() => setSearch({ q: text().trim() || undefined, page: undefined }, { replace: true })}
          enterkeyhint="search"
          autocomplete="off"
        />
        <SelectField
          id="complaints-status"
          label={complaintsTexts.status}
          placeholder={complaintsTexts.allStatuses}
          value={q().status ?? ''}
          options={STATUSES.map((s) => ({ value: s, label: complaintsTexts.statuses[s] ?? s }))}
          onValue={(v) => setSearch({ status: v || undefined, page: undefined }, { replace: true })}
        />
        <SelectField
          id="complaints-unit"
          label={unitWord()}
          placeholder={complaintsTexts.allUnits(unitWord())}
          value={q().unitId ?? ''}
          options={(list.data()?.unitOptions ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onValue={(v) => setSearch({ unitId: v || undefined, page: undefined }, { replace: true })}
        />
      </form>
      <PagedResult list={list} total={complaintsTexts.total}>
        {(d) => (
          <CardsOrTable
            count={d().items.length}
            empty={complaintsTexts.empty}
            cards={
              <ul class="cards">
                <For each={d().items}>
                  {(row) => (
                    <li class="card">
                      <h2 class="card-title">
                        <A href={href(row)}>{row.topic}</A> <span class="badge">{row.statusLabel}</span>
                      </h2>
                      <p class="card-meta">
                        {row.categoryLabel} · {row.unitName}
                      </p>
                      <p class="card-meta">
                        {formatTime(row.createdAt)} · {complaintsTexts.assignee}：
                        {row.assigneeName ?? complaintsTexts.unassigned}
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
                      <th scope="col">{complaintsTexts.topic}</th>
                      <th scope="col">{complaintsTexts.category}</th>
                      <th scope="col">{unitWord()}</th>
                      <th scope="col">{complaintsTexts.status}</th>
                      <th scope="col">{complaintsTexts.assignee}</th>
                      <th scope="col">{complaintsTexts.createdAt}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().items}>
                      {(row) => (
                        <tr>
                          <th scope="row">
                            <A href={href(row)}>{row.topic}</A>
                          </th>
                          <td>{row.categoryLabel}</td>
                          <td>{row.unitName}</td>
                          <td>{row.statusLabel}</td>
                          <td>{row.assigneeName ?? complaintsTexts.unassigned}</td>
                          <td>{formatTime(row.createdAt)}</td>
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
