import { count, eq, sql } from 'drizzle-orm';
import { inspectorZones, units, zones } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { failWhen, isGuardFailure } from './guard';
import { findZone } from './records';

/**
 * Removes a zone that holds no unit (archived ones included: they keep their zone for a restore).
 * Inspectors of the zone lose it; the audit record lists them so the office can see what changed.
 */
export async function deleteZone(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'units.manage');
  const { db, tenant } = ctx;
  const { vocabulary } = tenant.config;
  const zone = await findZone(db, tenant.config, id);
  const notEmpty = (n: number) =>
    validationError([
      {
        path: 'units',
        message: `${vocabulary.zone}“${zone.name}”中还有 ${n} 个${vocabulary.unit}（含已归档的），请先把它们移出再删除`,
      },
    ]);
  const [[held], links] = await db.batch([
    db.select({ n: count() }).from(units).where(eq(units.zoneId, id)),
    db
      .select({ inspectorId: inspectorZones.inspectorId })
      .from(inspectorZones)
      .where(eq(inspectorZones.zoneId, id)),
  ]);
  if ((held?.n ?? 0) > 0) throw notEmpty(held?.n ?? 0);
  await db
    .batch([
      failWhen(db, sql`EXISTS (SELECT 1 FROM units WHERE zone_id = ${id})`),
      db.delete(inspectorZones).where(eq(inspectorZones.zoneId, id)),
      db.delete(zones).where(eq(zones.id, id)),
      tenantAudit(db, actorWho(ctx), {
        action: 'zone.delete',
        entityType: 'zone',
        entityId: id,
        details: { name: zone.name, note: zone.note, inspectorIds: links.map((l) => l.inspectorId) },
      }),
    ])
    .catch((err: unknown) => {
      if (isGuardFailure(err)) throw notEmpty(1);
      throw err;
    });
  return { deleted: true, id };
}
