import * as v from 'valibot';
import { SURVEY_KINDS, SURVEY_STATUSES } from '../../../db/schema/tenant';
import { MAX_MIN_RESPONSES, MIN_RESPONSES_FLOOR, QuestionsSchema } from '../../../tenants/surveys/questions';
import { ID_PATTERN, optionalDate, pageParam } from '../../validation';

export const SURVEY_KIND_LABELS = {
  teaching_rating: '学生评教',
  satisfaction: '满意度调查',
  canteen: '食堂满意度',
  other: '其他问卷',
} as const satisfies Record<(typeof SURVEY_KINDS)[number], string>;

export const SURVEY_STATUS_LABELS = {
  draft: '草稿',
  open: '收集中',
  closed: '已结束',
} as const satisfies Record<(typeof SURVEY_STATUSES)[number], string>;

/** At most this many slips per class batch: a big class is 50–60 students. */
export const MAX_LINKS_PER_BATCH = 80;
export { MAX_MIN_RESPONSES };

const title = v.pipe(
  v.string('请填写问卷标题'),
  v.trim(),
  v.nonEmpty('请填写问卷标题'),
  v.maxLength(100, '问卷标题不能超过 100 个字'),
);
const optionalId = (message: string) =>
  v.optional(v.nullable(v.pipe(v.string(message), v.regex(ID_PATTERN, message))));

const minResponses = v.optional(
  v.pipe(
    v.number('最少答卷数必须是数字'),
    v.integer('最少答卷数必须是整数'),
    v.minValue(MIN_RESPONSES_FLOOR, `最少答卷数不能少于 ${MIN_RESPONSES_FLOOR} 份，否则可能认出答卷学生`),
    v.maxValue(MAX_MIN_RESPONSES, `最少答卷数不能超过 ${MAX_MIN_RESPONSES} 份`),
  ),
);

/** A survey as the builder sends it; 评教 needs the teacher and the course (checked by the verb). */
export const SurveyInput = v.object({
  title,
  kind: v.picklist(SURVEY_KINDS, '请选择问卷类型：学生评教、满意度调查、食堂满意度或其他'),
  questions: QuestionsSchema,
  minResponses,
  teacherId: optionalId('请选择被评教师'),
  course: v.optional(
    v.nullable(
      v.pipe(v.string('课程名称必须是文字'), v.trim(), v.maxLength(100, '课程名称不能超过 100 个字')),
    ),
  ),
  closesOn: optionalDate('截止日期'),
});
export type SurveyInput = v.InferOutput<typeof SurveyInput>;

export const ListSurveysQuery = v.object({
  status: v.optional(v.picklist(SURVEY_STATUSES, '状态应为草稿、收集中或已结束')),
  kind: v.optional(v.picklist(SURVEY_KINDS, '问卷类型无效')),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListSurveysQuery = v.InferOutput<typeof ListSurveysQuery>;

export const LinksInput = v.object({
  label: v.pipe(
    v.string('请填写班级名称'),
    v.trim(),
    v.nonEmpty('请填写班级名称，如 23级机电1班'),
    v.maxLength(50, '班级名称不能超过 50 个字'),
  ),
  count: v.pipe(
    v.number('请填写份数'),
    v.integer('份数必须是整数'),
    v.minValue(1, `份数应为 1–${MAX_LINKS_PER_BATCH}`),
    v.maxValue(MAX_LINKS_PER_BATCH, `份数应为 1–${MAX_LINKS_PER_BATCH}`),
  ),
});
export type LinksInput = v.InferOutput<typeof LinksInput>;

export const ReviewInput = v.object({
  status: v.picklist(['approved', 'hidden'], '请选择“公开给教师”（approved）或“不公开”（hidden）'),
});
export type ReviewInput = v.InferOutput<typeof ReviewInput>;

/** A respondent's answers: checked against the survey's questions by the verb. */
export const ResponseInput = v.object({
  answers: v.record(v.string(), v.unknown(), '答案应为“题目编号: 答案”的对象'),
});
export type ResponseInput = v.InferOutput<typeof ResponseInput>;
