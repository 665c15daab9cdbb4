import type { ServiceContext } from '../../context';
import { type OutCell, workbookBytes } from '../../spreadsheet/write';
import { BALANCE_INDICATORS } from './indicators';
import { schoolYearLabel } from './scope';
import { yearCoefficients } from './year-coefficients';
import { yearSchools } from './year-schools';

const STAGE_NAMES = { primary: '小学', junior: '初中' } as const;
const r2 = (n: number | undefined) => (n === undefined ? null : Math.round(n * 100) / 100);

/**
 * The official-style tables of one school year: each school's figures and seven values with the
 * 6-of-7 check (one row per stage of the school), and each stage's coefficients against the line.
 */
export async function balanceXlsx(ctx: ServiceContext, year: number) {
  const [schools, coefficients] = await Promise.all([yearSchools(ctx, year), yearCoefficients(ctx, year)]);
  const label = schoolYearLabel(year);
  const schoolRows: OutCell[][] = [
    [`${ctx.tenant.name}义务教育学校办学条件指标表（${label}）`],
    [
      '学校名称',
      '学校标识码',
      '办学类型',
      '学段',
      '学生数',
      ...BALANCE_INDICATORS.map((i) => i.total),
      ...BALANCE_INDICATORS.map((i) => `${i.label}（${i.unit}）`),
      '达标项数',
      '未达标指标',
      `是否达标（≥${schools.minimumsToMeet}项）`,
    ],
  ];
  for (const s of schools.schools) {
    if (s.missing) {
      schoolRows.push([s.name, s.code, s.kind, '', '', ...BALANCE_INDICATORS.map(() => ''), '未填报']);
      continue;
    }
    if (s.excluded) {
      schoolRows.push([
        s.name,
        s.code,
        s.kind,
        '',
        s.enrolment,
        ...BALANCE_INDICATORS.map(() => ''),
        `不参与计算：${s.excluded}`,
      ]);
      continue;
    }
    for (const check of s.checks) {
      const enrolment = s.enrolmentByStage?.[check.stage] ?? s.enrolment;
      schoolRows.push([
        s.name,
        s.code,
        s.kind,
        STAGE_NAMES[check.stage],
        enrolment,
        ...BALANCE_INDICATORS.map((i) => s.resources[i.key] ?? '缺'),
        ...BALANCE_INDICATORS.map((i) => r2(check.values[i.key]) ?? '缺'),
        check.met.length,
        check.below.map((k) => BALANCE_INDICATORS.find((i) => i.key === k)?.short ?? k).join('、'),
        check.pass ? '是' : '否',
      ]);
    }
  }
  const cvRows: OutCell[][] = [[`${ctx.tenant.name}义务教育校际差异系数（${label}）`]];
  for (const stage of coefficients.stages) {
    cvRows.push([]);
    cvRows.push([`${STAGE_NAMES[stage.stage]}（${stage.schools} 所）`]);
    cvRows.push(['指标', '县域均值', '差异系数', '标准', '是否达标', '缺数据学校']);
    for (const i of stage.indicators) {
      cvRows.push([
        i.label,
        r2(i.mean),
        i.cv,
        i.threshold,
        i.cv === null ? '无数据' : i.pass ? '达标' : '未达标',
        i.missing.join('、'),
      ]);
    }
    cvRows.push([
      '综合差异系数（基本均衡口径）',
      null,
      stage.basic.composite,
      stage.basic.threshold,
      stage.basic.composite === null ? '数据不全' : stage.basic.pass ? '达标' : '未达标',
    ]);
  }
  if (coefficients.excluded.length) {
    cvRows.push([]);
    cvRows.push(['不参与计算的学校', '原因']);
    for (const e of coefficients.excluded) cvRows.push([e.school, e.reason]);
  }
  return {
    bytes: workbookBytes([
      { name: '学校指标', rows: schoolRows },
      { name: '差异系数', rows: cvRows },
    ]),
    label,
  };
}
