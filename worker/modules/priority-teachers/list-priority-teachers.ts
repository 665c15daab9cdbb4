import { users } from '../../../db/schema/tenant';
import { inManagedUnits } from '../../auth/managed-units';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { currentSemesterKey, semesterLabel } from '../../semesters';
import { flagsWithStats } from './records';
import type { ListPriorityQuery } from './schemas';

/**
 * The semester's priority teachers (default: the current semester) with their observations and
 * warnings. A unit manager sees the flags of the teachers in their unit and the units under it.
 */
export async function listPriorityTeachers(ctx: ServiceContext, query: ListPriorityQuery) {
  authorize(ctx.actor, 'priority_teachers.read');
  const today = beijingDate();
  const semester = query.semester ?? currentSemesterKey(today, ctx.tenant.config.semesters);
  const scope =
    ctx.actor.role === 'unit_manager' ? inManagedUnits(users.unitId, ctx.actor.unitId) : undefined;
  const items = await flagsWithStats(ctx.db, semester, today, scope);
  return { semester, semesterLabel: semesterLabel(semester), today, items };
}
