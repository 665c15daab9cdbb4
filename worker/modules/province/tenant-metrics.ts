import type { TenantDb } from '../../../db/client';
import type { TenantConfig } from '../../../tenants/config/schema';

/** Tenants read at once (Workers allow 6 open connections) and how long one may take. */
export const FAN_OUT_LIMIT = 6;
export const TENANT_TIMEOUT_MS = 4_000;

export interface TenantMetrics {
  schemaVersion: number;
  unitCount: number;
  userCount: number;
}

/**
 * Counts read from the tenant's own database in one round trip. Units are the supervised
 * schools or departments: grouping units (townships, 专业部 as a parent) are not counted.
 */
export async function readTenantMetrics(db: TenantDb, config: TenantConfig): Promise<TenantMetrics> {
  const groupKinds = config.unitKinds.filter((k) => k.isGroup).map((k) => k.key);
  const placeholders = groupKinds.map(() => '?').join(', ') || "''";
  const result = await db.$client.execute({
    sql: `SELECT
      (SELECT coalesce(max(version), 0) FROM _migrations) AS schema_version,
      (SELECT count(*) FROM units WHERE status = 'active' AND kind NOT IN (${placeholders})) AS unit_count,
      (SELECT count(*) FROM users WHERE status = 'active') AS user_count`,
    args: groupKinds,
  });
  const row = result.rows[0];
  return {
    schemaVersion: Number(row?.schema_version ?? 0),
    unitCount: Number(row?.unit_count ?? 0),
    userCount: Number(row?.user_count ?? 0),
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function mapLimited<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(runners);
  return results;
}
