import { and, eq, lt, lte } from 'drizzle-orm';
import type { ControlDb } from '../../../db/client';
import { tenantMetricSnapshots, tenants } from '../../../db/schema/control';
import { sessions } from '../../../db/schema/tenant';
import type { Env } from '../../env';
import { tenantDb } from '../../platform/databases';
import { toTenantRecord } from '../../platform/directory';
import { pruneRateLimits } from '../../rate-limit';
import { mapLimited, readTenantMetrics, withTimeout } from './tenant-metrics';

/** Cron Trigger: record each active tenant's counts (so an unreachable tenant still shows recent figures) and drop its expired sessions and stale rate-limit counters. */
export async function refreshTenantSnapshots(
  env: Env,
  control: ControlDb,
): Promise<{ ok: number; failed: number }> {
  const rows = await control.select().from(tenants).where(eq(tenants.status, 'active'));
  await pruneRateLimits(control.$client, 2 * 24 * 3600_000);
  // A year of half-hourly snapshots is enough for trends; older rows only cost space.
  const keepSince = new Date(Date.now() - 366 * 24 * 3600_000).toISOString();
  const outcomes = await mapLimited(rows, 6, async (row) => {
    try {
      const db = tenantDb(env, row.dbUrl);
      const metrics = await withTimeout(
        readTenantMetrics(db, toTenantRecord(row).config),
        10_000,
        `tenant ${row.slug}`,
      );
      await control
        .insert(tenantMetricSnapshots)
        .values({ tenantId: row.id, takenAt: new Date().toISOString(), ...metrics });
      await control
        .delete(tenantMetricSnapshots)
        .where(and(eq(tenantMetricSnapshots.tenantId, row.id), lt(tenantMetricSnapshots.takenAt, keepSince)));
      // Expired sessions are dead weight: lucia never accepts them again.
      await db.delete(sessions).where(lte(sessions.expiresAt, Math.floor(Date.now() / 1000)));
      // Counters older than the longest window (a day) limit nothing any more.
      await pruneRateLimits(db.$client, 2 * 24 * 3600_000);
      return true;
    } catch (error) {
      console.warn(
        JSON.stringify({ level: 'warn', job: 'snapshots', tenant: row.slug, error: String(error) }),
      );
      return false;
    }
  });
  const ok = outcomes.filter(Boolean).length;
  return { ok, failed: outcomes.length - ok };
}
