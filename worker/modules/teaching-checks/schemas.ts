import * as v from 'valibot';
import { TEACHING_LINKS } from '../../../db/schema/tenant';
import { isCalendarDate } from '../../dates';
import { ID_PATTERN, optionalText, pageParam } from '../../validation';
import { semesterQuery } from '../priority-teachers/schemas';

/** 教学五环节, in the order offices list them (备、讲、批、辅、考). */
export const LINK_LABELS = {
  prepare: '备课',
  teach: '上课',
  mark: '批改作业',
  tutor: '辅导',
  exam: '考试',
} as const satisfies Record<(typeof TEACHING_LINKS)[number], string>;

/** What `sampledCount` counts for each link (seed 001: 抽查教案 … 本，作业 … 本). */
export const SAMPLED_LABELS = {
  prepare: '抽查教案（份）',
  teach: '听课（节）',
  mark: '抽查作业本（本）',
  tutor: '辅导记录（份）',
  exam: '试卷（份）',
} as const satisfies Record<(typeof TEACHING_LINKS)[number], string>;

export const COMMENT_MAX = 1000;
export const SAMPLED_MAX = 10_000;

const LINK_MESSAGE = '请选择检查环节：备课、上课、批改作业、辅导或考试';

const day = v.pipe(
  v.string('请填写检查日期'),
  v.trim(),
  v.nonEmpty('请填写检查日期'),
  v.check(isCalendarDate, '检查日期应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01'),
);

/** 0–100 with at most one decimal (an office averaging sub-scores writes 87.5). */
const score = v.pipe(
  v.number('请填写得分（0–100 的数字）'),
  v.minValue(0, '得分不能低于 0 分'),
  v.maxValue(100, '得分不能超过 100 分，请按百分制填写'),
  v.check((n) => Math.abs(Math.round(n * 10) - n * 10) < 1e-9, '得分最多保留一位小数'),
);

const sampled = v.optional(
  v.nullable(
    v.pipe(
      v.number('抽查数量必须是数字'),
      v.integer('抽查数量必须是整数'),
      v.minValue(0, '抽查数量不能是负数'),
      v.maxValue(SAMPLED_MAX, `抽查数量不能超过 ${SAMPLED_MAX}`),
    ),
  ),
);

export const RecordCheckInput = v.object({
  teacherId: v.pipe(v.string('请选择被检查的教师'), v.regex(ID_PATTERN, '请选择被检查的教师')),
  link: v.picklist(TEACHING_LINKS, LINK_MESSAGE),
  checkedOn: day,
  score,
  comment: optionalText('检查意见', COMMENT_MAX),
  sampledCount: sampled,
});
export type RecordCheckInput = v.InferOutput<typeof RecordCheckInput>;

/** A change to a check: any of its fields but the teacher (a check of another teacher is a new check). */
export const UpdateCheckInput = v.pipe(
  v.object({
    link: v.optional(v.picklist(TEACHING_LINKS, LINK_MESSAGE)),
    checkedOn: v.optional(day),
    score: v.optional(score),
    comment: optionalText('检查意见', COMMENT_MAX),
    sampledCount: sampled,
  }),
  v.check((o) => Object.values(o).some((x) => x !== undefined), '请至少修改一项内容'),
);
export type UpdateCheckInput = v.InferOutput<typeof UpdateCheckInput>;

const optionalId = (message: string) =>
  v.optional(
    v.pipe(
      v.string(message),
      v.trim(),
      v.check((s) => s === '' || ID_PATTERN.test(s), message),
      v.transform((s) => (s === '' ? undefined : s)),
    ),
  );

export const MatrixQuery = v.object({
  semester: semesterQuery,
  unitId: optionalId('所选部门无效，请重新选择'),
});
export type MatrixQuery = v.InferOutput<typeof MatrixQuery>;

export const ListChecksQuery = v.object({
  semester: semesterQuery,
  unitId: optionalId('所选部门无效，请重新选择'),
  teacherId: optionalId('所选教师无效，请重新选择'),
  link: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || (TEACHING_LINKS as readonly string[]).includes(s), LINK_MESSAGE),
      v.transform((s) => (s === '' ? undefined : (s as (typeof TEACHING_LINKS)[number]))),
    ),
  ),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 200, '50'),
});
export type ListChecksQuery = v.InferOutput<typeof ListChecksQuery>;
