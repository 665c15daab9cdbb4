import { texts } from '../texts';
import { Button } from './Button';

interface TopBarProps {
  title: string;
  userName: string;
  roleLabel: string;
  onLogout: () => void;
  loggingOut: boolean;
}

export function TopBar(props: TopBarProps) {
  return (
    <header class="topbar">
      <p class="topbar-title">{props.title}</p>
      <div class="topbar-user">
        <span>
          {props.userName}
          <span class="topbar-role">{props.roleLabel}</span>
        </span>
        <Button variant="link" class="topbar-logout" busy={props.loggingOut} onClick={() => props.onLogout()}>
          {texts.auth.logout}
        </Button>
      </div>
    </header>
  );
}
