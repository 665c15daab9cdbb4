import { createSignal } from 'solid-js';
import { notificationsApi } from './api';

// The unread count the top bar shows; the notifications page sets it whenever it learns a newer one,
// so reading a notification there lowers the badge without another request.
const [unread, setUnread] = createSignal<number | null>(null);

export { setUnread, unread };

/** Asks the server (a page of one row): a failure leaves the last count as it was. */
export function refreshUnread(slug: string): void {
  notificationsApi.list(slug, { pageSize: 1 }).then(
    (d) => setUnread(d.unread),
    () => {},
  );
}
