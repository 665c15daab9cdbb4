import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { notificationsTexts as s } from '../../texts/notifications';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatTime } from '../../ui/format';
import { LoadStatus } from '../../ui/LoadStatus';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { pageParam } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { type NotificationRow, notificationsApi } from './api';
import { linkFor } from './links';
import { setUnread } from './unread';
import './notifications.css';

const PAGE_SIZE = 30;

/** Unread on top, each group newest first. */
function unreadFirst(a: NotificationRow, b: NotificationRow): number {
  const ra = a.readAt ? 1 : 0;
  const rb = b.readAt ? 1 : 0;
  return ra - rb || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);
}

/** /t/:tenant/notifications: the user's own notifications; opening one marks it read. */
export default function NotificationsPage() {
  const { slug, session } = useTenant();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const q = createMemo(() => ({ page: pageParam(search.page), pageSize: PAGE_SIZE }));
  const list = createLoad(q, (query) => notificationsApi.list(slug(), query));
  const [error, setError] = createSignal<string | null>(null);
  const [opening, setOpening] = createSignal<string | null>(null);
  createEffect(() => {
    const d = list.data();
    if (d) setUnread(d.unread);
  });
  const rows = () => (list.data()?.items ?? []).slice().sort(unreadFirst);
  const pages = () => {
    const d = list.data();
    return d?.total ? Math.max(1, Math.ceil(d.total / (d.pageSize || PAGE_SIZE))) : 1;
  };

  const open = async (n: NotificationRow) => {
    if (opening()) return;
    setError(null);
    setOpening(n.id);
    try {
      if (!n.readAt) {
        await notificationsApi.read(slug(), n.id);
        const d = list.data();
        if (d) {
          const items = d.items.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x));
          list.mutate({ ...d, items, unread: Math.max(0, d.unread - 1) });
        }
      }
      if (n.link) navigate(linkFor(slug(), session().user.role, n.link));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setOpening(null);
    }
  };

  return (
    <Page title={s.title} intro={s.intro}>
      <LoadStatus load={list} />
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <Show when={list.data()}>
        {(d) => (
          <>
            <p class="muted" aria-live="polite">
              {s.total(d().total ?? d().items.length, d().unread)}
            </p>
            <Show when={d().items.length} fallback={<p class="empty">{s.empty}</p>}>
              <ul class="cards">
                <For each={rows()}>
                  {(n) => (
                    <li class="card" classList={{ 'nt-unread': !n.readAt }}>
                      <button
                        type="button"
                        class="nt-open"
                        aria-busy={opening() === n.id ? 'true' : undefined}
                        onClick={() => open(n)}
                      >
                        <span class="nt-title">
                          {n.title}
                          <span class={n.readAt ? 'badge' : 'badge badge-danger'}>
                            {n.readAt ? s.read : s.unread}
                          </span>
                        </span>
                        <Show when={n.body}>
                          <span class="nt-body">{n.body}</span>
                        </Show>
                        <span class="card-meta">
                          {opening() === n.id ? s.opening : formatTime(n.createdAt)}
                        </span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={pages() > 1}>
              <Pager
                page={d().page ?? 1}
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
