import { demoTenant } from '../tenants/demo';
import type { DemoTenant } from '../tenants/demo/types';

/** Prints one figure (run.ts) or collects it. */
export type Emit = (name: string, value: number, unit: string) => void;

/** The p-th percentile by the nearest-rank method. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const p95 = (values: number[]) => percentile(values, 95);

/** Inserts rows in chunks, so no statement grows past what sqld takes at once. */
export async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * A demo tenant's configuration and admin under another slug and name, without its people (and,
 * unless `keepUnits`, its zones and units): each bench writes the volume it measures.
 */
export function benchCopyOf(
  demoSlug: string,
  slug: string,
  name: string,
  options: { keepUnits?: boolean } = {},
): DemoTenant {
  const demo = demoTenant(demoSlug);
  if (!demo) throw new Error(`${demoSlug} is missing`);
  return {
    ...structuredClone(demo),
    slug,
    name,
    ...(options.keepUnits ? {} : { zones: [], units: [] }),
    inspectors: [],
    users: demo.users.filter((u) => u.role === 'admin'),
  };
}
