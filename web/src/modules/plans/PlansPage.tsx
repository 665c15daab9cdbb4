import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { texts } from '../../texts';
import { plansTexts as s } from '../../texts/plans';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { SelectField } from '../../ui/SelectField';
import { one, pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { type Plan, plansApi } from './api';
import { Progress } from './ItemState';
import { canManagePlans, plansHref, useModule } from './permissions';
import './plans.css';

const PAGE_SIZE = 20;

/** /t/:tenant/:module/plans: the module's plans (执行中 or 已取消), latest period first, with progress. */
export default function PlansPage() {
  const { slug, session, config } = useTenant();
  const module = useModule();
  const [search, setSearch] = useSearchParams();
  const status = () => (one(search.status) === 'cancelled' ? 'cancelled' : 'active');
  const q = createMemo(() => ({ module: module(), status: status(), page: pageParam(search.page) }));
  const list = createLoad(q, ({ module: m, ...rest }) =>
    plansApi.list(slug(), m, { ...rest, pageSize: PAGE_SIZE }),
  );
  const kinds = () => s.kinds(config().vocabulary.zone, config().vocabulary.unit);
  const href = (p: Plan) => plansHref(slug(), module(), `/${p.id}`);
  const scope = (p: Plan) => p.zone?.name ?? kinds()[p.kind];

  return (
    <Page
      title={s.title(texts.modules[module()])}
      intro={s.intro(config().vocabulary.zone, config().vocabulary.unit)}
    >
      <p class="actions">
        <Show when={canManagePlans(session().user.role)}>
          <A class="btn btn-primary" href={plansHref(slug(), module(), '/new')}>
            {s.add}
          </A>
        </Show>
        <A class="btn btn-secondary" href={`/t/${slug()}/calendar`}>
          {s.toCalendar}
        </A>
      </p>
      <div class="filters">
        <SelectField
          id="plans-status"
          label={s.status}
          value={status()}
          options={[
            { value: 'active', label: s.statuses.active },
            { value: 'cancelled', label: s.statuses.cancelled },
          ]}
          onValue={(v) =>
            setSearch({ status: v === 'cancelled' ? v : undefined, page: undefined }, { replace: true })
          }
        />
      </div>
      <PagedResult list={list} total={s.total}>
        {(d) => (
          <CardsOrTable
            count={d().items.length}
            empty={status() === 'active' ? s.empty : s.emptyCancelled}
            cards={
              <ul class="cards">
                <For each={d().items}>
                  {(p) => (
                    <li class="card" classList={{ 'plan-cancelled': p.status === 'cancelled' }}>
                      <h2 class="card-title">
                        <A href={href(p)}>{p.name}</A>
                      </h2>
                      <p class="card-meta">
                        {kinds()[p.kind]} · {s.visitKinds[p.visitKind]}
                        <Show when={p.zone}>{(z) => ` · ${z().name}`}</Show>
                      </p>
                      <p class="card-meta">{s.periodOf(p.startsOn, p.endsOn)}</p>
                      <p class="card-meta">
                        <Progress counts={p.counts} />
                      </p>
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
                      <th scope="col">{s.kind}</th>
                      <th scope="col">{s.scope}</th>
                      <th scope="col">{s.visitKind}</th>
                      <th scope="col">{s.period}</th>
                      <th scope="col">{s.status}</th>
                      <th scope="col">{s.progress}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().items}>
                      {(p) => (
                        <tr>
                          <th scope="row">
                            <A href={href(p)}>{p.name}</A>
                          </th>
                          <td>{kinds()[p.kind]}</td>
                          <td>{scope(p)}</td>
                          <td>{s.visitKinds[p.visitKind]}</td>
                          <td>{s.periodOf(p.startsOn, p.endsOn)}</td>
                          <td>{s.statuses[p.status]}</td>
                          <td>
                            <Progress counts={p.counts} />
                          </td>
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
