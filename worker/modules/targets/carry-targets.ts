import { developmentTargets } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { summarize } from './for-unit';
import { refuseArchived, schoolYearLabel, targetsOfYear, visibleUnit } from './records';
import { schoolYearBounds, TARGETS_PER_YEAR, type YearOfUnitInput } from './schemas';

/**
 * 结转到下学年: copies the year's targets into the next school year in one batch, each with its
 * 下学年目标调整 as the new measure where one was written, not yet reviewed. A target whose title
 * is already in next year's list is skipped, so carrying twice (or after a retry) adds nothing.
 */
export async function carryTargets(ctx: ServiceContext, input: YearOfUnitInput) {
  authorize(ctx.actor, 'targets.manage');
  const { db } = ctx;
  const unit = await visibleUnit(ctx, input.unitId);
  refuseArchived(unit);
  const next = input.schoolYear + 1;
  if (next > schoolYearBounds().last) {
    const message = `${schoolYearLabel(next)}太远，暂不能结转`;
    throw validationError([{ path: 'schoolYear', message }], message);
  }
  const [current, existing] = await Promise.all([
    targetsOfYear(db, unit.id, input.schoolYear),
    targetsOfYear(db, unit.id, next),
  ]);
  if (current.length === 0) {
    const message = `${schoolYearLabel(input.schoolYear)}还没有发展目标，没有可结转的内容`;
    throw validationError([{ path: 'schoolYear', message }], message);
  }
  const taken = new Set(existing.map((t) => t.title));
  const carried = current.filter((t) => !taken.has(t.title));
  if (existing.length + carried.length > TARGETS_PER_YEAR) {
    const message = `结转后${schoolYearLabel(next)}将超过 ${TARGETS_PER_YEAR} 条目标，请先合并或删除一些`;
    throw validationError([{ path: 'schoolYear', message }], message);
  }
  const now = new Date().toISOString();
  const firstSort = existing.reduce((m, t) => Math.max(m, t.sort), -1) + 1;
  const rows = carried.map((t, i) => ({
    id: crypto.randomUUID(),
    unitId: unit.id,
    schoolYear: next,
    indicatorKey: t.indicatorKey,
    title: t.title,
    measure: t.adjustment || t.measure,
    status: 'planned' as const,
    progress: null,
    adjustment: null,
    sort: firstSort + i,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  }));
  const audit = tenantAudit(db, actorWho(ctx), {
    action: 'development_target.carry',
    entityType: 'development_target',
    entityId: unit.id,
    details: {
      unitId: unit.id,
      unitName: unit.name,
      from: schoolYearLabel(input.schoolYear),
      to: schoolYearLabel(next),
      carried: rows.map((r) => r.title),
      skipped: current.length - rows.length,
      summary: summarize(current),
    },
  });
  if (rows.length > 0) await db.batch([db.insert(developmentTargets).values(rows), audit]);
  return { schoolYear: next, created: rows.length, skipped: current.length - rows.length };
}
