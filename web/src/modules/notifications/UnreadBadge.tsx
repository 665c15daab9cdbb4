import { A } from '@solidjs/router';
import { onMount, Show } from 'solid-js';
import { texts } from '../../texts';
import { refreshUnread, unread } from './unread';

/**
 * In the top bar, only while something is unread: 消息 with the count, linking to the notifications
 * page (which is in the menu for everyone anyway).
 */
export function UnreadBadge(props: { slug: string }) {
  onMount(() => refreshUnread(props.slug));
  const count = () => unread() ?? 0;
  return (
    <Show when={count() > 0}>
      <A
        href={`/t/${props.slug}/notifications`}
        class="btn btn-link"
        aria-label={texts.shell.unreadNotifications(count())}
      >
        {texts.shell.inbox}
        <span class="badge badge-danger">{count() > 99 ? '99+' : count()}</span>
      </A>
    </Show>
  );
}
