import { eq } from 'drizzle-orm';
import { zones } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { assertZoneNameFree, describeZone, findZone, rethrowZoneUnique } from './records';
import type { ZoneInput, ZonePatch } from './schemas';

export async function createZone(ctx: ServiceContext, input: ZoneInput) {
  authorize(ctx.actor, 'units.manage');
  const { db, tenant } = ctx;
  const values = { name: input.name, note: input.note ? input.note : null };
  await assertZoneNameFree(db, tenant.config, values.name, null);
  const id = crypto.randomUUID();
  await db
    .batch([
      db.insert(zones).values({ id, ...values, updatedAt: new Date().toISOString() }),
      tenantAudit(db, actorWho(ctx), {
        action: 'zone.create',
        entityType: 'zone',
        entityId: id,
        details: values,
      }),
    ])
    .catch(rethrowZoneUnique(tenant.config, values.name));
  return describeZone(db, tenant.config, id);
}

/** Renames a zone or changes its note; only the fields sent change. */
export async function updateZone(ctx: ServiceContext, id: string, patch: ZonePatch) {
  authorize(ctx.actor, 'units.manage');
  const { db, tenant } = ctx;
  const before = await findZone(db, tenant.config, id);
  const after = {
    name: patch.name ?? before.name,
    note: patch.note === undefined ? before.note : patch.note ? patch.note : null,
  };
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (after.name !== before.name) changes.name = { before: before.name, after: after.name };
  if (after.note !== before.note) changes.note = { before: before.note, after: after.note };
  if (Object.keys(changes).length === 0) return describeZone(db, tenant.config, id);
  if (changes.name) await assertZoneNameFree(db, tenant.config, after.name, id);
  await db
    .batch([
      db
        .update(zones)
        .set({ ...after, updatedAt: new Date().toISOString() })
        .where(eq(zones.id, id)),
      tenantAudit(db, actorWho(ctx), {
        action: 'zone.update',
        entityType: 'zone',
        entityId: id,
        details: { name: after.name, changes },
      }),
    ])
    .catch(rethrowZoneUnique(tenant.config, after.name));
  return describeZone(db, tenant.config, id);
}
