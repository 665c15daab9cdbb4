import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { priorityTeachers, units, users } from '../../../db/schema/tenant';
import { beijingDate } from '../../dates';
import { PRIORITY_REASON_LABELS, WARNING_LABELS } from './schemas';
import { priorityWarnings } from './warnings';

export const FLAG_NOT_FOUND = '未找到该重点关注记录，可能已被删除或您无权查看，请返回列表刷新。';

/** Observations of the flagged teacher in the flag's semester, as correlated subqueries. */
const observed = (expr: string) =>
  sql.raw(
    `(SELECT ${expr} FROM observations o WHERE o.teacher_id = priority_teachers.teacher_id AND o.semester = priority_teachers.semester)`,
  );

/**
 * The flags of a semester (narrowed by `where`) with their teacher, unit and the teacher's
 * observations that semester, each with the warnings it raises on `today`. Active flags first,
 * those with warnings before the rest, then by name.
 */
export async function flagsWithStats(db: TenantDb, semester: string, today: string, where?: SQL) {
  const rows = await db
    .select({
      id: priorityTeachers.id,
      teacherId: priorityTeachers.teacherId,
      teacherName: users.displayName,
      teacherStatus: users.status,
      unitId: users.unitId,
      unitName: units.name,
      semester: priorityTeachers.semester,
      reason: priorityTeachers.reason,
      note: priorityTeachers.note,
      courseEndsOn: priorityTeachers.courseEndsOn,
      flaggedAt: priorityTeachers.flaggedAt,
      clearedAt: priorityTeachers.clearedAt,
      observationCount: sql<number>`${observed('count(*)')}`,
      lastObservedOn: sql<string | null>`${observed('max(o.observed_on)')}`,
      averageTotal: sql<number | null>`${observed('round(avg(o.total), 1)')}`,
    })
    .from(priorityTeachers)
    .innerJoin(users, eq(users.id, priorityTeachers.teacherId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(priorityTeachers.semester, semester), where))
    .orderBy(asc(users.displayName), asc(priorityTeachers.reason));
  const items = rows.map((row) => {
    const warnings = priorityWarnings(
      {
        clearedAt: row.clearedAt,
        courseEndsOn: row.courseEndsOn,
        flaggedOn: beijingDate(new Date(row.flaggedAt)),
      },
      { count: Number(row.observationCount), lastObservedOn: row.lastObservedOn },
      today,
    );
    return {
      ...row,
      observationCount: Number(row.observationCount),
      reasonLabel: PRIORITY_REASON_LABELS[row.reason],
      warnings: warnings.map((key) => ({ key, label: WARNING_LABELS[key] })),
    };
  });
  const rank = (i: (typeof items)[number]) => (i.clearedAt ? 2 : i.warnings.length > 0 ? 0 : 1);
  return items.sort((a, b) => rank(a) - rank(b));
}

/** Only the active (not cleared) flags. */
export const activeFlag = isNull(priorityTeachers.clearedAt);
