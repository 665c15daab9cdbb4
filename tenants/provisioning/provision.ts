import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { ControlDb, TenantDb } from '../../db/client';
import { tenantMigrations } from '../../db/migrations/tenant.gen';
import { applyMigrations } from '../../db/migrator';
import { type DatabaseProvider, tenantDatabaseName } from '../../db/provider';
import { tenants } from '../../db/schema/control';
import { platformAudit } from '../../worker/audit';
import { ensureBuiltinTemplates } from '../checklists/ensure-builtin';
import { type TenantConfig, TenantConfigSchema, type TenantIdentity } from '../config/schema';
import { isValidSlug } from '../config/slug';
import { ensureBuiltinSchemes } from '../evaluation/ensure-builtin';
import { ensureBuiltinRubrics } from '../observations/ensure-builtin';
import { presetFor } from '../presets';

export interface ProvisionDeps {
  control: ControlDb;
  provider: DatabaseProvider;
  openTenant: (dbUrl: string) => TenantDb;
}

export interface Who {
  actorId: string | null;
  actorName: string | null;
  requestId: string;
}

export interface NewTenant extends TenantIdentity {
  /** Fixed by the caller when it must find this tenant again after a failure (sign-up approval). */
  id?: string;
  config?: TenantConfig;
}

export type TenantRow = typeof tenants.$inferSelect;

/**
 * Creates a tenant: control-plane row (pending), its database, all tenant migrations, its
 * config, then marks it active. Every step is safe to repeat, so calling this again for a
 * tenant left pending by a failure finishes the job. An active or suspended tenant is
 * returned unchanged.
 */
export async function provisionTenant(deps: ProvisionDeps, input: NewTenant, who: Who): Promise<TenantRow> {
  if (!isValidSlug(input.slug)) throw new Error(`invalid or reserved tenant code: ${input.slug}`);
  const { control } = deps;
  let row = await control.query.tenants.findFirst({ where: eq(tenants.slug, input.slug) });
  if (row && row.status !== 'pending') return row;
  if (!row) {
    const config = v.parse(TenantConfigSchema, input.config ?? presetFor(input.kind));
    const now = new Date().toISOString();
    const id = input.id ?? crypto.randomUUID();
    await control.batch([
      control.insert(tenants).values({
        id,
        slug: input.slug,
        name: input.name,
        kind: input.kind,
        regionCode: input.regionCode,
        province: input.province,
        city: input.city,
        dbName: tenantDatabaseName(input.slug),
        dbUrl: '',
        status: 'pending',
        config,
        schemaVersion: 0,
        updatedAt: now,
      }),
      platformAudit(control, who, {
        action: 'tenant.create',
        entityType: 'tenant',
        entityId: id,
        details: { slug: input.slug, name: input.name, kind: input.kind },
      }),
    ]);
    row = await control.query.tenants.findFirst({ where: eq(tenants.id, id) });
    if (!row) throw new Error(`tenant ${input.slug} vanished after insert`);
  }
  const { url } = await deps.provider.ensureDatabase(row.dbName);
  const tenantDb = deps.openTenant(url);
  const { to } = await applyMigrations(tenantDb.$client, tenantMigrations);
  await ensureBuiltinTemplates(tenantDb, who);
  await ensureBuiltinRubrics(tenantDb, who);
  await ensureBuiltinSchemes(tenantDb, who);
  await control.batch([
    control
      .update(tenants)
      .set({ dbUrl: url, schemaVersion: to, status: 'active', updatedAt: new Date().toISOString() })
      .where(eq(tenants.id, row.id)),
    platformAudit(control, who, {
      action: 'tenant.provisioned',
      entityType: 'tenant',
      entityId: row.id,
      details: { slug: row.slug, schemaVersion: to },
    }),
  ]);
  const done = await control.query.tenants.findFirst({ where: eq(tenants.id, row.id) });
  if (!done) throw new Error(`tenant ${input.slug} vanished after provisioning`);
  return done;
}
