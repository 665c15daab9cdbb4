import { A, useSearchParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { texts } from '../../texts';
import { unitsTexts } from '../../texts/units';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { one, pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { type UnitListQuery, unitsApi } from './api';
import { canManageUnits } from './permissions';
import { UnitCards } from './UnitCards';
import { UnitFilters } from './UnitFilters';
import { UnitTable } from './UnitTable';

const PAGE_SIZE = 20;

export default function UnitsPage() {
  const { slug, config, session } = useTenant();
  // Filters live in the URL so back, reload and a shared link show the same list.
  const [search, setSearch] = useSearchParams();

  const query = createMemo<UnitListQuery>(() => {
    const status = one(search.status);
    return {
      q: one(search.q),
      kind: one(search.kind),
      zoneId: one(search.zoneId),
      parentId: one(search.parentId),
      status: status === 'archived' || status === 'all' ? status : '',
      page: pageParam(search.page),
      pageSize: PAGE_SIZE,
    };
  });
  const units = createLoad(query, (q) => unitsApi.list(slug(), q));
  // The filter choices: zones and groups are tens at most; a failure leaves those filters empty.
  const zones = createLoad(
    () => slug(),
    (s) => unitsApi.zones(s).catch(() => ({ items: [], limit: 0 })),
  );
  const groups = createLoad(
    () => slug(),
    (s) => unitsApi.groups(s).catch(() => ({ items: [], total: 0, page: 1, pageSize: 100 })),
  );

  const unit = () => config().vocabulary.unit;
  const href = (id: string) => `/t/${slug()}/units/${id}`;

  return (
    <Page title={texts.shell.unitList(unit())}>
      <Show when={canManageUnits(session().user.role)}>
        <p class="actions">
          <A class="btn btn-primary" href={`/t/${slug()}/units/new`}>
            {unitsTexts.add(unit())}
          </A>
        </p>
      </Show>
      <UnitFilters
        vocabulary={config().vocabulary}
        kinds={config().unitKinds}
        zones={zones.data()?.items ?? []}
        groups={groups.data()?.items ?? []}
        q={query().q ?? ''}
        kind={query().kind ?? ''}
        zoneId={query().zoneId ?? ''}
        parentId={query().parentId ?? ''}
        status={query().status ?? ''}
        onChange={(next) => setSearch({ ...next, page: undefined }, { replace: true })}
      />
      <PagedResult list={units} total={(n) => unitsTexts.total(n, unit())}>
        {(d) => (
          <CardsOrTable
            count={d().items.length}
            empty={unitsTexts.empty(unit())}
            cards={<UnitCards items={d().items} vocabulary={config().vocabulary} href={href} />}
            table={<UnitTable items={d().items} vocabulary={config().vocabulary} href={href} />}
          />
        )}
      </PagedResult>
    </Page>
  );
}
