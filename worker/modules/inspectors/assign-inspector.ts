import { eq, inArray } from 'drizzle-orm';
import { inspectors, inspectorUnits, inspectorZones, units, zones } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError, type FieldIssue, validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { ID_PATTERN } from '../../validation';
import { unitCountsByInspector } from './coverage';
import { assignmentsOf } from './get-inspector';
import { findInspector, warningFor } from './records';
import type { AssignmentsInput } from './schemas';

/**
 * Replaces the inspector's zones and direct units with the sets given, all or nothing. Holding more
 * units than the tenant's ratio is allowed: the answer carries a warning for the office to weigh.
 */
export async function assignInspector(ctx: ServiceContext, id: string, input: AssignmentsInput) {
  authorize(ctx.actor, 'inspectors.manage');
  const { db, tenant } = ctx;
  const { vocabulary } = tenant.config;
  const inspector = await findInspector(db, id);
  if (inspector.status !== 'active') {
    throw new AppError(
      'CONFLICT',
      `该${vocabulary.inspector}已归档，请先恢复后再分配${vocabulary.zone}和${vocabulary.unit}。`,
    );
  }
  const zoneIds = input.zoneIds.filter((z) => ID_PATTERN.test(z));
  const unitIds = input.unitIds.filter((u) => ID_PATTERN.test(u));
  const [foundZones, foundUnits, zonesBefore, unitsBefore] = await db.batch([
    db
      .select({ id: zones.id })
      .from(zones)
      .where(inArray(zones.id, zoneIds.length ? zoneIds : [''])),
    db
      .select({ id: units.id, name: units.name, status: units.status })
      .from(units)
      .where(inArray(units.id, unitIds.length ? unitIds : [''])),
    db.select({ id: inspectorZones.zoneId }).from(inspectorZones).where(eq(inspectorZones.inspectorId, id)),
    db.select({ id: inspectorUnits.unitId }).from(inspectorUnits).where(eq(inspectorUnits.inspectorId, id)),
  ]);
  const issues: FieldIssue[] = [];
  const zoneSet = new Set(foundZones.map((z) => z.id));
  input.zoneIds.forEach((zoneId, i) => {
    if (!zoneSet.has(zoneId)) {
      issues.push({
        path: `zoneIds.${i}`,
        message: `所选${vocabulary.zone}（编号 ${zoneId.slice(0, 40)}）不存在，可能已被删除，请刷新后重新选择`,
      });
    }
  });
  const unitById = new Map(foundUnits.map((u) => [u.id, u]));
  input.unitIds.forEach((unitId, i) => {
    const unit = unitById.get(unitId);
    if (!unit) {
      issues.push({
        path: `unitIds.${i}`,
        message: `所选${vocabulary.unit}（编号 ${unitId.slice(0, 40)}）不存在，可能已被删除，请刷新后重新选择`,
      });
    } else if (unit.status !== 'active') {
      issues.push({
        path: `unitIds.${i}`,
        message: `${vocabulary.unit}“${unit.name}”已归档，不能分配，请去掉后再保存`,
      });
    }
  });
  if (issues.length > 0) throw validationError(issues);

  const before = {
    zoneIds: zonesBefore.map((z) => z.id).sort(),
    unitIds: unitsBefore.map((u) => u.id).sort(),
  };
  const after = { zoneIds: [...input.zoneIds].sort(), unitIds: [...input.unitIds].sort() };
  await db.batch([
    db.delete(inspectorZones).where(eq(inspectorZones.inspectorId, id)),
    db.delete(inspectorUnits).where(eq(inspectorUnits.inspectorId, id)),
    ...(after.zoneIds.length
      ? [db.insert(inspectorZones).values(after.zoneIds.map((zoneId) => ({ inspectorId: id, zoneId })))]
      : []),
    ...(after.unitIds.length
      ? [db.insert(inspectorUnits).values(after.unitIds.map((unitId) => ({ inspectorId: id, unitId })))]
      : []),
    db.update(inspectors).set({ updatedAt: new Date().toISOString() }).where(eq(inspectors.id, id)),
    tenantAudit(db, actorWho(ctx), {
      action: 'inspector.assign',
      entityType: 'inspector',
      entityId: id,
      details: { name: inspector.name, before, after },
    }),
  ]);
  const [assigned, counts] = await Promise.all([
    assignmentsOf(db, tenant, id),
    unitCountsByInspector(db, [id]),
  ]);
  const unitCount = counts.get(id) ?? 0;
  return { ...assigned, unitCount, warning: warningFor(tenant, inspector, unitCount) };
}
