import { and, eq, inArray } from 'drizzle-orm';
import { units } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError, type FieldIssue, validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { ID_PATTERN } from '../../validation';
import { assertZoneCapacity } from './capacity';
import { isGuardFailure, zoneCapacityGuard } from './guard';
import { describeZone, findZone } from './records';
import type { ZoneUnitsInput } from './schemas';

/**
 * Puts units into the zone (moving them from another zone if they had one) and takes units out
 * of it, all or nothing. The limit is checked on the state after the whole request, so one request
 * can take units out and put others in a full zone.
 */
export async function assignZoneUnits(ctx: ServiceContext, id: string, input: ZoneUnitsInput) {
  authorize(ctx.actor, 'units.manage');
  const { db, tenant } = ctx;
  const { vocabulary } = tenant.config;
  const zone = await findZone(db, tenant.config, id);
  const wanted = [...input.add, ...input.remove].filter((u) => ID_PATTERN.test(u));
  const found = wanted.length
    ? await db
        .select({ id: units.id, name: units.name, status: units.status, zoneId: units.zoneId })
        .from(units)
        .where(inArray(units.id, wanted))
    : [];
  const byId = new Map(found.map((u) => [u.id, u]));
  const issues: FieldIssue[] = [];
  const removing = new Set(input.remove);
  const missing = (path: string, unitId: string) =>
    issues.push({
      path,
      message: `所选${vocabulary.unit}（编号 ${unitId.slice(0, 40)}）不存在，可能已被删除，请刷新后重新选择`,
    });
  input.add.forEach((unitId, i) => {
    const unit = byId.get(unitId);
    if (!unit) missing(`add.${i}`, unitId);
    else if (removing.has(unitId)) {
      issues.push({ path: `add.${i}`, message: `“${unit.name}”不能同时加入和移出，请只选一项` });
    } else if (unit.status !== 'active') {
      issues.push({ path: `add.${i}`, message: `${vocabulary.unit}“${unit.name}”已归档，请先恢复后再加入` });
    }
  });
  input.remove.forEach((unitId, i) => {
    const unit = byId.get(unitId);
    if (!unit) missing(`remove.${i}`, unitId);
    else if (unit.zoneId !== id) {
      issues.push({
        path: `remove.${i}`,
        message: `${vocabulary.unit}“${unit.name}”不在${vocabulary.zone}“${zone.name}”中，无需移出`,
      });
    }
  });
  if (issues.length > 0) throw validationError(issues);

  const added = [...new Set(input.add)].filter((u) => byId.get(u)?.zoneId !== id);
  const removed = [...new Set(input.remove)];
  if (added.length === 0 && removed.length === 0)
    return { zone: await describeZone(db, tenant.config, id), added: [], removed: [] };

  const moves = new Map<string, string | null>();
  for (const u of added) moves.set(u, id);
  for (const u of removed) moves.set(u, null);
  await assertZoneCapacity(db, tenant.config, moves, 'add');

  const now = new Date().toISOString();
  const from = (u: string) => byId.get(u)?.zoneId ?? null;
  const guard = zoneCapacityGuard(db, [id], tenant.config.zones.maxUnitsPerZone);
  const audit = tenantAudit(db, actorWho(ctx), {
    action: 'zone.assign',
    entityType: 'zone',
    entityId: id,
    details: {
      name: zone.name,
      added: added.map((u) => ({ id: u, name: byId.get(u)?.name, fromZoneId: from(u) })),
      removed: removed.map((u) => ({ id: u, name: byId.get(u)?.name })),
    },
  });
  await db
    .batch([
      audit,
      ...(added.length
        ? [db.update(units).set({ zoneId: id, updatedAt: now }).where(inArray(units.id, added))]
        : []),
      ...(removed.length
        ? [
            db
              .update(units)
              .set({ zoneId: null, updatedAt: now })
              .where(and(inArray(units.id, removed), eq(units.zoneId, id))),
          ]
        : []),
      ...(guard ? [guard] : []),
    ])
    .catch(async (err: unknown) => {
      if (!isGuardFailure(err)) throw err;
      await assertZoneCapacity(db, tenant.config, moves, 'add');
      throw new AppError('CONFLICT');
    });
  return { zone: await describeZone(db, tenant.config, id), added, removed };
}
