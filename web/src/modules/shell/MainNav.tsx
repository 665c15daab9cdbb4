import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { Role, TenantConfig } from '../../api';
import { texts } from '../../texts';
import { visibleMenu } from './menu';

interface MainNavProps {
  slug: string;
  role: Role;
  config: TenantConfig;
}

export function MainNav(props: MainNavProps) {
  return (
    <nav class="app-nav" aria-label={texts.shell.menu}>
      <ul>
        <For each={visibleMenu(props.role, props.config)}>
          {(entry) => (
            <li>
              <A href={`/t/${props.slug}/${entry.path}`} end={entry.path === ''}>
                {entry.label(props.config)}
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
