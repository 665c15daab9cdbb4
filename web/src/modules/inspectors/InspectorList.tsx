import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { TenantConfig } from '../../api';
import { texts } from '../../texts';
import { inspectorsTexts } from '../../texts/inspectors';
import type { InspectorRow } from './api';

interface ListProps {
  slug: string;
  items: InspectorRow[];
  vocabulary: TenantConfig['vocabulary'];
}

const s = inspectorsTexts;
const zoneNames = (row: InspectorRow) => row.zones.map((z) => z.name).join('、') || texts.common.none;

/** Phones: one card per inspector, the over-ratio warning on the card itself. */
export function InspectorCards(props: ListProps) {
  return (
    <ul class="cards">
      <For each={props.items}>
        {(row) => (
          <li class="card">
            <h2 class="card-title">
              <A href={`/t/${props.slug}/inspectors/${row.id}`}>{row.name}</A>{' '}
              <span class="badge">{row.typeLabel}</span>
              <Show when={row.status === 'archived'}>
                <span class="badge">{s.statuses.archived}</span>
              </Show>
            </h2>
            <p class="card-meta">
              {props.vocabulary.zone}：{zoneNames(row)} · {s.unitCount(row.unitCount, props.vocabulary.unit)}
            </p>
            <p class="card-meta">
              {s.phone}：{row.phone ?? texts.common.none} · {s.hours(row.trainingHours)}
              <Show when={!row.hasPhoto}> · {s.noPhoto}</Show>
            </p>
            <Show when={row.warning}>{(w) => <p class="warn-text">{w().message}</p>}</Show>
          </li>
        )}
      </For>
    </ul>
  );
}

/** Wide screens: a table; the warning sits in the unit-count cell. */
export function InspectorTable(props: ListProps) {
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{s.name}</th>
            <th scope="col">{s.type}</th>
            <th scope="col">{props.vocabulary.zone}</th>
            <th scope="col" class="num">
              {s.unitCountLabel(props.vocabulary.unit)}
            </th>
            <th scope="col">{s.term}</th>
            <th scope="col" class="num">
              {s.trainingHours}
            </th>
            <th scope="col">{s.phone}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.items}>
            {(row) => (
              <tr classList={{ archived: row.status === 'archived' }}>
                <th scope="row">
                  <A href={`/t/${props.slug}/inspectors/${row.id}`}>{row.name}</A>
                  <Show when={!row.hasPhoto}>
                    <span class="sub">{s.noPhoto}</span>
                  </Show>
                </th>
                <td>{row.typeLabel}</td>
                <td>{zoneNames(row)}</td>
                <td class="num">
                  {row.unitCount}
                  <Show when={row.warning}>
                    {(w) => (
                      <span class="sub warn-text" title={w().message}>
                        {w().message}
                      </span>
                    )}
                  </Show>
                </td>
                <td>{s.termRange(row.term.start, row.term.end)}</td>
                <td class="num">{row.trainingHours}</td>
                <td>{row.phone ?? texts.common.none}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
