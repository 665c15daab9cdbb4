import { asc, desc, eq, like, sql } from 'drizzle-orm';
import { tenantMigrations } from '../../../db/migrations/tenant.gen';
import { latestVersion } from '../../../db/migrator';
import { tenantMetricSnapshots, tenants } from '../../../db/schema/control';
import { authorizePlatform } from '../../auth/permissions';
import type { PlatformContext } from '../../context';
import { tenantDb } from '../../platform/databases';
import { toTenantRecord } from '../../platform/directory';
import {
  FAN_OUT_LIMIT,
  mapLimited,
  readTenantMetrics,
  TENANT_TIMEOUT_MS,
  withTimeout,
} from './tenant-metrics';

/** The tenants of the account's region, by region code. */
export function visibleTenants(ctx: PlatformContext) {
  return (
    ctx.control
      .select()
      .from(tenants)
      // A malformed prefix matches nothing rather than everything.
      .where(
        /^\d{0,6}$/.test(ctx.actor.regionPrefix)
          ? like(tenants.regionCode, `${ctx.actor.regionPrefix}%`)
          : sql`0`,
      )
      .orderBy(asc(tenants.regionCode), asc(tenants.slug))
  );
}

/**
 * Every tenant the account may see, with counts read live from each tenant's database. A tenant
 * that does not answer in time keeps its row, marked unreachable, with its last snapshot.
 */
export async function tenantsOverview(ctx: PlatformContext) {
  authorizePlatform(ctx.actor, 'tenants.read');
  const { control } = ctx;
  const rows = await visibleTenants(ctx);
  const overview = await mapLimited(rows, FAN_OUT_LIMIT, async (row) => {
    const base = {
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      regionCode: row.regionCode,
      province: row.province,
      city: row.city,
      status: row.status,
    };
    if (row.status === 'pending' || !row.dbUrl) {
      return {
        ...base,
        schemaVersion: null,
        unitCount: null,
        userCount: null,
        reachable: false,
        error: '尚未开通完成',
        snapshotAt: null,
      };
    }
    try {
      const record = toTenantRecord(row);
      const metrics = await withTimeout(
        readTenantMetrics(tenantDb(ctx.env, row.dbUrl, TENANT_TIMEOUT_MS), record.config),
        TENANT_TIMEOUT_MS,
        `tenant ${row.slug}`,
      );
      return { ...base, ...metrics, reachable: true, error: null, snapshotAt: null };
    } catch (error) {
      console.warn(
        JSON.stringify({ level: 'warn', requestId: ctx.requestId, tenant: row.slug, error: String(error) }),
      );
      const last = await control
        .select()
        .from(tenantMetricSnapshots)
        .where(eq(tenantMetricSnapshots.tenantId, row.id))
        .orderBy(desc(tenantMetricSnapshots.takenAt))
        .limit(1);
      const snap = last[0];
      return {
        ...base,
        schemaVersion: snap?.schemaVersion ?? row.schemaVersion,
        unitCount: snap?.unitCount ?? null,
        userCount: snap?.userCount ?? null,
        reachable: false,
        error: '暂时无法连接该单位的数据库',
        snapshotAt: snap?.takenAt ?? null,
      };
    }
  });
  return {
    generatedAt: new Date().toISOString(),
    latestSchemaVersion: latestVersion(tenantMigrations),
    tenants: overview,
  };
}
