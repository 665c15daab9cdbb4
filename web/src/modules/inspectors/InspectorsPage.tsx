import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, onMount, Show } from 'solid-js';
import { inspectorsTexts } from '../../texts/inspectors';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { createMediaQuery, WIDE } from '../../ui/media';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { useTenant } from '../shell/context';
import { type InspectorQuery, inspectorsApi, type ZoneOption } from './api';
import { InspectorFilters } from './InspectorFilters';
import { InspectorCards, InspectorTable } from './InspectorList';
import { canManage } from './permissions';

const PAGE_SIZE = 20;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default function InspectorsPage() {
  const { slug, config, session } = useTenant();
  const s = inspectorsTexts;
  // Filters live in the URL so back, reload and a shared link show the same list.
  const [search, setSearch] = useSearchParams();
  const wide = createMediaQuery(WIDE);
  const [zones, setZones] = createSignal<ZoneOption[]>([]);
  // The zone filter is a convenience: without the zones list the page still works.
  onMount(() => {
    inspectorsApi.zones(slug()).then(setZones, () => setZones([]));
  });

  const query = createMemo<InspectorQuery>(() => ({
    q: one(search.q),
    type: one(search.type),
    zoneId: one(search.zoneId),
    status: one(search.status),
    page: Math.max(1, Number.parseInt(one(search.page), 10) || 1),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(query, (q) => inspectorsApi.list(slug(), q));
  const word = () => config().vocabulary.inspector;
  const pages = () => {
    const d = list.data();
    return d ? Math.max(1, Math.ceil(d.total / (d.pageSize || PAGE_SIZE))) : 1;
  };

  return (
    <Page title={s.title(word())}>
      <Show when={canManage(session().user.role)}>
        <p class="actions">
          <A class="btn btn-primary" href={`/t/${slug()}/inspectors/new`}>
            {s.add(word())}
          </A>
        </p>
      </Show>
      <InspectorFilters
        word={word()}
        zoneWord={config().vocabulary.zone}
        zones={zones()}
        q={query().q ?? ''}
        type={query().type ?? ''}
        zoneId={query().zoneId ?? ''}
        status={query().status ?? ''}
        onChange={(next) => setSearch({ ...next, page: undefined }, { replace: true })}
      />
      <Show when={list.error()}>{(e) => <ErrorBanner message={e().message} onRetry={list.reload} />}</Show>
      <Show when={list.loading()}>
        <Loading inline />
      </Show>
      <Show when={list.data()}>
        {(d) => (
          <>
            <p class="muted" aria-live="polite">
              {s.total(d().total, word())}
            </p>
            <Show when={d().items.length} fallback={<p class="empty">{s.empty(word())}</p>}>
              <Show
                when={wide()}
                fallback={<InspectorCards slug={slug()} items={d().items} vocabulary={config().vocabulary} />}
              >
                <InspectorTable slug={slug()} items={d().items} vocabulary={config().vocabulary} />
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
