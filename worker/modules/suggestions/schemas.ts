import * as v from 'valibot';
import { SUGGESTION_STATUSES } from '../../../db/schema/tenant';
import { optionalText, pageParam, text } from '../../validation';

/** The one list of suggestion categories (督导室发现日 sorts what staff send by these). */
export const SUGGESTION_CATEGORIES = [
  'teaching',
  'study',
  'management',
  'safety',
  'logistics',
  'other',
] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<SuggestionCategory, string> = {
  teaching: '教学',
  study: '学风',
  management: '管理',
  safety: '安全',
  logistics: '后勤',
  other: '其他',
};

export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const STATUS_LABELS: Record<SuggestionStatus, string> = {
  submitted: '待处理',
  forwarded: '已转交',
  answered: '已答复',
  closed: '已办结',
};

export const TITLE_MAX = 60;
export const BODY_MAX = 2000;
export const NOTE_MAX = 1000;
export const ANSWER_MAX = 2000;

/** The choices for forms and filters, so the web app never keeps its own copy of the list. */
export function categoryOptions() {
  return SUGGESTION_CATEGORIES.map((key) => ({ key, label: CATEGORY_LABELS[key] }));
}

const CATEGORY_MESSAGE = `类别只能是${Object.values(CATEGORY_LABELS).join('、')}之一`;

const category = v.picklist(SUGGESTION_CATEGORIES, CATEGORY_MESSAGE);

export const SuggestionInput = v.object({
  title: text('标题', TITLE_MAX),
  body: text('内容', BODY_MAX),
  /** Optional for the sender: the office classifies when it forwards. Blank means not chosen. */
  category: v.optional(
    v.nullable(
      v.pipe(
        v.string(CATEGORY_MESSAGE),
        v.transform((s) => (s === '' ? null : s)),
        v.nullable(category),
      ),
    ),
  ),
});
export type SuggestionInput = v.InferOutput<typeof SuggestionInput>;

export const ForwardInput = v.object({
  unitId: text('转交单位', 40),
  category: v.pipe(v.string('请选择类别'), v.nonEmpty('请选择类别'), category),
  officeNote: optionalText('督导室说明', NOTE_MAX),
});
export type ForwardInput = v.InferOutput<typeof ForwardInput>;

export const AnswerInput = v.object({ answer: text('答复', ANSWER_MAX) });
export type AnswerInput = v.InferOutput<typeof AnswerInput>;

export const CloseInput = v.object({ officeNote: text('办结说明', NOTE_MAX) });
export type CloseInput = v.InferOutput<typeof CloseInput>;

export const SUGGESTION_BOXES = ['mine', 'office', 'unit'] as const;
export type SuggestionBox = (typeof SUGGESTION_BOXES)[number];

export const ListSuggestionsQuery = v.object({
  box: v.optional(
    v.picklist(SUGGESTION_BOXES, '列表只能是 mine（我提交的）、office（督导室）或 unit（转交本单位）'),
    'mine',
  ),
  status: v.optional(
    v.union([v.literal(''), v.picklist(SUGGESTION_STATUSES)], '状态只能是待处理、已转交、已答复或已办结'),
    '',
  ),
  category: v.optional(v.union([v.literal(''), category], CATEGORY_MESSAGE), ''),
  unitId: v.optional(v.pipe(v.string(), v.maxLength(40, '单位无效')), ''),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListSuggestionsQuery = v.InferOutput<typeof ListSuggestionsQuery>;
