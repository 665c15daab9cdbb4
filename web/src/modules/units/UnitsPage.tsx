import { useSearchParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { api, type UnitQuery } from '../../api';
import { texts } from '../../texts';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { createMediaQuery, WIDE } from '../../ui/media';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { useTenant } from '../shell/context';
import { UnitCards } from './UnitCards';
import { UnitFilters } from './UnitFilters';
import { UnitTable } from './UnitTable';

const PAGE_SIZE = 20;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default function UnitsPage() {
  const { slug, config } = useTenant();
  // Filters live in the URL so back, reload and a shared link show the same list.
  const [search, setSearch] = useSearchParams();
  const wide = createMediaQuery(WIDE);

  const query = createMemo<UnitQuery>(() => ({
    q: one(search.q),
    kind: one(search.kind),
    page: Math.max(1, Number.parseInt(one(search.page), 10) || 1),
    pageSize: PAGE_SIZE,
  }));
  const units = createLoad(query, (q) => api.tenant.units(slug(), q));

  const unit = () => config().vocabulary.unit;
  const pages = () => {
    const d = units.data();
    return d ? Math.max(1, Math.ceil(d.total / (d.pageSize || PAGE_SIZE))) : 1;
  };

  return (
    <Page title={texts.shell.unitList(unit())}>
      <UnitFilters
        unit={unit()}
        kinds={config().unitKinds}
        q={query().q ?? ''}
        kind={query().kind ?? ''}
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
              {texts.units.total(d().total, unit())}
            </p>
            <Show when={d().items.length} fallback={<p class="empty">{texts.units.empty(unit())}</p>}>
              <Show when={wide()} fallback={<UnitCards items={d().items} vocabulary={config().vocabulary} />}>
                <UnitTable items={d().items} vocabulary={config().vocabulary} />
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
