import { For } from 'solid-js';

/**
 * A horizontal bar chart in plain CSS: one row per value with its label, bar and count. No chart
 * library, so the results page stays small on a phone.
 */
export function Bars(props: { label: string; rows: { label: string; count: number }[] }) {
  const most = () => Math.max(1, ...props.rows.map((r) => r.count));
  return (
    <table class="bars" aria-label={props.label}>
      <tbody>
        <For each={props.rows}>
          {(r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td class="bars-cell">
                <span class="bars-bar" style={{ width: `${(r.count / most()) * 100}%` }} />
              </td>
              <td class="bars-count">{r.count}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
