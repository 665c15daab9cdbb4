import * as v from 'valibot';
import { MODULE_KEYS, type ModuleKey } from '../config/schema';

/**
 * A checklist template's body: sections of items, each item a question an inspector answers on a
 * visit. The same schema checks the shipped templates (tests), an office's edits (the API) and a
 * stored version before it is used. Messages are Chinese because editors see them.
 */

export const ITEM_TYPES = ['yes_no', 'score', 'number', 'choice', 'text', 'photo', 'date'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  yes_no: '是/否',
  score: '评分',
  number: '数值',
  choice: '选择',
  text: '文字',
  photo: '照片',
  date: '日期',
};

/** Hazard levels of safety items (隐患等级): 一般、较大、重大. */
export const HAZARD_LEVELS = ['general', 'serious', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];
export const HAZARD_LEVEL_LABELS: Record<HazardLevel, string> = {
  general: '一般',
  serious: '较大',
  major: '重大',
};

export const TEMPLATE_LIMITS = {
  sections: 30,
  itemsPerSection: 60,
  items: 300,
  choices: 20,
} as const;

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const key = (what: string) =>
  v.pipe(
    v.string(`${what}的编号必须是文字`),
    v.regex(KEY, `${what}的编号只能用小写字母、数字和下划线，以字母开头`),
  );
const label = (what: string, max: number) =>
  v.pipe(
    v.string(`${what}必须是文字`),
    v.trim(),
    v.minLength(1, `请填写${what}`),
    v.maxLength(max, `${what}不能超过 ${max} 个字`),
  );
const optionalLabel = (what: string, max: number) => v.optional(label(what, max));

/**
 * What an answer triggers. `when` picks the answers: `no` for a yes/no item, `below` for a score
 * or number under a value, `choice` for one option. The inspector must then add a note and/or a
 * photo, and a finding (问题) is drafted from the item.
 */
export const RuleSchema = v.object({
  when: v.union(
    [
      v.object({ answer: v.literal('no') }),
      v.object({ below: v.number('“低于”必须是数字') }),
      v.object({ choice: label('触发规则的选项', 40) }),
    ],
    '规则的触发条件只能是“否”、“低于某值”或“选中某项”',
  ),
  requireNote: v.optional(v.boolean(), false),
  requirePhoto: v.optional(v.boolean(), false),
  createFinding: v.optional(v.boolean(), false),
});
export type Rule = v.InferOutput<typeof RuleSchema>;

export const ItemSchema = v.pipe(
  v.object({
    key: key('检查项'),
    label: label('检查项内容', 200),
    type: v.picklist(ITEM_TYPES, '检查项类型只能是是/否、评分、数值、选择、文字、照片或日期'),
    required: v.optional(v.boolean(), false),
    /** How to check it, shown under the item (查资料、实地查看…). */
    guidance: optionalLabel('检查方法', 300),
    /** Highest score of a score item. */
    max: v.optional(v.pipe(v.number('满分必须是数字'), v.minValue(0.5, '满分至少 0.5'), v.maxValue(1000))),
    /** Unit of a number item (人, 间, 分钟). */
    unit: optionalLabel('数值单位', 10),
    choices: v.optional(
      v.pipe(
        v.array(label('选项', 40)),
        v.minLength(2, '选择题至少要有 2 个选项'),
        v.maxLength(TEMPLATE_LIMITS.choices, `选项不能超过 ${TEMPLATE_LIMITS.choices} 个`),
      ),
    ),
    hazardLevel: v.optional(v.picklist(HAZARD_LEVELS, '隐患等级只能是一般、较大或重大')),
    rules: v.optional(v.pipe(v.array(RuleSchema), v.maxLength(5, '一个检查项最多 5 条规则'))),
  }),
  v.check((item) => item.type !== 'score' || item.max !== undefined, '评分项必须填写满分'),
  v.check((item) => item.type === 'score' || item.max === undefined, '只有评分项可以填写满分'),
  v.check((item) => item.type !== 'choice' || item.choices !== undefined, '选择题必须填写选项'),
  v.check((item) => item.type === 'choice' || item.choices === undefined, '只有选择题可以填写选项'),
  v.check((item) => new Set(item.choices ?? []).size === (item.choices ?? []).length, '选项不能重复'),
  v.check(
    (item) => (item.rules ?? []).every((rule) => ruleFits(item, rule)),
    '规则的触发条件与检查项类型不符',
  ),
);
export type ChecklistItem = v.InferOutput<typeof ItemSchema>;

function ruleFits(item: { type: ItemType; choices?: string[] }, rule: Rule): boolean {
  const when = rule.when;
  if ('answer' in when) return item.type === 'yes_no';
  if ('below' in when) return item.type === 'score' || item.type === 'number';
  return item.type === 'choice' && (item.choices ?? []).includes(when.choice);
}

export const SectionSchema = v.object({
  key: key('分组'),
  title: label('分组名称', 60),
  items: v.pipe(
    v.array(ItemSchema),
    v.minLength(1, '每个分组至少要有 1 个检查项'),
    v.maxLength(TEMPLATE_LIMITS.itemsPerSection, `每个分组最多 ${TEMPLATE_LIMITS.itemsPerSection} 个检查项`),
  ),
});
export type ChecklistSection = v.InferOutput<typeof SectionSchema>;

export const ChecklistBodySchema = v.pipe(
  v.object({
    sections: v.pipe(
      v.array(SectionSchema),
      v.minLength(1, '至少要有 1 个分组'),
      v.maxLength(TEMPLATE_LIMITS.sections, `最多 ${TEMPLATE_LIMITS.sections} 个分组`),
    ),
  }),
  v.check(
    (body) => body.sections.reduce((n, s) => n + s.items.length, 0) <= TEMPLATE_LIMITS.items,
    `一个检查表最多 ${TEMPLATE_LIMITS.items} 个检查项`,
  ),
  v.check((body) => unique(body.sections.map((s) => s.key)), '分组编号不能重复'),
  // Answers are stored by item key, so a key names one item across the whole template.
  v.check((body) => unique(body.sections.flatMap((s) => s.items.map((i) => i.key))), '检查项编号不能重复'),
);
export type ChecklistBody = v.InferOutput<typeof ChecklistBodySchema>;

function unique(keys: string[]): boolean {
  return new Set(keys).size === keys.length;
}

/** A template shipped with the product, drawn from the seeds and DOMAIN.md. */
export interface BuiltinTemplate {
  /** Stable across releases; an office's copy records which one it came from. */
  key: string;
  module: ModuleKey;
  name: string;
  description: string;
  /** Raised whenever `body` changes, so existing tenants get the new wording as a new version. */
  revision: number;
  /** As written (defaults omitted); parsed with ChecklistBodySchema before it is stored. */
  body: v.InferInput<typeof ChecklistBodySchema>;
}

export const TemplateModuleSchema = v.picklist(MODULE_KEYS, '模块只能是督教、督学、督管理或督安全');
