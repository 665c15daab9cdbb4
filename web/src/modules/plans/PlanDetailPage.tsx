import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Paged } from '../../api';
import { texts } from '../../texts';
import { plansTexts as s } from '../../texts/plans';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatTime } from '../../ui/format';
import { InfoList } from '../../ui/InfoList';
import { Loaded } from '../../ui/Loaded';
import { createLoad, type Load } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { SelectField } from '../../ui/SelectField';
import { one, pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { ITEM_STATES, type ItemState, type Plan, type PlanItem, plansApi } from './api';
import { Progress, StateBadge, startable } from './ItemState';
import {
  canManagePlans,
  canRecordVisits,
  newVisitHref,
  plansHref,
  useModule,
  visitHref,
} from './permissions';
import './plans.css';

const PAGE_SIZE = 50;

/** /t/:tenant/:module/plans/:id: the plan, its items by due day with their state today, and cancel. */
export default function PlanDetailPage() {
  const params = useParams<{ id: string }>();
  const module = useModule();
  const { slug, session, config, notify } = useTenant();
  const [search, setSearch] = useSearchParams();
  const state = () => {
    const v = one(search.state) as ItemState;
    return ITEM_STATES.indexOf(v) >= 0 ? v : '';
  };
  const q = createMemo(() => ({
    module: module(),
    id: params.id,
    state: state(),
    page: pageParam(search.page),
  }));
  const detail = createLoad(q, ({ module: m, id, ...rest }) =>
    plansApi.get(slug(), m, id, { ...rest, pageSize: PAGE_SIZE }),
  );
  const items: Load<Paged<PlanItem>> = {
    data: () => detail.data()?.items,
    // The page's Loaded shows a failed request once, above everything.
    error: () => null,
    loading: detail.loading,
    reload: detail.reload,
    mutate: () => {},
  };
  const unitWord = () => config().vocabulary.unit;
  const kinds = () => s.kinds(config().vocabulary.zone, unitWord());
  const record = () => canRecordVisits(session().user.role);

  const facts = (p: Plan) => [
    { label: s.kind, value: kinds()[p.kind] },
    ...(p.zone ? [{ label: s.zone(config().vocabulary.zone), value: p.zone.name }] : []),
    { label: s.visitKind, value: s.visitKinds[p.visitKind] },
    { label: s.template, value: p.template?.name ?? s.noTemplate },
    { label: s.period, value: s.periodOf(p.startsOn, p.endsOn) },
    { label: s.theme, value: p.theme ?? texts.common.none },
    ...(p.note ? [{ label: s.note, value: p.note }] : []),
    { label: s.status, value: s.statuses[p.status] },
    { label: s.progress, value: <Progress counts={p.counts} /> },
    { label: s.createdBy, value: p.createdBy?.name ?? texts.common.none },
    { label: s.createdAt, value: formatTime(p.createdAt) },
  ];

  const action = (item: PlanItem, p: Plan) => (
    <Show
      when={item.visitId}
      fallback={
        <Show when={record() && p.status === 'active' && startable(item.state)}>
          <A
            class="btn btn-secondary"
            href={newVisitHref(slug(), module(), item.unitId, {
              visitKind: p.visitKind,
              theme: p.theme,
              templateId: p.template?.id ?? null,
            })}
          >
            {s.startVisit}
          </A>
        </Show>
      }
    >
      {(visitId) => <A href={visitHref(slug(), module(), visitId())}>{s.viewVisit}</A>}
    </Show>
  );

  return (
    <Page title={detail.data()?.plan.name ?? s.title(texts.modules[module()])}>
      <p>
        <A href={plansHref(slug(), module())}>{s.backToList}</A>
      </p>
      <Loaded load={detail}>
        {(d) => (
          <>
            <Show when={d().plan.status === 'cancelled'}>
              <Notice tone="info">{s.cancelledNote}</Notice>
            </Show>
            <section class="section">
              <h2>{s.basics}</h2>
              <InfoList items={facts(d().plan)} />
            </section>
            <Show when={canManagePlans(session().user.role) && d().plan.status === 'active'}>
              <ConfirmButton
                label={s.cancel}
                question={s.cancelQuestion}
                danger
                run={async () => {
                  const { plan } = await plansApi.cancel(slug(), module(), d().plan.id);
                  detail.mutate({ ...d(), plan });
                  notify(s.cancelled);
                  window.scrollTo(0, 0);
                }}
              />
            </Show>
            <section class="section">
              <h2>{s.items}</h2>
              <div class="filters">
                <SelectField
                  id="plan-state"
                  label={s.stateFilter}
                  placeholder={s.allStates}
                  value={state()}
                  options={ITEM_STATES.map((v) => ({
                    value: v,
                    label: `${s.states[v]}（${d().plan.counts[v]}）`,
                  }))}
                  onValue={(v) => setSearch({ state: v || undefined, page: undefined }, { replace: true })}
                />
              </div>
              <PagedResult list={items} total={s.itemsTotal}>
                {(page) => (
                  <CardsOrTable
                    count={page().items.length}
                    empty={s.itemsEmpty}
                    cards={
                      <ul class="cards" aria-label={s.items}>
                        <For each={page().items}>
                          {(item) => (
                            <li class="card" classList={{ 'plan-item-late': item.state === 'late' }}>
                              <h3 class="card-title">{item.unitName}</h3>
                              <p class="card-meta">
                                {s.windowOf(item.startsOn, item.dueOn)} <StateBadge state={item.state} />
                              </p>
                              <p class="card-meta">{action(item, d().plan)}</p>
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
                              <th scope="col">{s.unit(unitWord())}</th>
                              <th scope="col">{s.window}</th>
                              <th scope="col">{s.state}</th>
                              <th scope="col">{s.visit}</th>
                            </tr>
                          </thead>
                          <tbody>
                            <For each={page().items}>
                              {(item) => (
                                <tr>
                                  <th scope="row">{item.unitName}</th>
                                  <td>{s.windowOf(item.startsOn, item.dueOn)}</td>
                                  <td>
                                    <StateBadge state={item.state} />
                                  </td>
                                  <td>{action(item, d().plan)}</td>
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
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
