// Plain SVG charts for the dashboard (docs/decisions/013-charts.md): a bar per row, stacked bars
// and a line. They scale with their box (viewBox), so they fit a 360 px phone as well as a desk.
import { For, Show } from 'solid-js';
import { ChartLegend } from '../../ui/ChartLegend';

export interface Segment {
  label: string;
  value: number;
  /** A CSS class that sets the fill (dash-c0 … dash-c4). */
  tone: string;
}

/** One labelled bar per row, filled to value / total, with the figure on the right. */
export function RatioBars(props: { rows: { label: string; value: number; total: number }[] }) {
  return (
    <ul class="dash-ratios">
      <For each={props.rows}>
        {(row) => {
          const pct = () => (row.total ? Math.round((row.value / row.total) * 100) : 0);
          return (
            <li class="dash-ratio">
              <span class="dash-ratio-label">{row.label}</span>
              <svg class="dash-ratio-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                <rect class="dash-track" x="0" y="0" width="100" height="8" rx="2" />
                <rect class="dash-c0" x="0" y="0" width={pct()} height="8" rx="2" />
              </svg>
              <span class="dash-ratio-value">
                {row.value}/{row.total}（{pct()}%）
              </span>
            </li>
          );
        }}
      </For>
    </ul>
  );
}

/** One horizontal stacked bar per row, scaled to the largest row total, with a legend above. */
export function StackedBars(props: { legend: Segment[]; rows: { label: string; segments: Segment[] }[] }) {
  const max = () => Math.max(1, ...props.rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0)));
  return (
    <div>
      <ChartLegend items={props.legend} />
      <ul class="dash-stacks">
        <For each={props.rows}>
          {(row) => {
            const total = () => row.segments.reduce((s, x) => s + x.value, 0);
            const parts = () => {
              let x = 0;
              return row.segments.map((s) => {
                const w = (s.value / max()) * 100;
                const part = { ...s, x, w };
                x += w;
                return part;
              });
            };
            return (
              <li class="dash-stack">
                <span class="dash-ratio-label">{row.label}</span>
                <svg
                  class="dash-ratio-bar"
                  viewBox="0 0 100 10"
                  preserveAspectRatio="none"
                  role="img"
                  aria-label={`${row.label}：${row.segments.map((s) => `${s.label} ${s.value}`).join('，')}`}
                >
                  <rect class="dash-track" x="0" y="0" width="100" height="10" rx="2" />
                  <For each={parts()}>
                    {(p) => (
                      <Show when={p.value > 0}>
                        <rect class={p.tone} x={p.x} y="0" width={p.w} height="10">
                          <title>{`${p.label} ${p.value}`}</title>
                        </rect>
                      </Show>
                    )}
                  </For>
                </svg>
                <span class="dash-ratio-value">{total()}</span>
              </li>
            );
          }}
        </For>
      </ul>
    </div>
  );
}

/** Lines over months: one per series, points labelled by the x labels, the largest value on top. */
export function LineChart(props: {
  labels: string[];
  series: { label: string; values: number[]; tone: string }[];
  summary: string;
}) {
  const W = 320;
  const H = 160;
  const PAD = { left: 30, right: 8, top: 10, bottom: 22 };
  const max = () => Math.max(1, ...props.series.flatMap((s) => s.values));
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, props.labels.length - 1);
  const y = (v: number) => PAD.top + (1 - v / max()) * (H - PAD.top - PAD.bottom);
  return (
    <div>
      <ChartLegend items={props.series} />
      <svg class="dash-line" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.summary}>
        <line class="dash-axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
        <line class="dash-grid" x1={PAD.left} x2={W - PAD.right} y1={y(max())} y2={y(max())} />
        <text class="dash-tick" x={PAD.left - 4} y={y(max()) + 3} text-anchor="end">
          {max()}
        </text>
        <text class="dash-tick" x={PAD.left - 4} y={y(0) + 3} text-anchor="end">
          0
        </text>
        <For each={props.labels}>
          {(label, i) => (
            <Show when={i() % 2 === (props.labels.length - 1) % 2}>
              <text class="dash-tick" x={x(i())} y={H - 6} text-anchor="middle">
                {label}
              </text>
            </Show>
          )}
        </For>
        <For each={props.series}>
          {(s) => (
            <g class={s.tone}>
              <polyline
                class="dash-polyline"
                points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
              />
              <For each={s.values}>
                {(v, i) => (
                  <circle cx={x(i())} cy={y(v)} r="2.5">
                    <title>{`${props.labels[i()]} ${s.label} ${v}`}</title>
                  </circle>
                )}
              </For>
            </g>
          )}
        </For>
      </svg>
    </div>
  );
}
