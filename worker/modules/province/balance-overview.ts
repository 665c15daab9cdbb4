import { authorizePlatform } from '../../auth/permissions';
import type { PlatformContext } from '../../context';
import { tenantDb } from '../../platform/databases';
import { toTenantRecord } from '../../platform/directory';
import { countySummary } from '../balance/county-summary';
import { BALANCE_INDICATORS } from '../balance/indicators';
import { FAN_OUT_LIMIT, mapLimited, TENANT_TIMEOUT_MS, withTimeout } from './tenant-metrics';
import { visibleTenants } from './tenants-overview';

/** Tenants that answer for compulsory schools: colleges have none. */
const COUNTY_KINDS = new Set(['county', 'district']);

/**
 * Each county's seven 优质均衡 coefficients per stage, read live from its own database: for the
 * school year asked, or each county's latest. Numbers only; a county that does not answer keeps
 * its row, marked.
 */
export async function balanceOverview(ctx: PlatformContext, year: number | null) {
  authorizePlatform(ctx.actor, 'tenants.read');
  const rows = (await visibleTenants(ctx)).filter(
    (row) => COUNTY_KINDS.has(row.kind) && row.status === 'active' && row.dbUrl,
  );
  const counties = await mapLimited(rows, FAN_OUT_LIMIT, async (row) => {
    const base = { slug: row.slug, name: row.name, kind: row.kind, regionCode: row.regionCode };
    try {
      const record = toTenantRecord(row);
      const db = tenantDb(ctx.env, row.dbUrl as string, TENANT_TIMEOUT_MS);
      const summary = await withTimeout(
        countySummary({ db, tenant: { config: record.config } }, year),
        TENANT_TIMEOUT_MS,
        `tenant ${row.slug}`,
      );
      return { ...base, reachable: true, ...summary };
    } catch (error) {
      console.warn(
        JSON.stringify({ level: 'warn', requestId: ctx.requestId, tenant: row.slug, error: String(error) }),
      );
      return { ...base, reachable: false, years: [], year: null, stages: null };
    }
  });
  const years = [...new Set(counties.flatMap((c) => c.years))].sort((a, b) => b - a);
  return {
    generatedAt: new Date().toISOString(),
    year,
    years,
    indicators: BALANCE_INDICATORS.map(({ key, short, label }) => ({ key, short, label })),
    counties,
  };
}
