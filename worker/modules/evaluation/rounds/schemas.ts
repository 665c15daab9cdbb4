import * as v from 'valibot';
import { isCalendarDate } from '../../../dates';
import { ID_PATTERN } from '../../../validation';

/** Limits of a round: units evaluated at once, team size, period length. */
export const ROUND_LIMITS = { units: 300, reviewers: 30, periodDays: 731 } as const;

const date = (label: string) =>
  v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.check(isCalendarDate, `${label}应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01`),
  );

const uuid = (label: string) =>
  v.pipe(v.string(`${label}必须是文字`), v.regex(ID_PATTERN, `${label}无效，请重新选择`));

/** Deadlines in the order a round goes: each is a field that must not be before the one before it. */
export const DEADLINE_ORDER = [
  ['startsOn', '评估开始日期'],
  ['selfDeadline', '自评截止日期'],
  ['reviewDeadline', '评审截止日期'],
  ['replyDeadline', '申辩截止日期'],
] as const;

export const CreateRoundInput = v.object({
  name: v.pipe(
    v.string('评估名称必须是文字'),
    v.trim(),
    v.minLength(2, '请填写评估名称（至少 2 个字）'),
    v.maxLength(60, '评估名称不能超过 60 个字'),
  ),
  schemeId: uuid('评估方案'),
  schemeVersion: v.optional(
    v.pipe(
      v.number('方案版本必须是数字'),
      v.integer('方案版本必须是整数'),
      v.minValue(1, '方案版本至少为 1'),
    ),
  ),
  schoolYear: v.pipe(
    v.number('学年必须是数字，如 2026 表示 2026—2027 学年'),
    v.integer('学年必须是整数，如 2026'),
    v.minValue(2000, '学年应在 2000 至 2100 之间'),
    v.maxValue(2100, '学年应在 2000 至 2100 之间'),
  ),
  startsOn: date('评估开始日期'),
  endsOn: date('评估结束日期'),
  selfDeadline: date('自评截止日期'),
  reviewDeadline: date('评审截止日期'),
  replyDeadline: date('申辩截止日期'),
  unitIds: v.pipe(
    v.array(uuid('被评单位'), '被评单位应为列表'),
    v.minLength(1, '请至少选择 1 个被评单位'),
    v.maxLength(ROUND_LIMITS.units, `一次评估最多 ${ROUND_LIMITS.units} 个被评单位，请分批建立`),
  ),
  reviewers: v.pipe(
    v.array(
      v.object({ userId: uuid('评估组成员'), lead: v.optional(v.boolean('组长标记必须是是或否'), false) }),
      '评估组应为列表',
    ),
    v.minLength(1, '请至少选择 1 名评估组成员'),
    v.maxLength(ROUND_LIMITS.reviewers, `评估组最多 ${ROUND_LIMITS.reviewers} 人`),
  ),
});
export type CreateRoundInput = v.InferOutput<typeof CreateRoundInput>;

export const ListRoundsQuery = v.object({
  status: v.optional(v.picklist(['open', 'closed'], '状态只能是 open（进行中）或 closed（已结束）')),
});
export type ListRoundsQuery = v.InferOutput<typeof ListRoundsQuery>;

/** Longest 自查报告 (fits the JSON body limit with Chinese text at 3 bytes a character). */
export const SELF_REPORT_MAX = 15_000;

/** Scores and notes for any subset of leaves; a null score clears the leaf's score and note. */
export const SaveSelfInput = v.object({
  scores: v.pipe(
    v.array(
      v.object({
        key: v.pipe(v.string('指标编号必须是文字'), v.trim(), v.nonEmpty('请填写指标编号')),
        score: v.nullable(v.number('得分必须是数字')),
        note: v.optional(
          v.nullable(
            v.pipe(v.string('说明必须是文字'), v.trim(), v.maxLength(1000, '说明不能超过 1000 个字')),
          ),
        ),
      }),
      '得分应为列表',
    ),
    v.minLength(1, '请至少填写 1 项得分'),
    v.maxLength(400, '一次最多保存 400 项得分'),
  ),
});
export type SaveSelfInput = v.InferOutput<typeof SaveSelfInput>;

export const SelfReportInput = v.object({
  selfReport: v.pipe(
    v.string('自查报告必须是文字'),
    v.trim(),
    v.maxLength(SELF_REPORT_MAX, `自查报告不能超过 ${SELF_REPORT_MAX} 个字，请精简或作为佐证材料上传`),
  ),
});
export type SelfReportInput = v.InferOutput<typeof SelfReportInput>;

/** The file's name and, when it supports one indicator, its key; the bytes are the raw body. */
export const UploadEvidenceQuery = v.object({
  name: v.pipe(
    v.string('请提供文件名'),
    v.trim(),
    v.nonEmpty('请提供文件名'),
    v.maxLength(200, '文件名不能超过 200 个字'),
  ),
  indicator: v.optional(v.pipe(v.string('指标编号必须是文字'), v.trim(), v.maxLength(20, '指标编号无效'))),
});
export type UploadEvidenceQuery = v.InferOutput<typeof UploadEvidenceQuery>;
