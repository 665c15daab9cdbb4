import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Role } from '../../api';
import { texts } from '../../texts';
import { suggestionsTexts } from '../../texts/suggestions';
import { formatTime } from '../../ui/format';
import { createLoad } from '../../ui/load';
import { createMediaQuery, WIDE } from '../../ui/media';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { SelectField } from '../../ui/SelectField';
import { one, pageParam } from '../../ui/searchParams';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { type CategoryOption, type SuggestionBox, type SuggestionQuery, suggestionsApi } from './api';
import { StatusBadge } from './Replies';
import { SubmitForm } from './SubmitForm';
import { SuggestionList } from './SuggestionList';
import './suggestions.css';

const s = suggestionsTexts;
const PAGE_SIZE = 20;
const STATUSES = ['submitted', 'forwarded', 'answered', 'closed'];

/** The boxes a role opens (the server refuses the others with 403). */
export function boxesOf(role: Role): SuggestionBox[] {
  if (role === 'admin' || role === 'director') return ['mine', 'office'];
  if (role === 'unit_manager') return ['mine', 'unit'];
  return ['mine'];
}

const TAB_LABELS: Record<SuggestionBox, string> = { mine: s.tabMine, office: s.tabOffice, unit: s.tabUnit };

/** 意见建议: send a suggestion and follow one's own; the office triages; a unit answers what it was sent. */
export default function SuggestionsPage() {
  const { slug, session, config } = useTenant();
  const [search, setSearch] = useSearchParams();
  const wide = createMediaQuery(WIDE);
  const boxes = () => boxesOf(session().user.role);
  const box = (): SuggestionBox => {
    const wanted = one(search.tab) as SuggestionBox;
    return boxes().indexOf(wanted) >= 0 ? wanted : 'mine';
  };
  const q = createMemo<SuggestionQuery>(() => ({
    box: box(),
    status: one(search.status),
    category: one(search.category),
    q: one(search.q),
    page: pageParam(search.page),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(q, (query) => suggestionsApi.list(slug(), query));
  const [text, setText] = createSignal(q().q ?? '');
  const categories = (): CategoryOption[] => list.data()?.categories ?? [];
  const unitWord = () => config().vocabulary.unit;
  const tabHref = (b: SuggestionBox) => `/t/${slug()}/suggestions${b === 'mine' ? '' : `?tab=${b}`}`;
  const applyText = (replace: boolean) =>
    setSearch({ q: text().trim() || undefined, page: undefined }, { replace });

  return (
    <Page title={s.title} intro={box() === 'mine' ? s.intro : undefined}>
      <Show when={boxes().length > 1}>
        <nav aria-label={s.tabs}>
          <ul class="sg-tabs">
            <For each={boxes()}>
              {(b) => (
                <li>
                  {/* Plain links (the router still handles them): A would mark every tab of this path current. */}
                  <a
                    href={tabHref(b)}
                    aria-current={b === box() ? 'page' : undefined}
                    onClick={() => setText('')}
                  >
                    {TAB_LABELS[b]}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </Show>
      <Show when={box() === 'mine'}>
        <SubmitForm
          slug={slug()}
          userId={session().user.id}
          categories={categories()}
          onSent={() =>
            q().page === 1 && !q().q && !q().status
              ? list.reload()
              : setSearch({ page: undefined, q: undefined, status: undefined })
          }
        />
      </Show>
      <section class="section">
        <h2>{TAB_LABELS[box()]}</h2>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            applyText(false);
          }}
        >
          <Show when={box() !== 'mine'}>
            <TextField
              id="sg-q"
              type="search"
              label={s.search}
              placeholder={s.searchPlaceholder}
              value={text()}
              onValue={setText}
              onBlur={() => applyText(true)}
              enterkeyhint="search"
              autocomplete="off"
            />
            <SelectField
              id="sg-filter-category"
              label={s.category}
              placeholder={s.allCategories}
              value={q().category ?? ''}
              options={categories().map((c) => ({ value: c.key, label: c.label }))}
              onValue={(v) => setSearch({ category: v || undefined, page: undefined }, { replace: true })}
            />
          </Show>
          <SelectField
            id="sg-filter-status"
            label={s.status}
            placeholder={s.allStatuses}
            value={q().status ?? ''}
            options={STATUSES.map((v) => ({ value: v, label: s.statuses[v] ?? v }))}
            onValue={(v) => setSearch({ status: v || undefined, page: undefined }, { replace: true })}
          />
        </form>
        <PagedResult list={list} total={s.total}>
          {(d) => (
            <Show
              when={wide() && d().box === 'office' && d().items.length}
              fallback={
                <SuggestionList
                  slug={slug()}
                  items={d().items}
                  unitWord={unitWord()}
                  showReplies={d().box === 'mine'}
                  empty={d().box === 'mine' && !q().status ? s.emptyMine : s.empty}
                />
              }
            >
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{s.fieldTitle}</th>
                      <th scope="col">{s.category}</th>
                      <th scope="col">{s.status}</th>
                      <th scope="col">{s.author}</th>
                      <th scope="col">{s.unit(unitWord())}</th>
                      <th scope="col">{s.createdAt}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().items}>
                      {(row) => (
                        <tr>
                          <th scope="row">
                            <A href={`/t/${slug()}/suggestions/${row.id}`}>{row.title}</A>
                          </th>
                          <td>{row.categoryLabel ?? s.noCategory}</td>
                          <td>
                            <StatusBadge item={row} />
                          </td>
                          <td>{row.author?.name ?? texts.common.none}</td>
                          <td>{row.unit?.name ?? texts.common.none}</td>
                          <td>{formatTime(row.createdAt)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </PagedResult>
      </section>
    </Page>
  );
}
