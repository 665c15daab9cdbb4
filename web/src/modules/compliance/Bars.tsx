import { For, Show } from 'solid-js';
import { complianceTexts as s } from '../../texts/compliance';
import type { Totals } from './api';

export interface BarRow extends Totals {
  key: string;
  label: string;
}

/**
 * One plain CSS bar per group: the share of its quota reached, with a mark where the semester
 * stands, so a group left of its mark is behind. No chart library for a bar.
 */
export function Bars(props: { title: string; rows: BarRow[]; elapsed: number }) {
  return (
    <Show when={props.rows.length > 0}>
      <section class="section" aria-label={props.title}>
        <h2>{props.title}</h2>
        <ul class="quota-bars">
          <For each={props.rows}>
            {(row) => (
              <li>
                <p class="quota-bar-label">
                  <span>{row.label}</span>
                  <span class="muted">{s.bar(row.percent)}</span>
                </p>
                <div
                  class="quota-bar"
                  role="img"
                  aria-label={`${row.label}：${s.bar(row.percent)}`}
                  classList={{ 'quota-bar-behind': row.percent < props.elapsed }}
                >
                  <span class="quota-bar-fill" style={{ width: `${Math.min(100, row.percent)}%` }} />
                  <span class="quota-bar-mark" style={{ left: `${Math.min(100, props.elapsed)}%` }} />
                </div>
                <p class="card-meta">{s.groupLine(row.people, row.done, row.required, row.behind)}</p>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
