import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { ModuleKey, Role } from '../../api';
import { enabledModulesOf } from '../../config';
import { texts } from '../../texts';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Section } from '../../ui/Section';
import { complaintsApi } from '../complaints/api';
import { findingsApi } from '../findings/api';
import { beijingToday } from '../findings/dates';
import { notificationsApi } from '../notifications/api';
import { setUnread } from '../notifications/unread';
import { useTenant } from '../shell/context';
import { suggestionsApi } from '../suggestions/api';

/** Roles with a list that can hold work for them (everyone has notifications). */
export const TODO_ROLES: Role[] = ['admin', 'director', 'inspector', 'unit_manager', 'teacher', 'viewer'];

interface Todo {
  label: string;
  href: string;
}

/**
 * What waits for this person, counted by the lists they would open: open complaints for the
 * office and its inspectors (an inspector's list holds only what is assigned to them), new
 * suggestions for the office, forwarded ones for a unit's head, rectification reports waiting for
 * a re-check, the unit's findings to rectify (and how many are overdue), unread notifications.
 * One request per list, page size 1 where a total is enough.
 */
async function loadTodos(slug: string, role: Role, modules: ModuleKey[]): Promise<Todo[]> {
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
  if (role === 'admin' || role === 'director' || role === 'inspector') {
    // Reports waiting for the office's re-check (复查销号), per module that is on.
    for (const module of modules) {
      wanted.push(
        findingsApi.list(slug, module, { status: 'reported', pageSize: 1 }).then(({ total }) =>
          total
            ? {
                label: texts.home.findingsToRecheck(texts.modules[module], total),
                href: `${base}/${module}/findings?status=reported`,
              }
            : null,
        ),
      );
    }
  }
  if (role === 'unit_manager') {
    // Issued findings the unit must rectify; the overdue ones are said apart.
    wanted.push(
      findingsApi.mine(slug, { pageSize: 100 }).then(({ items }) => {
        const issued = items.filter((f) => f.status === 'issued');
        if (!issued.length) return null;
        const today = beijingToday();
        const overdue = issued.filter((f) => f.overdue ?? f.deadline < today).length;
        const label = texts.home.findingsToRectify(issued.length);
        return {
          label: overdue ? `${label}，${texts.home.findingsOverdue(overdue)}` : label,
          href: `${base}/my-findings`,
        };
      }),
    );
  }
  wanted.push(
    notificationsApi.list(slug, { pageSize: 1 }).then(({ unread }) => {
      setUnread(unread);
      return unread ? { label: texts.home.unreadNotifications(unread), href: `${base}/notifications` } : null;
    }),
  );
  return (await Promise.all(wanted)).filter((t): t is Todo => t !== null);
}

export function TodoSection(props: { slug: string; role: Role }) {
  const { config } = useTenant();
  const todos = createLoad(
    () => ({ slug: props.slug, role: props.role, modules: enabledModulesOf(config()) }),
    ({ slug, role, modules }) => loadTodos(slug, role, modules),
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
