import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Role } from '../../api';
import { texts } from '../../texts';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Section } from '../../ui/Section';
import { complaintsApi } from '../complaints/api';
import { suggestionsApi } from '../suggestions/api';

/** Roles with a list that can hold work for them. */
export const TODO_ROLES: Role[] = ['admin', 'director', 'inspector', 'unit_manager'];

interface Todo {
  label: string;
  href: string;
}

/**
 * What waits for this person, counted by the lists they would open: open complaints for the
 * office and its inspectors (an inspector's list holds only what is assigned to them), new
 * suggestions for the office, forwarded ones for a unit's head. One request per list, page size 1.
 */
async function loadTodos(slug: string, role: Role): Promise<Todo[]> {
  const base = `/t/${slug}`;
  const wanted: Promise<Todo | null>[] = [];
  if (role === 'admin' || role === 'director' || role === 'inspector') {
    wanted.push(
      complaintsApi
        .list(slug, { status: 'open', pageSize: 1 })
        .then(({ total }) =>
          total ? { label: texts.home.openComplaints(total), href: `${base}/complaints?status=open` } : null,
        ),
    );
  }
  if (role === 'admin' || role === 'director') {
    wanted.push(
      suggestionsApi.list(slug, { box: 'office', status: 'submitted', pageSize: 1 }).then(({ total }) =>
        total
          ? {
              label: texts.home.officeSuggestions(total),
              href: `${base}/suggestions?tab=office&status=submitted`,
            }
          : null,
      ),
    );
  }
  if (role === 'unit_manager') {
    wanted.push(
      suggestionsApi.list(slug, { box: 'unit', status: 'forwarded', pageSize: 1 }).then(({ total }) =>
        total
          ? {
              label: texts.home.unitSuggestions(total),
              href: `${base}/suggestions?tab=unit&status=forwarded`,
            }
          : null,
      ),
    );
  }
  return (await Promise.all(wanted)).filter((t): t is Todo => t !== null);
}

export function TodoSection(props: { slug: string; role: Role }) {
  const todos = createLoad(
    () => ({ slug: props.slug, role: props.role }),
    ({ slug, role }) => loadTodos(slug, role),
  );
  return (
    <Section title={texts.home.todo}>
      <Loaded load={todos} inline>
        {(list) => (
          <Show when={list().length} fallback={<p class="muted">{texts.home.nothingToDo}</p>}>
            <ul class="link-list">
              <For each={list()}>
                {(todo) => (
                  <li>
                    <A href={todo.href}>{todo.label}</A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Loaded>
    </Section>
  );
}
