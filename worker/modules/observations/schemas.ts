import * as v from 'valibot';
import { LESSON_TYPES, OBSERVATION_KINDS } from '../../../db/schema/tenant';
import { isCalendarDate } from '../../dates';
import { SEMESTER_KEY } from '../../semesters';
import { ID_PATTERN, optionalText, pageParam } from '../../validation';

export const LESSON_TYPE_LABELS = {
  theory: '理论课',
  skill: '技能课',
  lab: '实验/实训课',
} as const satisfies Record<(typeof LESSON_TYPES)[number], string>;

export const OBSERVATION_KIND_LABELS = {
  assigned: '指定听课',
  drop_in: '推门听课',
  peer: '同行听课',
  administrator: '干部听课',
  supervisor: '督导听课',
} as const satisfies Record<(typeof OBSERVATION_KINDS)[number], string>;

/** 第几节: a school day has at most 12 periods (morning, afternoon and evening classes). */
export const MAX_PERIOD = 12;
export const COMMENT_MAX = 2000;

const uuid = (message: string) => v.pipe(v.string(message), v.regex(ID_PATTERN, message));

const required = (label: string, max: number) =>
  v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.nonEmpty(`请填写${label}`),
    v.maxLength(max, `${label}不能超过 ${max} 个字`),
  );

/**
 * A finished observation as the phone sends it. The scores are checked against the rubric version
 * by the verb (`scoreObservation`), which knows the items; total, grade and semester are the
 * server's, never the phone's.
 */
export const RecordObservationInput = v.object({
  id: uuid('听课记录编号无效，请在手机上重新开始本次听课'),
  teacherId: uuid('请选择授课教师'),
  course: required('课程名称', 100),
  className: required('授课班级', 50),
  observedOn: v.pipe(
    v.string('请填写听课日期'),
    v.trim(),
    v.nonEmpty('请填写听课日期'),
    v.check(isCalendarDate, '听课日期应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01'),
  ),
  period: v.pipe(
    v.number('请填写节次（第几节）'),
    v.integer('节次必须是整数'),
    v.minValue(1, `节次应为第 1 至第 ${MAX_PERIOD} 节`),
    v.maxValue(MAX_PERIOD, `节次应为第 1 至第 ${MAX_PERIOD} 节`),
  ),
  lessonType: v.picklist(LESSON_TYPES, '请选择课型：理论课、技能课或实验/实训课'),
  kind: v.picklist(OBSERVATION_KINDS, '请选择听课类型：指定、推门、同行、干部或督导听课'),
  rubricVersionId: uuid('请选择评课标准'),
  scores: v.record(v.string(), v.unknown(), '请为评课标准的各项打分'),
  strengths: optionalText('主要优点', COMMENT_MAX),
  problems: optionalText('存在问题', COMMENT_MAX),
  suggestions: optionalText('改进建议', COMMENT_MAX),
});
export type RecordObservationInput = v.InferOutput<typeof RecordObservationInput>;

export const AcknowledgeInput = v.object({
  reply: optionalText('回复', COMMENT_MAX),
});
export type AcknowledgeInput = v.InferOutput<typeof AcknowledgeInput>;

/** A blank query value means "no filter", as a form with an empty field sends it. */
const blank = (s: string) => (s === '' ? undefined : s);

const optionalId = (message: string) =>
  v.optional(
    v.pipe(
      v.string(message),
      v.trim(),
      v.check((s) => s === '' || ID_PATTERN.test(s), message),
      v.transform(blank),
    ),
  );

const optionalDay = (label: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || isCalendarDate(s), `${label}应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01`),
      v.transform(blank),
    ),
  );

export const ListObservationsQuery = v.object({
  teacherId: optionalId('所选授课教师无效，请重新选择'),
  observerId: optionalId('所选听课人无效，请重新选择'),
  unitId: optionalId('所选单位无效，请重新选择'),
  semester: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || SEMESTER_KEY.test(s), '学期应写作 2026-autumn 或 2027-spring'),
      v.transform(blank),
    ),
  ),
  from: optionalDay('开始日期'),
  to: optionalDay('结束日期'),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListObservationsQuery = v.InferOutput<typeof ListObservationsQuery>;

export const RubricVersionQuery = v.object({
  version: v.optional(
    v.pipe(
      v.string(),
      v.toNumber('版本必须是数字'),
      v.integer('版本必须是整数'),
      v.minValue(1, '版本至少为 1'),
    ),
  ),
});
