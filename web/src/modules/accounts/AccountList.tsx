import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { texts } from '../../texts';
import { accountsTexts } from '../../texts/accounts';
import { formatTime } from '../../ui/format';
import type { Account } from './api';

const s = accountsTexts;

interface ListProps {
  slug: string;
  items: Account[];
}

function Badges(props: { user: Account }) {
  return (
    <>
      <Show when={props.user.status === 'disabled'}>
        <span class="badge badge-danger">{s.statuses.disabled}</span>
      </Show>
      <Show when={props.user.mustChangePassword}>
        <span class="badge badge-warn">{s.mustChange}</span>
      </Show>
      <Show when={props.user.lockedUntil}>
        {(t) => <span class="badge badge-warn">{s.locked(formatTime(t()))}</span>}
      </Show>
    </>
  );
}

/** Phones: one card per account. */
export function AccountCards(props: ListProps) {
  return (
    <ul class="cards">
      <For each={props.items}>
        {(u) => (
          <li class="card">
            <h2 class="card-title">
              <A href={`/t/${props.slug}/accounts/${u.id}`}>{u.displayName}</A>{' '}
              <span class="badge">{u.roleLabel}</span> <Badges user={u} />
            </h2>
            <p class="card-meta">
              {s.username}：{u.username}
              <Show when={u.phone}> · {u.phone}</Show>
            </p>
            <Show when={u.unit}>{(unit) => <p class="card-meta">{unit().name}</p>}</Show>
          </li>
        )}
      </For>
    </ul>
  );
}

/** Wide screens: a table. */
export function AccountTable(props: ListProps) {
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{s.displayName}</th>
            <th scope="col">{s.username}</th>
            <th scope="col">{s.role}</th>
            <th scope="col">{s.unit}</th>
            <th scope="col">{s.phone}</th>
            <th scope="col">{s.status}</th>
            <th scope="col">{s.createdAt}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.items}>
            {(u) => (
              <tr classList={{ archived: u.status === 'disabled' }}>
                <th scope="row">
                  <A href={`/t/${props.slug}/accounts/${u.id}`}>{u.displayName}</A>
                </th>
                <td>{u.username}</td>
                <td>{u.roleLabel}</td>
                <td>{u.unit?.name ?? texts.common.none}</td>
                <td>{u.phone ?? texts.common.none}</td>
                <td>
                  <Show when={u.status === 'active'}>{s.statuses.active}</Show> <Badges user={u} />
                </td>
                <td>{formatTime(u.createdAt)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
