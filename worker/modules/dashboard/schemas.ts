import * as v from 'valibot';
import { ID_PATTERN } from '../../validation';

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

/**
 * `?year=2026&month=3` (default: this month in Beijing), `&zoneId=` for one zone's units,
 * `&staleDays=` for how long without a visit makes a unit stand out (default by the visit rule).
 */
export const DashboardQuery = v.pipe(
  v.object({
    year: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{4}$/, `年份应为 ${YEAR_MIN} 至 ${YEAR_MAX} 之间的四位数字`),
        v.transform(Number),
        v.minValue(YEAR_MIN, `年份应在 ${YEAR_MIN} 至 ${YEAR_MAX} 之间`),
        v.maxValue(YEAR_MAX, `年份应在 ${YEAR_MIN} 至 ${YEAR_MAX} 之间`),
      ),
    ),
    month: v.optional(
      v.pipe(v.string(), v.regex(/^(?:[1-9]|1[0-2])$/, '月份应为 1 至 12'), v.transform(Number)),
    ),
    zoneId: v.optional(
      v.pipe(
        v.string(),
        v.check((s) => s === '' || ID_PATTERN.test(s), '所选责任区无效，请重新选择'),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
    staleDays: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{1,4}$/, '未督导天数应为 1 至 1000 之间的整数'),
        v.transform(Number),
        v.minValue(1, '未督导天数应为 1 至 1000 之间的整数'),
        v.maxValue(1000, '未督导天数应为 1 至 1000 之间的整数'),
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['year'], ['month']],
      (q) => (q.year === undefined) === (q.month === undefined),
      '请同时指定年份和月份',
    ),
    ['month'],
  ),
);
export type DashboardQuery = v.InferOutput<typeof DashboardQuery>;
