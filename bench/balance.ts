/**
 * balance.county_300x10_ms (issue 6, Speed): every difference coefficient of a county of 300
 * schools for 10 school years, computed in workerd (Miniflare) as the Worker would. Timers do not
 * advance inside a Worker while it computes, so the figure is timed from outside: the median of
 * requests doing it REPS times, less the median of empty requests, divided by REPS.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import type { Emit } from './common';

const REPS = 20;
const SAMPLES = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchBalance(emit: Emit): Promise<void> {
  // Beside the app's own bundle: workerd reads modules from below the working folder only.
  const scriptPath = fileURLToPath(new URL('../.build/balance-bench.js', import.meta.url));
  await build({
    entryPoints: [fileURLToPath(new URL('./balance-worker.ts', import.meta.url))],
    outfile: scriptPath,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    logLevel: 'warning',
  });
  const miniflare = new Miniflare({ modules: true, scriptPath, compatibilityDate: '2026-04-01' });
  try {
    const timed = async (reps: number) => {
      const started = performance.now();
      const res = await miniflare.dispatchFetch(`http://bench.local/?reps=${reps}`);
      const body = (await res.json()) as { schools: number; years: number };
      if (body.schools !== 300 || body.years !== 10) throw new Error('balance bench: wrong county');
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) await timed(REPS);
    const work: number[] = [];
    const empty: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      work.push(await timed(REPS));
      empty.push(await timed(0));
    }
    emit('balance.county_300x10_ms', Math.max(0, median(work) - median(empty)) / REPS, 'ms');
  } finally {
    await miniflare.dispose();
  }
}
