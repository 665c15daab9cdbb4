import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal } from 'solid-js';
import { texts } from '../../texts';
import { accountsTexts } from '../../texts/accounts';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { FilterForm } from '../../ui/FilterForm';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { SelectField } from '../../ui/SelectField';
import { createSearchBox } from '../../ui/searchBox';
import { one, pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import { AccountCards, AccountTable } from './AccountList';
import { type AccountQuery, accountsApi, ROLES } from './api';

const PAGE_SIZE = 20;
const s = accountsTexts;

/** /accounts: every account of the office, searchable and filtered; filters live in the URL. */
export default function AccountsPage() {
  const { slug, config } = useTenant();
  const [search, setSearch] = useSearchParams();
  const query = createMemo<AccountQuery>(() => ({
    q: one(search.q),
    role: one(search.role),
    status: one(search.status),
    unitId: one(search.unitId),
    page: pageParam(search.page),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(query, (q) => accountsApi.list(slug(), q));
  const change = (next: Record<string, string | undefined>) =>
    setSearch({ ...next, page: undefined }, { replace: true });
  const box = createSearchBox(
    () => query().q ?? '',
    (q) => change({ q }),
  );
  const [unitName, setUnitName] = createSignal('');

  return (
    <Page title={s.title}>
      <p class="actions">
        <A class="btn btn-primary" href={`/t/${slug()}/accounts/new`}>
          {s.add}
        </A>
      </p>
      <FilterForm
        box={box}
        searchId="accounts-q"
        searchLabel={s.search}
        searchPlaceholder={s.searchPlaceholder}
      >
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
      </FilterForm>
      <PagedResult list={list} total={s.total}>
        {(d) => (
          <CardsOrTable
            count={d().items.length}
            empty={s.empty}
            cards={<AccountCards slug={slug()} items={d().items} />}
            table={<AccountTable slug={slug()} items={d().items} />}
          />
        )}
      </PagedResult>
    </Page>
  );
}
