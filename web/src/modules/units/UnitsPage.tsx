import { A, useSearchParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { texts } from '../../texts';
import { unitsTexts } from '../../texts/units';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { createMediaQuery, WIDE } from '../../ui/media';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { useTenant } from '../shell/context';
import { type UnitListQuery, unitsApi } from './api';
import { canManageUnits } from './permissions';
import { UnitCards } from './UnitCards';
import { UnitFilters } from './UnitFilters';
import { UnitTable } from './UnitTable';

const PAGE_SIZE = 20;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default function UnitsPage() {
  const { slug, config, session } = useTenant();
  // Filters live in the URL so back, reload and a shared link show the same list.
  const [search, setSearch] = useSearchParams();
  const wide = createMediaQuery(WIDE);

  const query = createMemo<UnitListQuery>(() => {
    const status = one(search.status);
    return {
      q: one(search.q),
      kind: one(search.kind),
      zoneId: one(search.zoneId),
      parentId: one(search.parentId),
      status: status === 'archived' || status === 'all' ? status : '',
      page: Math.max(1, Number.parseInt(one(search.page), 10) || 1),
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
  const pages = () => {
    const d = units.data();
    return d ? Math.max(1, Math.ceil(d.total / (d.pageSize || PAGE_SIZE))) : 1;
  };

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
      <Show when={units.error()}>{(e) => <ErrorBanner message={e().message} onRetry={units.reload} />}</Show>
      <Show when={units.loading()}>
        <Loading inline />
      </Show>
      <Show when={units.data()}>
        {(d) => (
          <>
            <p class="muted" aria-live="polite">
              {unitsTexts.total(d().total, unit())}
            </p>
            <Show when={d().items.length} fallback={<p class="empty">{unitsTexts.empty(unit())}</p>}>
              <Show
                when={wide()}
                fallback={<UnitCards items={d().items} vocabulary={config().vocabulary} href={href} />}
              >
                <UnitTable items={d().items} vocabulary={config().vocabulary} href={href} />
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
