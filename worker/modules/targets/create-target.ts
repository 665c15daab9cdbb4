import { and, count, eq, max } from 'drizzle-orm';
import { developmentTargets } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { shaped } from './for-unit';
import { checkIndicatorKey, refuseArchived, schoolYearLabel, visibleUnit } from './records';
import { type CreateTargetInput, TARGETS_PER_YEAR } from './schemas';

/** Adds a target at the end of the unit's list for the year; the row and its audit in one batch. */
export async function createTarget(ctx: ServiceContext, input: CreateTargetInput) {
  authorize(ctx.actor, 'targets.manage');
  const { db } = ctx;
  const unit = await visibleUnit(ctx, input.unitId);
  refuseArchived(unit);
  await checkIndicatorKey(db, input.indicatorKey);
  const [stats] = await db
    .select({ n: count(), last: max(developmentTargets.sort) })
    .from(developmentTargets)
    .where(and(eq(developmentTargets.unitId, unit.id), eq(developmentTargets.schoolYear, input.schoolYear)));
  if ((stats?.n ?? 0) >= TARGETS_PER_YEAR) {
    const message = `一个学年最多 ${TARGETS_PER_YEAR} 条发展目标，请合并相近的目标`;
    throw validationError([{ path: 'title', message }], message);
  }
  const now = new Date().toISOString();
  const row = {
    id: crypto.randomUUID(),
    unitId: unit.id,
    schoolYear: input.schoolYear,
    indicatorKey: input.indicatorKey ?? null,
    title: input.title,
    measure: input.measure || null,
    status: 'planned' as const,
    progress: null,
    adjustment: null,
    sort: (stats?.last ?? -1) + 1,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  };
  await db.batch([
    db.insert(developmentTargets).values(row),
    tenantAudit(db, actorWho(ctx), {
      action: 'development_target.create',
      entityType: 'development_target',
      entityId: row.id,
      details: {
        unitId: unit.id,
        unitName: unit.name,
        year: schoolYearLabel(row.schoolYear),
        title: row.title,
        measure: row.measure,
        indicatorKey: row.indicatorKey,
      },
    }),
  ]);
  return shaped(row);
}
