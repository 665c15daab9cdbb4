// Plain SVG charts of the coefficients (decision 014): bars against a threshold line, and lines
// across school years. They scale with their box, so they fit a 360 px phone.
import { For, Show } from 'solid-js';
import { ChartLegend } from '../../ui/ChartLegend';

/** One bar per indicator, the threshold as a dashed line; a bar over the line is marked. */
export function CoefficientBars(props: {
  rows: { label: string; value: number | null; pass: boolean }[];
  threshold: number;
  summary: string;
}) {
  const W = 320;
  const ROW = 22;
  const LABEL = 96;
  const max = () => Math.max(props.threshold * 1.5, ...props.rows.map((r) => r.value ?? 0));
  const x = (v: number) => LABEL + (v / max()) * (W - LABEL - 40);
  const H = () => props.rows.length * ROW + 16;
  return (
    <svg class="balance-bars" viewBox={`0 0 ${W} ${H()}`} role="img" aria-label={props.summary}>
      <For each={props.rows}>
        {(r, i) => (
          <g>
            <text class="dash-tick" x={LABEL - 4} y={i() * ROW + 15} text-anchor="end">
              {r.label}
            </text>
            <rect class="dash-track" x={LABEL} y={i() * ROW + 4} width={W - LABEL - 40} height="14" rx="2" />
            <Show when={r.value !== null}>
              <rect
                class={r.pass ? 'dash-c0' : 'balance-over'}
                x={LABEL}
                y={i() * ROW + 4}
                width={Math.max(0, x(r.value ?? 0) - LABEL)}
                height="14"
                rx="2"
              >
                <title>{`${r.label} ${r.value}`}</title>
              </rect>
            </Show>
            <text class="dash-tick" x={x(r.value ?? 0) + 3} y={i() * ROW + 15}>
              {r.value ?? '—'}
            </text>
          </g>
        )}
      </For>
      <line class="balance-threshold" x1={x(props.threshold)} x2={x(props.threshold)} y1="0" y2={H() - 12} />
      <text class="dash-tick" x={x(props.threshold)} y={H() - 2} text-anchor="middle">
        {props.threshold}
      </text>
    </svg>
  );
}

/** One line per indicator across years, with the threshold line. */
export function TrendLines(props: {
  years: string[];
  series: { label: string; values: (number | null)[]; tone: string }[];
  threshold: number;
  summary: string;
}) {
  const W = 320;
  const H = 170;
  const PAD = { left: 32, right: 10, top: 10, bottom: 22 };
  const max = () =>
    Math.max(props.threshold * 1.2, ...props.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, props.years.length - 1);
  const y = (v: number) => PAD.top + (1 - v / max()) * (H - PAD.top - PAD.bottom);
  return (
    <div>
      <ChartLegend items={props.series} />
      <svg class="dash-line" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.summary}>
        <line class="dash-axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
        <line
          class="balance-threshold"
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(props.threshold)}
          y2={y(props.threshold)}
        />
        <text class="dash-tick" x={PAD.left - 4} y={y(props.threshold) + 3} text-anchor="end">
          {props.threshold}
        </text>
        <For each={props.years}>
          {(label, i) => (
            <text class="dash-tick" x={x(i())} y={H - 6} text-anchor="middle">
              {label}
            </text>
          )}
        </For>
        <For each={props.series}>
          {(s) => (
            <g class={s.tone}>
              <polyline
                class="dash-polyline"
                points={s.values
                  .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
                  .filter(Boolean)
                  .join(' ')}
              />
              <For each={s.values}>
                {(v, i) => (
                  <Show when={v !== null}>
                    <circle cx={x(i())} cy={y(v ?? 0)} r="2.5">
                      <title>{`${props.years[i()]} ${s.label} ${v}`}</title>
                    </circle>
                  </Show>
                )}
              </For>
            </g>
          )}
        </For>
      </svg>
    </div>
  );
}
