import * as v from 'valibot';
import { FINDING_STATUSES, SEVERITIES } from '../../../db/schema/tenant';
import { isCalendarDate } from '../../dates';
import { ID_PATTERN, optionalText, pageParam, text } from '../../validation';

/** What the office and the unit see for each status. */
export const STATUS_LABELS: Record<(typeof FINDING_STATUSES)[number], string> = {
  open: '待下发',
  issued: '整改中',
  reported: '待复查',
  closed: '已销号',
};

export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = {
  general: '一般',
  serious: '较大',
  major: '重大',
};

/** Photos one report may carry (the phone form allows nine). */
export const MAX_REPORT_PHOTOS = 9;

const uuid = (label: string) =>
  v.pipe(v.string(`${label}无效`), v.trim(), v.regex(ID_PATTERN, `${label}无效，请重新选择`));

const optionalId = (label: string) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.string(`${label}无效`),
        v.trim(),
        v.check((s) => s === '' || ID_PATTERN.test(s), `${label}无效，请重新选择或留空`),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
  );

const day = (label: string) =>
  v.pipe(
    v.string(`${label}必须是日期`),
    v.trim(),
    v.check(isCalendarDate, `${label}应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01`),
  );

const filterId = (label: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || ID_PATTERN.test(s), `${label}无效，请重新选择`),
    ),
    '',
  );

export const ListFindingsQuery = v.object({
  status: v.optional(
    v.union([v.literal(''), v.picklist(FINDING_STATUSES)], '状态只能是待下发、整改中、待复查或已销号'),
    '',
  ),
  severity: v.optional(v.union([v.literal(''), v.picklist(SEVERITIES)], '等级只能是一般、较大或重大'), ''),
  unitId: filterId('单位'),
  zoneId: filterId('责任区'),
  overdue: v.optional(v.picklist(['', '0', '1'], '逾期筛选只能是 1（只看逾期）或留空'), ''),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListFindingsQuery = v.InferOutput<typeof ListFindingsQuery>;

export const MyFindingsQuery = v.object({
  /** Empty: what waits (issued and reported); `closed` shows the finished ones. */
  status: v.optional(
    v.union(
      [v.literal(''), v.picklist(['issued', 'reported', 'closed'])],
      '状态只能是整改中、待复查或已销号',
    ),
    '',
  ),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '50'),
});
export type MyFindingsQuery = v.InferOutput<typeof MyFindingsQuery>;

export const FindingInput = v.object({
  unitId: uuid('被督导单位'),
  category: text('问题类别', 50),
  severity: v.picklist(SEVERITIES, '请选择等级：一般、较大或重大'),
  description: text('问题描述', 2000),
  requirement: optionalText('整改要求', 2000),
  responsiblePerson: optionalText('整改责任人', 50),
  deadline: day('整改期限'),
  visitId: optionalId('督导记录'),
});
export type FindingInput = v.InferOutput<typeof FindingInput>;

export const ReportInput = v.object({
  note: text('整改情况', 2000),
  evidence: v.optional(
    v.pipe(
      v.array(uuid('照片'), '照片列表格式不正确'),
      v.maxLength(MAX_REPORT_PHOTOS, `一次最多提交 ${MAX_REPORT_PHOTOS} 张照片`),
      v.check((ids) => new Set(ids).size === ids.length, '同一张照片不能提交两次'),
    ),
    [],
  ),
});
export type ReportInput = v.InferOutput<typeof ReportInput>;

export const CloseInput = v.object({
  note: text('复查情况', 2000),
});
export type CloseInput = v.InferOutput<typeof CloseInput>;

export const RejectInput = v.object({
  reason: text('退回原因', 2000),
  deadline: v.optional(
    v.nullable(
      v.pipe(
        v.string('新的整改期限必须是日期'),
        v.trim(),
        v.check(
          (s) => s === '' || isCalendarDate(s),
          '新的整改期限应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01',
        ),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
  ),
});
export type RejectInput = v.InferOutput<typeof RejectInput>;
