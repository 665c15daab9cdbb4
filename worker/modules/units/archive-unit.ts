import { and, eq, sql } from 'drizzle-orm';
import { units } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError, validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { assertZoneCapacity } from '../zones/capacity';
import { failWhen, isGuardFailure, zoneCapacityGuard } from '../zones/guard';
import { describeUnit, findUnit } from './records';

const SHOWN_CHILDREN = 5;

/**
 * Archiving takes a unit out of lists, zone counts and boards; nothing is deleted, and restoring
 * brings it back as it was (same parent, same zone). A group that still has active units below it
 * is refused; restoring into a zone that is full, or under an archived parent, is refused too.
 * Doing it twice changes nothing.
 */
export async function setUnitStatus(ctx: ServiceContext, id: string, status: 'active' | 'archived') {
  authorize(ctx.actor, 'units.manage');
  const { db, tenant } = ctx;
  const { vocabulary } = tenant.config;
  const before = await findUnit(db, tenant.config, id);
  if (before.status === status) return describeUnit(db, tenant, id);

  const statements = [];
  if (status === 'archived') {
    const children = await db
      .select({ name: units.name })
      .from(units)
      .where(and(eq(units.parentId, id), eq(units.status, 'active')))
      .orderBy(units.name)
      .limit(SHOWN_CHILDREN + 1);
    if (children.length > 0) throw hasChildren(before.name, children, vocabulary.unit);
    // Still no active child when the batch commits.
    statements.push(
      failWhen(db, sql`EXISTS (SELECT 1 FROM units WHERE parent_id = ${id} AND status = 'active')`),
    );
  } else {
    if (before.parentId) {
      const [parent] = await db
        .select({ name: units.name, status: units.status })
        .from(units)
        .where(eq(units.id, before.parentId))
        .limit(1);
      if (parent && parent.status !== 'active') {
        throw validationError([
          {
            path: 'parentId',
            message: `上级“${parent.name}”已归档，请先恢复上级，或编辑该${vocabulary.unit}改到其他上级后再恢复`,
          },
        ]);
      }
    }
    if (before.zoneId) {
      await assertZoneCapacity(db, tenant.config, new Map([[id, before.zoneId]]));
      const guard = zoneCapacityGuard(db, [before.zoneId], tenant.config.zones.maxUnitsPerZone);
      if (guard) statements.push(guard);
    }
  }
  await db
    .batch([
      db
        .update(units)
        .set({ status, updatedAt: new Date().toISOString() })
        .where(and(eq(units.id, id), eq(units.status, before.status))),
      tenantAudit(db, actorWho(ctx), {
        action: status === 'archived' ? 'unit.archive' : 'unit.restore',
        entityType: 'unit',
        entityId: id,
        details: { name: before.name, before: before.status, after: status, zoneId: before.zoneId },
      }),
      ...statements,
    ])
    .catch(async (err: unknown) => {
      if (!isGuardFailure(err)) throw err;
      if (status === 'archived') {
        throw hasChildren(before.name, [], vocabulary.unit);
      }
      if (before.zoneId) await assertZoneCapacity(db, tenant.config, new Map([[id, before.zoneId]]));
      throw new AppError('CONFLICT');
    });
  return describeUnit(db, tenant, id);
}

function hasChildren(name: string, children: { name: string }[], word: string) {
  const shown = children
    .slice(0, SHOWN_CHILDREN)
    .map((c) => `“${c.name}”`)
    .join('、');
  const more = children.length > SHOWN_CHILDREN ? '等' : '';
  const list = shown ? `：${shown}${more}` : '';
  return validationError([
    {
      path: 'status',
      message: `“${name}”下还有未归档的${word}${list}。请先归档这些${word}或把它们移到其他上级，再归档“${name}”`,
    },
  ]);
}
