import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { TenantConfig, UnitRow } from '../../api';
import { texts } from '../../texts';
import { unitsTexts } from '../../texts/units';
import { formatCount } from '../../ui/format';

interface UnitListProps {
  items: UnitRow[];
  vocabulary: TenantConfig['vocabulary'];
  href: (id: string) => string;
}

export function UnitTable(props: UnitListProps) {
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{unitsTexts.name}</th>
            <th scope="col">{unitsTexts.kind}</th>
            <th scope="col">{props.vocabulary.unitGroup}</th>
            <th scope="col">{props.vocabulary.zone}</th>
            <th scope="col" class="num">
              {unitsTexts.enrolment}
            </th>
            <th scope="col" class="num">
              {unitsTexts.staffCount}
            </th>
            <th scope="col">{unitsTexts.status}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.items}>
            {(u) => (
              <tr classList={{ archived: u.status === 'archived' }}>
                <th scope="row">
                  <A href={props.href(u.id)}>{u.name}</A>
                </th>
                <td>{u.kindLabel}</td>
                <td>{u.parentName ?? texts.common.none}</td>
                <td>{u.zoneName ?? texts.common.none}</td>
                <td class="num">{formatCount(u.enrolment)}</td>
                <td class="num">{formatCount(u.staffCount)}</td>
                <td>{u.status === 'archived' ? unitsTexts.archived : unitsTexts.active}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
