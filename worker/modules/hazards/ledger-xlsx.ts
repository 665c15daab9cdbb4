import type { ServiceContext } from '../../context';
import { type OutCell, workbookBytes } from '../../spreadsheet/write';
import { hazardLedger } from './register';
import type { HazardsExportQuery } from './schemas';

/** The usual columns of a school safety hazard ledger (隐患排查整改台账). */
export const LEDGER_COLUMNS = [
  '序号',
  '排查日期',
  '单位',
  '隐患部位/类别',
  '隐患描述',
  '隐患等级',
  '整改措施/要求',
  '责任人',
  '整改期限',
  '整改状态',
  '销号日期',
  '逾期天数',
] as const;

export const LEVEL_LABELS: Record<string, string> = { general: '一般', serious: '较大', major: '重大' };
export const STATUS_LABELS: Record<string, string> = {
  open: '待下发',
  issued: '整改中',
  reported: '待复查',
  closed: '已销号',
};

/** 隐患台账 as an .xlsx workbook: a title row, the column row, one row per hazard. */
export async function hazardLedgerXlsx(ctx: ServiceContext, query: HazardsExportQuery) {
  const { items, today } = await hazardLedger(ctx, query);
  const rows: OutCell[][] = [
    [`${ctx.tenant.name}安全隐患排查整改台账（截至 ${today}）`],
    [...LEDGER_COLUMNS],
    ...items.map((h, i) => [
      i + 1,
      h.foundOn,
      h.unitName,
      h.category,
      h.description,
      LEVEL_LABELS[h.level ?? ''] ?? h.level,
      h.requirement,
      h.responsiblePerson,
      h.deadline,
      (STATUS_LABELS[h.status ?? ''] ?? h.status) + (h.overdue ? '（逾期）' : ''),
      h.closedOn,
      h.overdueDays,
    ]),
  ];
  return { bytes: workbookBytes([{ name: '隐患台账', rows }]), today };
}
