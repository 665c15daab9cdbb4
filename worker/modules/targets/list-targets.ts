import { authorize, can } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { targetsForUnit } from './for-unit';
import { currentSchoolYear, developmentalIndicators, schoolYearLabel, visibleUnit } from './records';
import type { ListTargetsQuery } from './schemas';

/** One unit's targets of one school year (default: the manager's unit, the current year). */
export async function listTargets(ctx: ServiceContext, query: ListTargetsQuery) {
  authorize(ctx.actor, 'targets.read');
  const unit = await visibleUnit(ctx, query.unitId);
  const schoolYear = query.year ?? currentSchoolYear(ctx);
  const [targets, indicators] = await Promise.all([
    targetsForUnit(ctx.db, unit.id, schoolYear),
    developmentalIndicators(ctx.db),
  ]);
  return {
    unit,
    ...targets,
    yearLabel: schoolYearLabel(schoolYear),
    currentYear: currentSchoolYear(ctx),
    canEdit: can(ctx.actor, 'targets.manage') && unit.status === 'active',
    indicators,
  };
}
