import * as v from 'valibot';
import { VISIT_KINDS, VISIT_METHODS } from '../../../db/schema/tenant';
import { isCalendarDate } from '../../dates';
import { ID_PATTERN, optionalText, pageParam } from '../../validation';
import { VISIT_KIND_LABELS } from '../plans/schemas';

export { VISIT_KIND_LABELS };

export const VISIT_METHOD_LABELS = {
  briefing: '听汇报',
  documents: '查资料',
  site: '实地查看',
  interviews: '走访座谈',
  questionnaire: '问卷调查',
  lesson: '推门听课',
} as const satisfies Record<(typeof VISIT_METHODS)[number], string>;

/** 条例 Art. 16: a comprehensive visit is made by a team of at least three. */
export const COMPREHENSIVE_TEAM_MIN = 3;
export const TEAM_MAX = 20;

const uuid = (message: string) => v.pipe(v.string(message), v.regex(ID_PATTERN, message));

const day = (label: string) =>
  v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.nonEmpty(`请填写${label}`),
    v.check(isCalendarDate, `${label}应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01`),
  );

/**
 * A finished visit as the phone sends it (decision 011). The answers are checked against the
 * template version by the verb (`answersSchemaFor` and `checkAnswers`), which knows the body.
 */
export const SubmitVisitInput = v.object({
  id: uuid('督导记录编号无效，请在手机上重新开始本次督导'),
  kind: v.picklist(VISIT_KINDS, '请选择督导类型'),
  unitId: uuid('请选择被督导的单位'),
  templateId: uuid('请选择检查表'),
  templateVersion: v.pipe(
    v.number('检查表版本必须是数字'),
    v.integer('检查表版本必须是整数'),
    v.minValue(1, '检查表版本无效'),
  ),
  visitedOn: day('督导日期'),
  theme: optionalText('督导主题', 100),
  methods: v.pipe(
    v.array(v.picklist(VISIT_METHODS, '督导方式无效'), '请选择督导方式'),
    v.minLength(1, '请至少选择一种督导方式'),
    v.maxLength(VISIT_METHODS.length, '督导方式有重复'),
    v.check((list) => new Set(list).size === list.length, '督导方式有重复'),
  ),
  team: v.pipe(
    v.array(uuid('督导组成员无效，请重新选择'), '请选择督导组成员'),
    v.minLength(1, '请至少选择一名督导组成员（第一位为组长）'),
    v.maxLength(TEAM_MAX, `督导组最多 ${TEAM_MAX} 人`),
    v.check((list) => new Set(list).size === list.length, '督导组成员有重复，请删去重复的人员'),
  ),
  answers: v.unknown(),
  summary: optionalText('督导意见（总体评价）', 2000),
  feedback: optionalText('现场反馈', 2000),
  feedbackSignedBy: optionalText('反馈签收人', 50),
});
export type SubmitVisitInput = v.InferOutput<typeof SubmitVisitInput>;

const optionalId = (message: string) =>
  v.optional(
    v.pipe(
      v.string(message),
      v.trim(),
      v.check((s) => s === '' || ID_PATTERN.test(s), message),
      v.transform((s) => (s === '' ? undefined : s)),
    ),
  );

const optionalDay = (label: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || isCalendarDate(s), `${label}应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01`),
      v.transform((s) => (s === '' ? undefined : s)),
    ),
  );

export const ListVisitsQuery = v.object({
  unitId: optionalId('所选单位无效，请重新选择'),
  kind: v.optional(
    v.pipe(
      v.string(),
      v.transform((s) => (s === '' ? undefined : s)),
      v.optional(v.picklist(VISIT_KINDS, '督导类型无效，请重新选择')),
    ),
  ),
  from: optionalDay('开始日期'),
  to: optionalDay('结束日期'),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListVisitsQuery = v.InferOutput<typeof ListVisitsQuery>;
