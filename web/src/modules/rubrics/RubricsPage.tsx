import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { rubricsTexts as s } from '../../texts/rubrics';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { canManageRubrics, type RubricListItem, rubricsApi, rubricsHref } from './api';

function RubricCard(props: { row: RubricListItem; isDefault: boolean }) {
  const { slug } = useTenant();
  return (
    <li class="card">
      <h3 class="card-title">
        <A href={rubricsHref(slug(), `/${props.row.id}`)}>{props.row.name}</A>{' '}
        <span class={props.row.builtinKey ? 'badge badge-primary' : 'badge'}>
          {props.row.builtinKey ? s.builtin : s.office}
        </span>
        <Show when={props.isDefault}>
          {' '}
          <span class="badge badge-ok">{s.isDefault}</span>
        </Show>
      </h3>
      <p class="card-meta">
        {s.version(props.row.latestVersion)} · {s.fullMarks(props.row.maxTotal)}
      </p>
    </li>
  );
}

/** /t/:tenant/teaching/rubrics: the office's rubrics, shipped and own, in use and archived. */
export default function RubricsPage() {
  const { slug, session } = useTenant();
  const list = createLoad(
    () => slug(),
    (sl) => rubricsApi.list(sl),
  );
  return (
    <Page title={s.title} intro={s.intro}>
      <Show when={canManageRubrics(session().user.role)}>
        <p class="actions">
          <A class="btn btn-primary" href={rubricsHref(slug(), '/new')}>
            {s.add}
          </A>
        </p>
      </Show>
      <Loaded load={list}>
        {(d) => (
          <>
            <p class="muted">{s.defaultHint}</p>
            <For each={['active', 'archived'] as const}>
              {(status) => (
                <Show when={d().items.some((r) => r.status === status) || status === 'active'}>
                  <Section title={s.groups[status]}>
                    <Show
                      when={d().items.some((r) => r.status === status)}
                      fallback={<p class="muted">{s.empty}</p>}
                    >
                      <ul class="cards">
                        <For each={d().items.filter((r) => r.status === status)}>
                          {(row) => <RubricCard row={row} isDefault={row.id === d().defaultId} />}
                        </For>
                      </ul>
                    </Show>
                  </Section>
                </Show>
              )}
            </For>
          </>
        )}
      </Loaded>
    </Page>
  );
}
