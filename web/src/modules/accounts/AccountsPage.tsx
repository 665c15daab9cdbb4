import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, onCleanup, Show } from 'solid-js';
import { texts } from '../../texts';
import { accountsTexts } from '../../texts/accounts';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { createMediaQuery, WIDE } from '../../ui/media';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import { AccountCards, AccountTable } from './AccountList';
import { type AccountQuery, accountsApi, ROLES } from './api';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 400;
const s = accountsTexts;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** /accounts: every account of the office, searchable and filtered; filters live in the URL. */
export default function AccountsPage() {
  const { slug, config } = useTenant();
  const [search, setSearch] = useSearchParams();
  const wide = createMediaQuery(WIDE);
  const query = createMemo<AccountQuery>(() => ({
    q: one(search.q),
    role: one(search.role),
    status: one(search.status),
    unitId: one(search.unitId),
    page: Math.max(1, Number.parseInt(one(search.page), 10) || 1),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(query, (q) => accountsApi.list(slug(), q));
  const pages = () => {
    const d = list.data();
    return d ? Math.max(1, Math.ceil(d.total / (d.pageSize || PAGE_SIZE))) : 1;
  };
  const change = (next: Record<string, string | undefined>) =>
    setSearch({ ...next, page: undefined }, { replace: true });

  // The search box keeps its own text so typing is never overwritten by the (debounced) URL.
  const [text, setText] = createSignal(query().q ?? '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on(
      () => query().q ?? '',
      (q) => {
        if (q !== text().trim()) setText(q);
      },
      { defer: true },
    ),
  );
  const commit = () => {
    clearTimeout(timer);
    const q = text().trim();
    if (q !== (query().q ?? '')) change({ q: q || undefined });
  };
  const [unitName, setUnitName] = createSignal('');

  return (
    <Page title={s.title}>
      <p class="actions">
        <A class="btn btn-primary" href={`/t/${slug()}/accounts/new`}>
          {s.add}
        </A>
      </p>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          commit();
        }}
      >
        <TextField
          id="accounts-q"
          type="search"
          label={s.search}
          placeholder={s.searchPlaceholder}
          value={text()}
          enterkeyhint="search"
          autocomplete="off"
          onValue={(v) => {
            setText(v);
            clearTimeout(timer);
            timer = setTimeout(commit, DEBOUNCE_MS);
          }}
        />
        <SelectField
          id="accounts-role"
          label={s.role}
          placeholder={s.allRoles}
          value={query().role ?? ''}
          options={ROLES.map((r) => ({ value: r, label: texts.roles[r] }))}
          onValue={(v) => change({ role: v || undefined })}
        />
        <SelectField
          id="accounts-status"
          label={s.status}
          placeholder={s.allStatuses}
          value={query().status ?? ''}
          options={['active', 'disabled'].map((v) => ({ value: v, label: s.statuses[v] ?? v }))}
          onValue={(v) => change({ status: v || undefined })}
        />
        <UnitPicker
          id="accounts-unit"
          slug={slug()}
          unitId={query().unitId ?? ''}
          unitName={unitName()}
          unitWord={config().vocabulary.unit}
          label={s.unit}
          emptyLabel={s.allUnits}
          onChange={(unit) => {
            setUnitName(unit.name);
            change({ unitId: unit.id || undefined });
          }}
        />
      </form>
      <Show when={list.error()}>{(e) => <ErrorBanner message={e().message} onRetry={list.reload} />}</Show>
      <Show when={list.loading()}>
        <Loading inline />
      </Show>
      <Show when={list.data()}>
        {(d) => (
          <>
            <p class="muted" aria-live="polite">
              {s.total(d().total)}
            </p>
            <Show when={d().items.length} fallback={<p class="empty">{s.empty}</p>}>
              <Show when={wide()} fallback={<AccountCards slug={slug()} items={d().items} />}>
                <AccountTable slug={slug()} items={d().items} />
              </Show>
            </Show>
            <Show when={pages() > 1}>
              <Pager
                page={d().page}
                pages={pages()}
                onPage={(page) => {
                  setSearch({ page: page > 1 ? String(page) : undefined });
                  window.scrollTo(0, 0);
                }}
              />
            </Show>
          </>
        )}
      </Show>
    </Page>
  );
}
