import { A } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { texts } from '../texts';
import { Button } from './Button';

interface TopBarProps {
  title: string;
  userName: string;
  roleLabel: string;
  /** The signed-in user's own password page; none while the user may do nothing else but change it. */
  passwordHref?: string | undefined;
  onLogout: () => void;
  loggingOut: boolean;
  /** Small links before the account's own (the unread notifications count). */
  children?: JSX.Element;
}

// The password link sits with 退出登录 rather than in the main menu: on a 360 px phone the bottom menu
// has no room for one more entry, and both are about the user's own account.
export function TopBar(props: TopBarProps) {
  return (
    <header class="topbar">
      <p class="topbar-title">{props.title}</p>
      <div class="topbar-user">
        {props.children}
        <span class="topbar-name">
          {props.userName}
          <span class="topbar-role">{props.roleLabel}</span>
        </span>
        <Show when={props.passwordHref}>
          {(href) => (
            <A href={href()} class="btn btn-link">
              {texts.password.title}
            </A>
          )}
        </Show>
        <Button variant="link" class="topbar-logout" busy={props.loggingOut} onClick={() => props.onLogout()}>
          {texts.auth.logout}
        </Button>
      </div>
    </header>
  );
}
