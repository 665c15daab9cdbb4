import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { type OutCell, workbookBytes } from '../../spreadsheet/write';
import { complianceReport, officeOrder, totalsOf } from './records';
import type { ComplianceQuery } from './schemas';

export const COMPLIANCE_COLUMNS = ['单位', '姓名', '听课类别', '应听', '已听', '按进度应听', '状态'] as const;
export const BY_UNIT_COLUMNS = ['单位', '人数', '应听合计', '已听合计', '未达进度人数', '完成率'] as const;

/** 听课任务完成情况表: one row per person (the page's filters), and a sheet of totals by unit. */
export async function complianceXlsx(ctx: ServiceContext, query: ComplianceQuery) {
  authorize(ctx.actor, 'compliance.read');
  const report = await complianceReport(ctx, query.semester, {
    unitId: query.unitId,
    quotaRole: query.quotaRole,
  });
  const { semester, today } = report;
  const totals = totalsOf(report.rows, ctx.tenant.config);
  const people = (query.status ? report.rows.filter((r) => r.status === query.status) : report.rows).sort(
    officeOrder,
  );
  const title = `${ctx.tenant.name}${semester.label}听课任务完成情况（截至 ${today < semester.to ? today : semester.to}，学期已过 ${semester.percentElapsed}%）`;
  const rows: OutCell[][] = [
    [title],
    [...COMPLIANCE_COLUMNS],
    ...people.map((r) => [
      r.unitName ?? '',
      r.name,
      r.quotaLabel,
      r.required,
      r.done,
      r.expected,
      r.statusLabel,
    ]),
  ];
  const unitRows: OutCell[][] = [
    [`${semester.label}听课任务完成情况（按单位）`],
    [...BY_UNIT_COLUMNS],
    ...totals.byUnit.map((u) => [u.unitName ?? '', u.people, u.required, u.done, u.behind, `${u.percent}%`]),
    [
      '合计',
      totals.all.people,
      totals.all.required,
      totals.all.done,
      totals.all.behind,
      `${totals.all.percent}%`,
    ],
  ];
  const bytes = workbookBytes([
    { name: '听课任务完成情况', rows },
    { name: '按单位汇总', rows: unitRows },
  ]);
  return { bytes, semester: semester.key };
}
