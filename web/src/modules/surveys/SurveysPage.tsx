import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { surveysTexts as s } from '../../texts/surveys';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { surveysApi, surveysHref } from './api';
import { canManageSurveys } from './permissions';
import './surveys.css';

const PAGE_SIZE = 20;

/** /t/:tenant/teaching/surveys: the surveys the user may read (the server filters by role), newest first. */
export default function SurveysPage() {
  const { slug, session } = useTenant();
  const [search] = useSearchParams();
  const q = createMemo(() => ({ page: pageParam(search.page), pageSize: PAGE_SIZE }));
  const list = createLoad(q, (query) => surveysApi.list(slug(), query));
  const manage = () => canManageSurveys(session().user.role);
  const statusClass = (status: string) =>
    status === 'open' ? 'badge badge-ok' : status === 'draft' ? 'badge badge-warn' : 'badge';

  return (
    <Page title={s.title} intro={s.intro}>
      <Show when={manage()}>
        <p class="actions">
          <A class="btn btn-primary" href={surveysHref(slug(), '/new')}>
            {s.add}
          </A>
        </p>
      </Show>
      <PagedResult list={list} total={s.total}>
        {(d) => (
          <Show
            when={d().items.length > 0}
            fallback={<p class="muted">{manage() ? s.empty : s.emptyTeacher}</p>}
          >
            <ul class="cards">
              <For each={d().items}>
                {(row) => (
                  <li class="card">
                    <h2 class="card-title">
                      <A href={surveysHref(slug(), manage() ? `/${row.id}` : `/${row.id}/results`)}>
                        {row.title}
                      </A>
                    </h2>
                    <p class="card-meta">
                      {s.kinds[row.kind]}
                      <Show when={row.teacherName}> · {row.teacherName}</Show>
                      <Show when={row.course}> · {row.course}</Show>
                    </p>
                    <p class="card-meta">
                      <span class={statusClass(row.status)}>{s.statuses[row.status]}</span> ·{' '}
                      {s.responses(row.responseCount)}
                      <Show when={row.closesOn}>{(d) => <> · {s.closesOn(d())}</>}</Show>
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </PagedResult>
    </Page>
  );
}
