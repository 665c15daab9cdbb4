import * as v from 'valibot';
import { SEMESTER_KEY } from '../../semesters';
import { ID_PATTERN } from '../../validation';
import { COMPLIANCE_STATUSES } from './quotas';

/** A blank query value means "no filter", as a form with an empty field sends it. */
const blank = (s: string) => (s === '' ? undefined : s);

const optionalQuery = (check: (s: string) => boolean, message: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || check(s), message),
      v.transform(blank),
    ),
  );

const SEMESTER_MESSAGE = '学期应写作 2026-autumn（2026年秋季学期）或 2027-spring（2027年春季学期）';

export const semesterParam = optionalQuery((s) => SEMESTER_KEY.test(s), SEMESTER_MESSAGE);

export const ComplianceQuery = v.object({
  semester: semesterParam,
  unitId: optionalQuery((s) => ID_PATTERN.test(s), '所选单位无效，请重新选择'),
  // Checked against the tenant's quota roles by the verb, which knows them.
  quotaRole: optionalQuery((s) => /^[a-z][a-z0-9_]{0,39}$/.test(s), '听课类别无效，请重新选择'),
  status: optionalQuery(
    (s) => (COMPLIANCE_STATUSES as readonly string[]).includes(s),
    '状态只能是 done（已完成）、on_track（进度正常）或 behind（未达进度）',
  ),
});
export type ComplianceQuery = v.InferOutput<typeof ComplianceQuery>;

export const MeQuery = v.object({ semester: semesterParam });
export type MeQuery = v.InferOutput<typeof MeQuery>;

/** At most this many people named in one reminder request (a page of the list is far less). */
export const MAX_REMINDER_IDS = 2000;

export const RemindersInput = v.object({
  semester: v.optional(
    v.nullable(v.pipe(v.string(SEMESTER_MESSAGE), v.trim(), v.regex(SEMESTER_KEY, SEMESTER_MESSAGE))),
  ),
  userIds: v.optional(
    v.pipe(
      v.array(
        v.pipe(v.string('提醒对象无效'), v.regex(ID_PATTERN, '提醒对象无效，请刷新后重新选择')),
        '提醒对象应为账号列表',
      ),
      v.maxLength(MAX_REMINDER_IDS, `一次最多提醒 ${MAX_REMINDER_IDS} 人`),
    ),
  ),
});
export type RemindersInput = v.InferOutput<typeof RemindersInput>;

export const ObservationsExportQuery = v.object({
  semester: semesterParam,
  unitId: optionalQuery((s) => ID_PATTERN.test(s), '所选单位无效，请重新选择'),
  teacherId: optionalQuery((s) => ID_PATTERN.test(s), '所选授课教师无效，请重新选择'),
});
export type ObservationsExportQuery = v.InferOutput<typeof ObservationsExportQuery>;
