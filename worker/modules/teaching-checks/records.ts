import { and, eq, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { teachingChecks, units, users } from '../../../db/schema/tenant';
import { inManagedUnits } from '../../auth/managed-units';
import { can } from '../../auth/permissions';
import type { Actor, ServiceContext } from '../../context';
import { addDays, beijingDate } from '../../dates';
import { AppError, validationError } from '../../errors';
import { semesterKeyOf } from '../../semesters';
import { LINK_LABELS } from './schemas';

export const CHECK_NOT_FOUND = '未找到该检查记录，可能已被删除或您无权查看，请返回列表刷新。';

/** How far back a check may be entered (from paper records), in days: as for observations. */
export const MAX_DAYS_BACK = 365;

export type CheckRow = typeof teachingChecks.$inferSelect;

/** Which checks an actor may read (undefined: all): a unit manager their units', a teacher their own. */
export function checksVisibleTo(actor: Actor): SQL | undefined {
  if (can(actor, 'observations.read_all')) return undefined;
  if (actor.role === 'unit_manager') {
    return or(inManagedUnits(teachingChecks.unitId, actor.unitId), eq(teachingChecks.teacherId, actor.id));
  }
  return eq(teachingChecks.teacherId, actor.id);
}

/** The semester of a check day; a future day, a day over a year back or a holiday day is a 422 at `checkedOn`. */
export function semesterOfCheck(ctx: ServiceContext, checkedOn: string): string {
  const today = beijingDate();
  const fail = (message: string) => validationError([{ path: 'checkedOn', message }], message);
  if (checkedOn > today) throw fail(`检查日期不能晚于今天（${today}），请改为实际检查的日期。`);
  const earliest = addDays(today, -MAX_DAYS_BACK);
  if (checkedOn < earliest) throw fail(`检查日期不能早于一年前（${earliest}），请核对日期。`);
  const semester = semesterKeyOf(checkedOn, ctx.tenant.config.semesters);
  if (!semester) throw fail(`${checkedOn} 在假期中，不属于任何学期，请核对检查日期。`);
  return semester;
}

export const checker = alias(users, 'checker');
export const checkedTeacher = alias(users, 'checked_teacher');

/** A check as lists and pages show it: with the teacher's, the unit's and the checker's names. */
export const checkColumns = {
  id: teachingChecks.id,
  teacherId: teachingChecks.teacherId,
  teacherName: checkedTeacher.displayName,
  unitId: teachingChecks.unitId,
  unitName: units.name,
  semester: teachingChecks.semester,
  link: teachingChecks.link,
  checkedOn: teachingChecks.checkedOn,
  score: teachingChecks.score,
  comment: teachingChecks.comment,
  sampledCount: teachingChecks.sampledCount,
  checkedBy: teachingChecks.checkedBy,
  checkerName: checker.displayName,
  createdAt: teachingChecks.createdAt,
  updatedAt: teachingChecks.updatedAt,
};

export function withLabel<T extends { link: keyof typeof LINK_LABELS }>(row: T) {
  return { ...row, linkLabel: LINK_LABELS[row.link] };
}

/** One check with names, if the actor may read it; 404 otherwise. */
export async function findVisibleCheck(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select(checkColumns)
    .from(teachingChecks)
    .innerJoin(checkedTeacher, eq(checkedTeacher.id, teachingChecks.teacherId))
    .leftJoin(checker, eq(checker.id, teachingChecks.checkedBy))
    .leftJoin(units, eq(units.id, teachingChecks.unitId))
    .where(and(eq(teachingChecks.id, id), checksVisibleTo(ctx.actor)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', CHECK_NOT_FOUND);
  return withLabel(row);
}

/** A change or removal: by whoever recorded the check, or a director or admin. */
export function authorizeEdit(ctx: ServiceContext, check: { checkedBy: string }) {
  if (check.checkedBy !== ctx.actor.id && !can(ctx.actor, 'teaching_checks.edit_any')) {
    throw new AppError('FORBIDDEN', '只有登记该检查的人或督导室主任、管理员可以修改或删除这条检查记录。');
  }
}
