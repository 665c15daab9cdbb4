import * as v from 'valibot';
import { PRIORITY_REASONS } from '../../../db/schema/tenant';
import { SEMESTER_KEY } from '../../semesters';
import { ID_PATTERN, optionalDate, optionalText } from '../../validation';

export const PRIORITY_REASON_LABELS = {
  new_teacher: '新教师',
  external: '外聘教师',
  low_rating: '评教较低',
  other: '其他',
} as const satisfies Record<(typeof PRIORITY_REASONS)[number], string>;

export const WARNING_LABELS = {
  not_observed: '本学期尚未听课',
  course_ending: '课程即将结束仍未听课',
} as const;

/** A blank semester means the current one. */
export const semesterQuery = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.check((s) => s === '' || SEMESTER_KEY.test(s), '学期应写作 2026-autumn 或 2027-spring'),
    v.transform((s) => (s === '' ? undefined : s)),
  ),
);

export const ListPriorityQuery = v.object({ semester: semesterQuery });
export type ListPriorityQuery = v.InferOutput<typeof ListPriorityQuery>;

export const FlagTeacherInput = v.object({
  teacherId: v.pipe(v.string('请选择教师'), v.regex(ID_PATTERN, '请选择教师')),
  reason: v.picklist(PRIORITY_REASONS, '请选择关注原因：新教师、外聘教师、评教较低或其他'),
  note: optionalText('备注', 500),
  courseEndsOn: optionalDate('课程结束日期'),
});
export type FlagTeacherInput = v.InferOutput<typeof FlagTeacherInput>;
