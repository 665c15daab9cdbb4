import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { type OutCell, workbookBytes } from '../../spreadsheet/write';
import { targetsForUnit } from './for-unit';
import { currentSchoolYear, developmentalIndicators, schoolYearLabel, visibleUnit } from './records';
import type { ListTargetsQuery } from './schemas';

export const TARGET_COLUMNS = [
  '序号',
  '发展目标',
  '具体指标',
  '对应评估指标',
  '完成情况',
  '完成情况说明',
  '下学年目标调整',
] as const;

/** 学校发展规划年度目标及完成情况 as .xlsx: one row per target, then the tally. */
export async function targetsXlsx(ctx: ServiceContext, query: ListTargetsQuery) {
  authorize(ctx.actor, 'targets.read');
  const unit = await visibleUnit(ctx, query.unitId);
  const schoolYear = query.year ?? currentSchoolYear(ctx);
  const [{ items, summary }, indicators] = await Promise.all([
    targetsForUnit(ctx.db, unit.id, schoolYear),
    developmentalIndicators(ctx.db),
  ]);
  const indicatorName = new Map(indicators.map((i) => [i.key, `${i.key} ${i.name}`]));
  const label = schoolYearLabel(schoolYear);
  const rows: OutCell[][] = [
    [`${unit.name}${label}发展规划目标及完成情况`],
    [...TARGET_COLUMNS],
    ...items.map((t, i) => [
      i + 1,
      t.title,
      t.measure,
      t.indicatorKey ? (indicatorName.get(t.indicatorKey) ?? t.indicatorKey) : null,
      t.statusLabel,
      t.progress,
      t.adjustment,
    ]),
    [],
    [
      '合计',
      `共 ${summary.total} 项：已达成 ${summary.met}，部分达成 ${summary.partly}，未达成 ${summary.missed}，未评估 ${summary.planned}`,
    ],
  ];
  const bytes = workbookBytes([{ name: '发展目标', rows }]);
  return { bytes, label: `${unit.name}-${label}`, schoolYear };
}
