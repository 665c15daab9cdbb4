import { For, Show } from 'solid-js';
import { enabledModulesOf, themeOf } from '../../config';
import { texts } from '../../texts';
import { currentMonth } from '../../ui/format';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { TODO_ROLES, TodoSection } from './TodoSection';

export default function Home() {
  const { slug, session, config } = useTenant();
  const month = currentMonth();
  const theme = () => themeOf(config(), month);
  const modules = () => enabledModulesOf(config());

  return (
    <Page title={texts.shell.home}>
      <p class="greeting">{texts.home.greeting(session().user.displayName)}</p>
      <p class="muted">{session().tenant.name}</p>
      <Show when={TODO_ROLES.indexOf(session().user.role) >= 0}>
        <TodoSection slug={slug()} role={session().user.role} />
      </Show>
      <Section title={`${texts.home.monthTheme}（${texts.home.monthLabel(month)}）`}>
        <p class="theme">{theme() ?? texts.home.noTheme}</p>
      </Section>
      <Section title={texts.home.modules}>
        <Show when={modules().length} fallback={<p class="muted">{texts.home.noModules}</p>}>
          <ul class="tags">
            <For each={modules()}>{(key) => <li class="tag">{texts.modules[key]}</li>}</For>
          </ul>
        </Show>
      </Section>
    </Page>
  );
}
