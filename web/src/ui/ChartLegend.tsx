import { For } from 'solid-js';

/** The colour key of a chart: a swatch and a label per series. */
export function ChartLegend(props: { items: readonly { label: string; tone: string }[] }) {
  return (
    <ul class="dash-legend">
      <For each={props.items}>
        {(s) => (
          <li>
            <svg viewBox="0 0 10 10" class="dash-swatch" aria-hidden="true">
              <rect class={s.tone} width="10" height="10" rx="2" />
            </svg>
            {s.label}
          </li>
        )}
      </For>
    </ul>
  );
}
