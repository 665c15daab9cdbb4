import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { texts } from '../../texts';
import { checklistsTexts as s } from '../../texts/checklists';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { FilterForm } from '../../ui/FilterForm';
import { formatTime } from '../../ui/format';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { SelectField } from '../../ui/SelectField';
import { createSearchBox } from '../../ui/searchBox';
import { one, pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { checklistsApi, type TemplateQuery, type TemplateRow } from './api';
import { canManage, templatesHref, useModule } from './permissions';

const PAGE_SIZE = 50;

function SourceBadge(props: { row: TemplateRow }) {
  return (
    <>
      <span class={props.row.builtin ? 'badge badge-primary' : 'badge'}>
        {props.row.builtin ? s.builtin : s.office}
      </span>
      <Show when={props.row.status === 'archived'}>
        {' '}
        <span class="badge">{s.statuses.archived}</span>
      </Show>
    </>
  );
}

/** /t/:tenant/:module/templates: the module's checklist templates, searchable, in use or archived. */
export default function TemplatesPage() {
  const { slug, session } = useTenant();
  const module = useModule();
  const [search, setSearch] = useSearchParams();
  const q = createMemo<TemplateQuery>(() => ({
    q: one(search.q),
    status: one(search.status),
    page: pageParam(search.page),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(
    () => ({ module: module(), ...q() }),
    ({ module: m, ...rest }) => checklistsApi.list(slug(), m, rest),
  );
  const box = createSearchBox(
    () => q().q ?? '',
    (text) => setSearch({ q: text, page: undefined }, { replace: true }),
  );
  const href = (id: string) => templatesHref(slug(), module(), `/${id}`);

  return (
    <Page title={s.title(texts.modules[module()])}>
      <Show when={canManage(session().user.role)}>
        <p class="actions">
          <A class="btn btn-primary" href={templatesHref(slug(), module(), '/new')}>
            {s.add}
          </A>
        </p>
      </Show>
      <FilterForm
        box={box}
        searchId="templates-q"
        searchLabel={s.search}
        searchPlaceholder={s.searchPlaceholder}
      >
        <SelectField
          id="templates-status"
          label={s.status}
          value={q().status || 'active'}
          options={[
            { value: 'active', label: s.statuses.active as string },
            { value: 'archived', label: s.statuses.archived as string },
          ]}
          onValue={(v) =>
            setSearch({ status: v === 'active' ? undefined : v, page: undefined }, { replace: true })
          }
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
                    <li class="card">
                      <h2 class="card-title">
                        <A href={href(row.id)}>{row.name}</A> <SourceBadge row={row} />
                      </h2>
                      <p class="card-meta">
                        {s.version(row.latestVersion)} · {s.itemCount(row.itemCount)}
                      </p>
                      <Show when={row.description}>
                        <p class="card-meta">{row.description}</p>
                      </Show>
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
                      <th scope="col">{s.name}</th>
                      <th scope="col">{s.source}</th>
                      <th scope="col" class="num">
                        {s.versionLabel}
                      </th>
                      <th scope="col" class="num">
                        {s.itemCountLabel}
                      </th>
                      <th scope="col">{s.updatedAt}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().items}>
                      {(row) => (
                        <tr classList={{ archived: row.status === 'archived' }}>
                          <th scope="row">
                            <A href={href(row.id)}>{row.name}</A>
                            <Show when={row.description}>
                              <span class="sub">{row.description}</span>
                            </Show>
                          </th>
                          <td>
                            <SourceBadge row={row} />
                          </td>
                          <td class="num">{row.latestVersion}</td>
                          <td class="num">{row.itemCount}</td>
                          <td>{formatTime(row.updatedAt)}</td>
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
