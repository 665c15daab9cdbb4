import * as v from 'valibot';
import { PLAN_KINDS, VISIT_KINDS } from '../../../db/schema/tenant';
import { MODULE_KEYS } from '../../../tenants/config/schema';
import { isCalendarDate } from '../../dates';
import { ID_PATTERN, optionalText, pageParam, text } from '../../validation';
import { latestEndFor, MAX_CAMPAIGN_UNITS } from './expand';

export const PLAN_KIND_LABELS = {
  zone_monthly: '责任区按月督导',
  semester_all: '全部单位学期督导',
  campaign: '专项督导',
} as const satisfies Record<(typeof PLAN_KINDS)[number], string>;

export const VISIT_KIND_LABELS = {
  comprehensive: '综合督导',
  special: '专项督导',
  routine: '随访督导（经常性督导）',
  term_start: '开学检查',
  unannounced: '飞行检查',
  listed: '挂牌督导',
} as const satisfies Record<(typeof VISIT_KINDS)[number], string>;

export const ITEM_STATES = ['due', 'done', 'late', 'upcoming'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

const date = (label: string) =>
  v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.nonEmpty(`请填写${label}`),
    v.check(isCalendarDate, `${label}应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01`),
    v.check(
      (s) => Number(s.slice(0, 4)) >= YEAR_MIN && Number(s.slice(0, 4)) <= YEAR_MAX,
      `${label}应在 ${YEAR_MIN} 年至 ${YEAR_MAX} 年之间`,
    ),
  );

const uuid = (message: string) => v.pipe(v.string(message), v.regex(ID_PATTERN, message));

const optionalId = (message: string) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.string(message),
        v.trim(),
        v.check((s) => s === '' || ID_PATTERN.test(s), message),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
  );

/**
 * A new plan. The period's order and length are checked here; what a kind needs (a zone for
 * zone_monthly, units for a campaign) is checked by the verb, in the tenant's own words.
 */
export const CreatePlanInput = v.pipe(
  v.object({
    kind: v.picklist(PLAN_KINDS, '计划类型只能是责任区按月督导、全部单位学期督导或专项督导'),
    name: text('计划名称', 60),
    visitKind: v.picklist(
      VISIT_KINDS,
      '督导类型只能是综合督导、专项督导、随访督导、开学检查、飞行检查或挂牌督导',
    ),
    templateId: optionalId('所选检查表无效，请重新选择'),
    zoneId: optionalId('所选责任区无效，请重新选择'),
    unitIds: v.optional(
      v.pipe(
        v.array(uuid('所选单位无效，请重新选择'), '所选单位应为列表'),
        v.maxLength(
          MAX_CAMPAIGN_UNITS,
          `一个专项督导计划最多选择 ${MAX_CAMPAIGN_UNITS} 个单位，请分成多个计划`,
        ),
        v.check((ids) => new Set(ids).size === ids.length, '所选单位有重复，请去掉重复的单位'),
      ),
    ),
    startsOn: date('开始日期'),
    endsOn: date('结束日期'),
    theme: optionalText('督导主题', 60),
    note: optionalText('备注', 300),
  }),
  v.forward(
    v.partialCheck([['startsOn'], ['endsOn']], (p) => p.endsOn >= p.startsOn, '结束日期不能早于开始日期'),
    ['endsOn'],
  ),
  v.forward(
    v.partialCheck(
      [['startsOn'], ['endsOn']],
      (p) => p.endsOn < p.startsOn || p.endsOn <= latestEndFor(p.startsOn),
      '一个计划最长一年，请缩短时间段或分成多个计划',
    ),
    ['endsOn'],
  ),
);
export type CreatePlanInput = v.InferOutput<typeof CreatePlanInput>;

export const ListPlansQuery = v.object({
  status: v.optional(v.picklist(['active', 'cancelled'], '状态只能是 active 或 cancelled'), 'active'),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListPlansQuery = v.InferOutput<typeof ListPlansQuery>;

export const PlanItemsQuery = v.object({
  state: v.optional(
    v.union([v.literal(''), v.picklist(ITEM_STATES)], '状态只能是待完成、已完成、逾期或未开始'),
    '',
  ),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 200, '100'),
});
export type PlanItemsQuery = v.InferOutput<typeof PlanItemsQuery>;

const yearParam = v.pipe(
  v.string('请指定年份'),
  v.regex(/^\d{4}$/, `年份应为 ${YEAR_MIN} 至 ${YEAR_MAX} 之间的四位数字`),
  v.transform(Number),
  v.minValue(YEAR_MIN, `年份应在 ${YEAR_MIN} 至 ${YEAR_MAX} 之间`),
  v.maxValue(YEAR_MAX, `年份应在 ${YEAR_MIN} 至 ${YEAR_MAX} 之间`),
);

/** `?year=2026` (default: this year in Beijing), `&month=3` for that month's items, `&module=` to narrow them. */
export const CalendarQuery = v.object({
  year: v.optional(yearParam),
  month: v.optional(
    v.pipe(v.string(), v.regex(/^(?:[1-9]|1[0-2])$/, '月份应为 1 至 12'), v.transform(Number)),
  ),
  module: v.optional(v.union([v.literal(''), v.picklist(MODULE_KEYS)], '模块无效'), ''),
});
export type CalendarQuery = v.InferOutput<typeof CalendarQuery>;

/**
 * The themes of one year, replacing what the office had for it. A month left out or with an empty
 * theme has none; an empty list gives the year back to the preset calendar.
 */
export const SaveThemesInput = v.object({
  year: v.pipe(
    v.number('年份必须是数字'),
    v.integer('年份必须是整数'),
    v.minValue(YEAR_MIN, `年份应在 ${YEAR_MIN} 至 ${YEAR_MAX} 之间`),
    v.maxValue(YEAR_MAX, `年份应在 ${YEAR_MIN} 至 ${YEAR_MAX} 之间`),
  ),
  themes: v.pipe(
    v.array(
      v.object({
        month: v.pipe(
          v.number('月份必须是数字'),
          v.integer('月份必须是整数'),
          v.minValue(1, '月份应为 1 至 12'),
          v.maxValue(12, '月份应为 1 至 12'),
        ),
        theme: v.pipe(v.string('主题必须是文字'), v.trim(), v.maxLength(60, '每月主题不能超过 60 个字')),
      }),
      '主题应为列表',
    ),
    v.maxLength(12, '一年最多 12 个月的主题'),
    v.check(
      (list) => new Set(list.map((t) => t.month)).size === list.length,
      '每个月只能有一个主题，月份不能重复',
    ),
  ),
});
export type SaveThemesInput = v.InferOutput<typeof SaveThemesInput>;
