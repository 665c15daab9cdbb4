import { asc, eq } from 'drizzle-orm';
import { TEACHING_LINKS, teachingChecks, units } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { currentSemesterKey, semesterLabel } from '../../semesters';
import { type OutCell, workbookBytes } from '../../spreadsheet/write';
import { checkFilters } from './list-checks';
import { checksMatrix } from './matrix';
import { checkColumns, checkedTeacher, checker } from './records';
import { LINK_LABELS, type MatrixQuery } from './schemas';

/** At most this many rows in one sheet; a unit filter narrows a larger semester. */
export const EXPORT_LIMIT = 20_000;

export const REGISTER_COLUMNS = [
  '序号',
  '检查日期',
  '部门',
  '教师',
  '检查环节',
  '得分',
  '抽查数量',
  '检查意见',
  '检查人',
] as const;

/**
 * 教学常规检查登记表 as .xlsx: one row per check (by day), and a second sheet with the five-link
 * matrix and the sampled plans and homework, as seed 001's reports count them.
 */
export async function checksXlsx(ctx: ServiceContext, query: MatrixQuery) {
  authorize(ctx.actor, 'teaching_checks.read');
  const semester = query.semester ?? currentSemesterKey(beijingDate(), ctx.tenant.config.semesters);
  const [checks, matrix] = await Promise.all([
    ctx.db
      .select(checkColumns)
      .from(teachingChecks)
      .innerJoin(checkedTeacher, eq(checkedTeacher.id, teachingChecks.teacherId))
      .leftJoin(checker, eq(checker.id, teachingChecks.checkedBy))
      .leftJoin(units, eq(units.id, teachingChecks.unitId))
      .where(checkFilters(ctx, { semester, unitId: query.unitId }))
      .orderBy(asc(teachingChecks.checkedOn), asc(teachingChecks.createdAt))
      .limit(EXPORT_LIMIT),
    checksMatrix(ctx, { semester, unitId: query.unitId }),
  ]);
  const label = semesterLabel(semester);
  const register: OutCell[][] = [
    [`${ctx.tenant.name}${label}教学常规检查登记表`],
    [...REGISTER_COLUMNS],
    ...checks.map((c, i) => [
      i + 1,
      c.checkedOn,
      c.unitName,
      c.teacherName,
      LINK_LABELS[c.link],
      c.score,
      c.sampledCount,
      c.comment,
      c.checkerName,
    ]),
  ];
  const summary: OutCell[][] = [
    [`${ctx.tenant.name}${label}教学五环节检查汇总`],
    ['部门', '教师', ...TEACHING_LINKS.map((l) => LINK_LABELS[l]), '检查次数', '抽查教案', '抽查作业本'],
    ...matrix.rows.map((r) => [
      r.unitName,
      r.teacherName,
      ...TEACHING_LINKS.map((l) => r.links[l]?.score ?? null),
      r.checkCount,
      r.sampledPlans,
      r.sampledHomework,
    ]),
    [
      '合计',
      `${matrix.totals.checkedTeachers}/${matrix.totals.teachers} 人已检查`,
      ...TEACHING_LINKS.map(() => null),
      matrix.totals.checks,
      matrix.totals.sampledPlans,
      matrix.totals.sampledHomework,
    ],
  ];
  const bytes = workbookBytes([
    { name: '检查登记', rows: register },
    { name: '五环节汇总', rows: summary },
  ]);
  return { bytes, semester, label };
}
