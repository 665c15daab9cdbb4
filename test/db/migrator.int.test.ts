import { describe, expect, it } from 'vitest';
import { type Migration, migrationChecksum } from '../../db/migration';
import { controlMigrations } from '../../db/migrations/control.gen';
import { tenantMigrations } from '../../db/migrations/tenant.gen';
import { applyMigrations, currentVersion, MigrationError } from '../../db/migrator';
import { localDbUrl } from '../../db/provider';
import { migrateAllTenants } from '../../tenants/provisioning/migrate-all';
import { databases } from '../support/api';

function migration(version: number, statements: string[]): Migration {
  return { version, tag: `000${version}_test`, statements, checksum: migrationChecksum(statements) };
}

async function freshDatabase(name: string) {
  const dbs = databases();
  const { url } = await dbs.provider.ensureDatabase(name);
  return dbs.tenant(url).$client;
}

describe('migrator', () => {
  it('applies the real tenant migrations once and is idempotent', async () => {
    const client = await freshDatabase(`mig-real-${Date.now().toString(36)}`);
    expect(await applyMigrations(client, tenantMigrations)).toEqual({ from: 0, to: tenantMigrations.length });
    expect(await applyMigrations(client, tenantMigrations)).toEqual({
      from: tenantMigrations.length,
      to: tenantMigrations.length,
    });
    expect(await currentVersion(client)).toBe(tenantMigrations.length);
    expect(controlMigrations.length).toBeGreaterThan(0);
  });

  it('stops at the last good version when a migration fails, and resumes after the fix', async () => {
    const client = await freshDatabase(`mig-fail-${Date.now().toString(36)}`);
    const good = migration(1, ['CREATE TABLE a (id integer primary key)']);
    const broken = migration(2, [
      'CREATE TABLE b (id integer primary key)',
      'INSERT INTO nowhere VALUES (1)',
    ]);
    await expect(applyMigrations(client, [good, broken])).rejects.toBeInstanceOf(MigrationError);
    expect(await currentVersion(client)).toBe(1);
    // The failed migration left nothing behind: table b does not exist.
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'b'");
    expect(tables.rows).toHaveLength(0);
    const fixed = migration(2, ['CREATE TABLE b (id integer primary key)']);
    expect(await applyMigrations(client, [good, fixed])).toEqual({ from: 1, to: 2 });
  });

  it('refuses a migration whose text changed after it was applied', async () => {
    const client = await freshDatabase(`mig-edit-${Date.now().toString(36)}`);
    await applyMigrations(client, [migration(1, ['CREATE TABLE a (id integer primary key)'])]);
    await expect(
      applyMigrations(client, [migration(1, ['CREATE TABLE a (id integer primary key, x text)'])]),
    ).rejects.toThrow(/changed after it was applied/);
  });

  it('walks every tenant, records versions, and reports a broken tenant without stopping', async () => {
    const dbs = databases();
    const seen: string[] = [];
    const { latest, reports } = await migrateAllTenants(dbs.control(), dbs.tenant, (r) => seen.push(r.slug));
    expect(latest).toBe(tenantMigrations.length);
    const county = reports.find((r) => r.slug === 'test-county');
    expect(county).toMatchObject({ to: latest, error: null });
    expect(seen).toEqual(reports.map((r) => r.slug));
    // A tenant whose database is gone (see the province overview test) fails alone.
    for (const r of reports) if (r.error) expect(r.to).toBeNull();
    expect(localDbUrl('x')).toBe('http://x.db.internal');
  });
});
