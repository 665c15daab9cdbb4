import * as v from 'valibot';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, type ComplaintStatus } from '../../../db/schema/tenant';
import { optionalPhone, optionalText, pageParam, text } from '../../validation';

export const CATEGORY_LABELS: Record<(typeof COMPLAINT_CATEGORIES)[number], string> = {
  complaint: '投诉',
  suggestion: '建议',
  report: '举报',
  praise: '表扬',
};

/** What the sender and the office see for each status. */
export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '待受理',
  assigned: '已受理，正在核实',
  replied: '已答复',
  closed: '已办结',
};

export const TOPIC_MAX = 40;
export const BODY_MIN = 10;
export const BODY_MAX = 1000;

/** A complaint or suggestion as sent from a unit's public board. */
export const ComplaintInput = v.object({
  category: v.picklist(COMPLAINT_CATEGORIES, '请选择类别：投诉、建议、举报或表扬'),
  topic: text('主题', TOPIC_MAX),
  body: v.pipe(
    v.string('内容必须是文字'),
    v.trim(),
    v.minLength(BODY_MIN, `内容至少 ${BODY_MIN} 个字，请写清楚时间、地点和事情经过`),
    v.maxLength(BODY_MAX, `内容不能超过 ${BODY_MAX} 个字`),
  ),
  contactName: optionalText('联系人', 20),
  contactPhone: optionalPhone('联系电话'),
  /** Honeypot: hidden from people, filled in by form-spamming scripts. */
  website: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(0, '提交未成功，请刷新页面后重新填写')))),
});
export type ComplaintInput = v.InferOutput<typeof ComplaintInput>;

export const ListComplaintsQuery = v.object({
  status: v.optional(
    // open: everything not yet 办结, the inbox of whoever handles them.
    v.union(
      [v.literal(''), v.literal('open'), v.picklist(COMPLAINT_STATUSES)],
      '状态只能是未办结、待受理、已受理、已答复或已办结',
    ),
    '',
  ),
  unitId: v.optional(v.pipe(v.string(), v.maxLength(40, '单位无效')), ''),
  assigneeId: v.optional(v.pipe(v.string(), v.maxLength(40, '督学无效')), ''),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListComplaintsQuery = v.InferOutput<typeof ListComplaintsQuery>;

export const AssignInput = v.object({
  inspectorId: text('督学', 40),
  note: optionalText('说明', 500),
});
export type AssignInput = v.InferOutput<typeof AssignInput>;

export const NoteInput = v.object({ note: text('记录内容', 1000) });
export type NoteInput = v.InferOutput<typeof NoteInput>;

export const ReplyInput = v.object({ publicReply: text('答复', 1000) });
export type ReplyInput = v.InferOutput<typeof ReplyInput>;

export const CloseInput = v.object({
  publicReply: optionalText('答复', 1000),
  note: optionalText('办结说明', 1000),
});
export type CloseInput = v.InferOutput<typeof CloseInput>;

export const ReopenInput = v.object({ note: text('重新办理的理由', 500) });
export type ReopenInput = v.InferOutput<typeof ReopenInput>;
