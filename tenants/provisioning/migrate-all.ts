import { asc, eq } from 'drizzle-orm';
import type { ControlDb, TenantDb } from '../../db/client';
import { tenantMigrations } from '../../db/migrations/tenant.gen';
import { applyMigrations, currentVersion, latestVersion } from '../../db/migrator';
import { tenants } from '../../db/schema/control';
import { ensureBuiltinTemplates } from '../checklists/ensure-builtin';
import { ensureBuiltinSchemes } from '../evaluation/ensure-builtin';
import { ensureBuiltinRubrics } from '../observations/ensure-builtin';

const MIGRATION_ACTOR = { actorId: null, actorName: '系统升级', requestId: 'migrate' };

export interface TenantMigrationReport {
  slug: string;
  from: number | null;
  to: number | null;
  error: string | null;
}

/**
 * Brings every provisioned tenant database to the latest schema and records each one's version.
 * A tenant that fails is reported and skipped; running again resumes where each one stopped.
 */
export async function migrateAllTenants(
  control: ControlDb,
  openTenant: (dbUrl: string) => TenantDb,
  onProgress: (report: TenantMigrationReport) => void = () => {},
): Promise<{ latest: number; reports: TenantMigrationReport[] }> {
  const rows = await control.select().from(tenants).orderBy(asc(tenants.slug));
  const reports: TenantMigrationReport[] = [];
  for (const row of rows) {
    if (!row.dbUrl) {
      const report = {
        slug: row.slug,
        from: null,
        to: null,
        error: '尚未开通完成（没有数据库），请重新运行开通',
      };
      reports.push(report);
      onProgress(report);
      continue;
    }
    let report: TenantMigrationReport;
    try {
      const db = openTenant(row.dbUrl);
      const { from, to } = await applyMigrations(db.$client, tenantMigrations);
      // Shipped checklist templates follow the code like the schema does.
      await ensureBuiltinTemplates(db, MIGRATION_ACTOR);
      await ensureBuiltinRubrics(db, MIGRATION_ACTOR);
      await ensureBuiltinSchemes(db, MIGRATION_ACTOR);
      await control.update(tenants).set({ schemaVersion: to }).where(eq(tenants.id, row.id));
      report = { slug: row.slug, from, to, error: null };
    } catch (error) {
      // A failure part-way leaves the database at its last good migration: record that one.
      const reached = await currentVersion(openTenant(row.dbUrl).$client).catch(() => null);
      if (reached !== null)
        await control.update(tenants).set({ schemaVersion: reached }).where(eq(tenants.id, row.id));
      report = { slug: row.slug, from: row.schemaVersion, to: null, error: String(error) };
    }
    reports.push(report);
    onProgress(report);
  }
  return { latest: latestVersion(tenantMigrations), reports };
}
