import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { TenantConfig, UnitRow } from '../../api';
import { unitsTexts } from '../../texts/units';
import { formatCount } from '../../ui/format';

interface UnitListProps {
  items: UnitRow[];
  vocabulary: TenantConfig['vocabulary'];
  /** The detail page of a unit. */
  href: (id: string) => string;
}

export function UnitCards(props: UnitListProps) {
  return (
    <ul class="cards">
      <For each={props.items}>
        {(u) => (
          <li class="card">
            <h2 class="card-title">
              <A href={props.href(u.id)}>{u.name}</A>
              <Show when={u.status === 'archived'}>
                <span class="badge">{unitsTexts.archived}</span>
              </Show>
            </h2>
            <p class="card-meta">
              {u.kindLabel}
              <Show when={u.parentName}>
                {' · '}
                {props.vocabulary.unitGroup}：{u.parentName}
              </Show>
              <Show when={u.zoneName}>
                {' · '}
                {props.vocabulary.zone}：{u.zoneName}
              </Show>
            </p>
            <p class="card-meta">
              {unitsTexts.enrolment} {formatCount(u.enrolment)} · {unitsTexts.staffCount}{' '}
              {formatCount(u.staffCount)}
            </p>
          </li>
        )}
      </For>
    </ul>
  );
}
