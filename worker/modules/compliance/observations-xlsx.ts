import { and, asc, eq, type SQL } from 'drizzle-orm';
import { observations, units } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { type OutCell, workbookBytes } from '../../spreadsheet/write';
import { labelsOf, listColumns, observer, teacher, visibleTo } from '../observations/records';
import type { ObservationsExportQuery } from './schemas';

export const OBSERVATION_LEDGER_COLUMNS = [
  '序号',
  '听课日期',
  '节次',
  '听课人',
  '授课教师',
  '单位',
  '课程',
  '班级',
  '课型',
  '听课类型',
  '总分',
  '等级',
  '主要优点',
  '存在问题',
  '改进建议',
] as const;

/** An export is a ledger, not a backup: past this many rows, narrow it by semester or unit. */
export const LEDGER_MAX_ROWS = 20_000;

/**
 * 听课记录台账: the records the actor may read (the list's own condition, applied before the
 * filters, so a filter narrows and never widens), oldest lesson first as a paper ledger runs.
 */
export async function observationsXlsx(ctx: ServiceContext, query: ObservationsExportQuery) {
  authorize(ctx.actor, 'observations.read');
  const conditions: (SQL | undefined)[] = [visibleTo(ctx.actor)];
  if (query.semester) conditions.push(eq(observations.semester, query.semester));
  if (query.unitId) conditions.push(eq(observations.unitId, query.unitId));
  if (query.teacherId) conditions.push(eq(observations.teacherId, query.teacherId));
  const rows = await ctx.db
    .select({
      ...listColumns,
      strengths: observations.strengths,
      problems: observations.problems,
      suggestions: observations.suggestions,
    })
    .from(observations)
    .innerJoin(observer, eq(observer.id, observations.observerId))
    .innerJoin(teacher, eq(teacher.id, observations.teacherId))
    .leftJoin(units, eq(units.id, observations.unitId))
    .where(and(...conditions))
    .orderBy(asc(observations.observedOn), asc(observations.period), asc(observations.createdAt))
    .limit(LEDGER_MAX_ROWS);
  const out: OutCell[][] = [
    [`${ctx.tenant.name}听课记录台账`],
    [...OBSERVATION_LEDGER_COLUMNS],
    ...rows.map((r, i) => {
      const labels = labelsOf(r);
      return [
        i + 1,
        r.observedOn,
        `第${r.period}节`,
        r.observerName,
        r.teacherName,
        r.unitName,
        r.course,
        r.className,
        labels.lessonTypeLabel,
        labels.kindLabel,
        r.total,
        labels.gradeLabel,
        r.strengths,
        r.problems,
        r.suggestions,
      ];
    }),
  ];
  return workbookBytes([{ name: '听课记录台账', rows: out }]);
}
