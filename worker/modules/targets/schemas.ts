import * as v from 'valibot';
import { TARGET_STATUSES } from '../../../db/schema/tenant';
import { beijingDate } from '../../dates';
import { ID_PATTERN, optionalText, text } from '../../validation';

/** 目标完成情况, in the order a year-end review writes them. */
export const STATUS_LABELS = {
  planned: '未评估',
  met: '已达成',
  partly: '部分达成',
  missed: '未达成',
} as const satisfies Record<(typeof TARGET_STATUSES)[number], string>;

export const TITLE_MAX = 100;
export const MEASURE_MAX = 500;
export const PROGRESS_MAX = 2000;
/** A unit's plan for one year: a few dozen targets at most; more is a pasted document. */
export const TARGETS_PER_YEAR = 60;

/** School years run from 2000 to two years ahead (a target carried on from next year's plan). */
export function schoolYearBounds(today = beijingDate()) {
  return { first: 2000, last: Number(today.slice(0, 4)) + 2 };
}

const yearMessage = () => {
  const { first, last } = schoolYearBounds();
  return `学年应为 ${first}–${last} 之间的四位年份（如 2026 表示 2026—2027 学年）`;
};

const yearValue = v.pipe(
  v.number('请选择学年'),
  v.integer('请选择学年'),
  v.check((n) => {
    const { first, last } = schoolYearBounds();
    return n >= first && n <= last;
  }, yearMessage),
);

const unitId = v.pipe(v.string('请选择学校'), v.regex(ID_PATTERN, '请选择学校'));

/** An indicator key of the developmental scheme, or blank for a target not tied to one. */
const indicatorKey = v.optional(
  v.nullable(
    v.pipe(
      v.string('对应指标必须是指标编号'),
      v.trim(),
      v.maxLength(20, '对应指标编号不能超过 20 个字符'),
      v.transform((s) => (s === '' ? null : s)),
    ),
  ),
);

export const CreateTargetInput = v.object({
  unitId,
  schoolYear: yearValue,
  title: text('目标', TITLE_MAX),
  measure: optionalText('具体指标', MEASURE_MAX),
  indicatorKey,
});
export type CreateTargetInput = v.InferOutput<typeof CreateTargetInput>;

export const UpdateTargetInput = v.pipe(
  v.object({
    title: v.optional(text('目标', TITLE_MAX)),
    measure: optionalText('具体指标', MEASURE_MAX),
    indicatorKey,
  }),
  v.check((o) => Object.values(o).some((x) => x !== undefined), '请至少修改一项内容'),
);
export type UpdateTargetInput = v.InferOutput<typeof UpdateTargetInput>;

/** The year-end review of one target: how far it got, and what next year's target becomes. */
export const ProgressInput = v.object({
  status: v.picklist(TARGET_STATUSES, '完成情况应为 未评估、已达成、部分达成 或 未达成'),
  progress: optionalText('完成情况说明', PROGRESS_MAX),
  adjustment: optionalText('下学年目标调整', MEASURE_MAX),
});
export type ProgressInput = v.InferOutput<typeof ProgressInput>;

export const YearOfUnitInput = v.object({ unitId, schoolYear: yearValue });
export type YearOfUnitInput = v.InferOutput<typeof YearOfUnitInput>;

export const ReorderInput = v.object({
  unitId,
  schoolYear: yearValue,
  ids: v.pipe(
    v.array(
      v.pipe(v.string('目标顺序有误，请刷新后重试'), v.regex(ID_PATTERN, '目标顺序有误，请刷新后重试')),
    ),
    v.maxLength(TARGETS_PER_YEAR, `一个学年最多 ${TARGETS_PER_YEAR} 条目标`),
  ),
});
export type ReorderInput = v.InferOutput<typeof ReorderInput>;

/** `?unitId=&year=`: a unit manager may leave the unit out (their own), the year too (the current one). */
export const ListTargetsQuery = v.object({
  unitId: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || ID_PATTERN.test(s), '所选学校无效，请重新选择'),
      v.transform((s) => (s === '' ? undefined : s)),
    ),
  ),
  year: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || /^\d{4}$/.test(s), yearMessage),
      v.transform((s) => (s === '' ? undefined : Number(s))),
      v.check((n) => {
        if (n === undefined) return true;
        const { first, last } = schoolYearBounds();
        return n >= first && n <= last;
      }, yearMessage),
    ),
  ),
});
export type ListTargetsQuery = v.InferOutput<typeof ListTargetsQuery>;
