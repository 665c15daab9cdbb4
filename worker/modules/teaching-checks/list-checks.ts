import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { teachingChecks, units } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { currentSemesterKey, semesterLabel } from '../../semesters';
import { checkColumns, checkedTeacher, checker, checksVisibleTo, withLabel } from './records';
import type { ListChecksQuery } from './schemas';

/** The filters of a list or export: what the actor may see, narrowed (never widened) by the query. */
export function checkFilters(
  ctx: ServiceContext,
  query: { semester: string; unitId?: string; teacherId?: string; link?: string },
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    checksVisibleTo(ctx.actor),
    eq(teachingChecks.semester, query.semester),
  ];
  if (query.unitId) conditions.push(eq(teachingChecks.unitId, query.unitId));
  if (query.teacherId) conditions.push(eq(teachingChecks.teacherId, query.teacherId));
  if (query.link) conditions.push(eq(teachingChecks.link, query.link as 'prepare'));
  return and(...conditions);
}

/** One page of a semester's checks (default: the current semester), the latest first. */
export async function listChecks(ctx: ServiceContext, query: ListChecksQuery) {
  authorize(ctx.actor, 'teaching_checks.read');
  const { db } = ctx;
  const semester = query.semester ?? currentSemesterKey(beijingDate(), ctx.tenant.config.semesters);
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const where = checkFilters(ctx, { ...query, semester });
  const [rows, totals] = await db.batch([
    db
      .select(checkColumns)
      .from(teachingChecks)
      .innerJoin(checkedTeacher, eq(checkedTeacher.id, teachingChecks.teacherId))
      .leftJoin(checker, eq(checker.id, teachingChecks.checkedBy))
      .leftJoin(units, eq(units.id, teachingChecks.unitId))
      .where(where)
      .orderBy(desc(teachingChecks.checkedOn), desc(teachingChecks.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(teachingChecks).where(where),
  ]);
  return {
    semester,
    semesterLabel: semesterLabel(semester),
    items: rows.map(withLabel),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}
