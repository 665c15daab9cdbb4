import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, onMount, Show } from 'solid-js';
import { inspectorsTexts } from '../../texts/inspectors';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { one, pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { type InspectorQuery, inspectorsApi, type ZoneOption } from './api';
import { InspectorFilters } from './InspectorFilters';
import { InspectorCards, InspectorTable } from './InspectorList';
import { canManage } from './permissions';

const PAGE_SIZE = 20;

export default function InspectorsPage() {
  const { slug, config, session } = useTenant();
  const s = inspectorsTexts;
  // Filters live in the URL so back, reload and a shared link show the same list.
  const [search, setSearch] = useSearchParams();
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
    page: pageParam(search.page),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(query, (q) => inspectorsApi.list(slug(), q));
  const word = () => config().vocabulary.inspector;

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
      <PagedResult list={list} total={(n) => s.total(n, word())}>
        {(d) => (
          <CardsOrTable
            count={d().items.length}
            empty={s.empty(word())}
            cards={<InspectorCards slug={slug()} items={d().items} vocabulary={config().vocabulary} />}
            table={<InspectorTable slug={slug()} items={d().items} vocabulary={config().vocabulary} />}
          />
        )}
      </PagedResult>
    </Page>
  );
}
