import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { texts } from '../../texts';
import { findingsTexts as s } from '../../texts/findings';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { type FindingRow, findingsApi } from './api';
import { Deadline, isOverdue, SeverityBadge, StatusBadge } from './Badges';
import { myFindingHref } from './permissions';
import './findings.css';

const PAGE_SIZE = 50;

/** Overdue first (the longest overdue on top), then the nearest deadline; reports waiting for a re-check last. */
export function byUrgency(a: FindingRow, b: FindingRow): number {
  const rank = (r: FindingRow) => (isOverdue(r) ? 0 : r.status === 'issued' ? 1 : 2);
  return rank(a) - rank(b) || (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0);
}

/** /t/:tenant/my-findings: what the unit manager's unit must rectify, across the modules that are on. */
export default function MyFindingsPage() {
  const { slug } = useTenant();
  const [search] = useSearchParams();
  const q = createMemo(() => ({ page: pageParam(search.page), pageSize: PAGE_SIZE }));
  const list = createLoad(q, (query) =>
    findingsApi.mine(slug(), query).then((d) => ({ ...d, items: d.items.slice().sort(byUrgency) })),
  );

  return (
    <Page title={s.myTitle} intro={s.myIntro}>
      <PagedResult list={list} total={s.myTotal}>
        {(d) => (
          <Show when={d().items.length} fallback={<p class="empty">{s.myEmpty}</p>}>
            <ul class="cards">
              <For each={d().items}>
                {(row) => (
                  <li class="card" classList={{ 'finding-overdue': isOverdue(row) }}>
                    <h2 class="card-title">
                      <A href={myFindingHref(slug(), row.module, row.id)}>{row.description}</A>
                    </h2>
                    <p class="card-meta">
                      <StatusBadge row={row} /> <SeverityBadge severity={row.severity} />
                    </p>
                    <p class="card-meta">
                      {texts.modules[row.module]} · {row.category}
                      <Show when={row.noticeNo}>
                        {(no) => (
                          <>
                            {' '}
                            · {s.noticeNo} {no()}
                          </>
                        )}
                      </Show>
                    </p>
                    <p class="card-meta">
                      {s.deadline}：<Deadline row={row} />
                    </p>
                    <Show when={row.status === 'reported'}>
                      <p class="card-meta">{s.waitingRecheck}</p>
                    </Show>
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
