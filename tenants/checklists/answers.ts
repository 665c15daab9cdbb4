import * as v from 'valibot';
import type { ChecklistBody, ChecklistItem, HazardLevel, Rule } from './schema';

/**
 * Checks a visit's answers against one template version. The Worker runs it when a visit is
 * submitted and the phone page runs it to show what is still missing before sending, so it stays
 * pure: no Node or DOM APIs, nothing beyond valibot and ./schema. Messages are Chinese and name the
 * item by its label, because inspectors read them on site.
 */

export const ANSWER_LIMITS = {
  text: 2000,
  note: 1000,
  photos: 10,
  photoRef: 100,
} as const;

/**
 * The shape of one answer as it arrives over HTTP. Which value fits which item type is checked by
 * `checkAnswers`, which knows the item; this only bounds the sizes so a request cannot be huge.
 * It transforms nothing, so the Worker stores what the phone checked.
 */
export const AnswerSchema = v.strictObject(
  {
    value: v.optional(
      v.nullable(
        v.union(
          [
            v.boolean(),
            v.number(),
            v.pipe(v.string(), v.maxLength(ANSWER_LIMITS.text, `作答不能超过 ${ANSWER_LIMITS.text} 个字`)),
          ],
          '作答只能是是/否、数字或文字',
        ),
      ),
    ),
    note: v.optional(
      v.pipe(
        v.string('说明必须是文字'),
        v.maxLength(ANSWER_LIMITS.note, `说明不能超过 ${ANSWER_LIMITS.note} 个字`),
      ),
    ),
    photos: v.optional(
      v.pipe(
        v.array(
          v.pipe(
            v.string('照片编号必须是文字'),
            v.minLength(1, '照片编号不能为空'),
            v.maxLength(ANSWER_LIMITS.photoRef, '照片编号无效'),
          ),
          '照片必须是照片编号的列表',
        ),
        v.maxLength(ANSWER_LIMITS.photos, `每项最多 ${ANSWER_LIMITS.photos} 张照片`),
      ),
    ),
  },
  '每项作答只能包含 value、note 和 photos',
);

/** One item's answer. A photo item's answer is its photos; `value` is unused there. */
export interface Answer {
  value?: boolean | number | string | null;
  note?: string;
  photos?: string[];
}

/** Answers keyed by item key (keys are unique across a whole template). */
export type Answers = Readonly<Record<string, Answer | undefined>>;

/**
 * The answers map of a visit on `body`, as it arrives over HTTP: at most one answer per item and
 * only keys of this template's items. The entry count is checked before the entries, so an
 * oversized map is refused without checking each entry.
 */
export function answersSchemaFor(body: ChecklistBody) {
  const keys = itemsOf(body).map(({ item }) => item.key);
  return v.pipe(
    v.unknown(),
    // valibot's record takes an array as an object with index keys; a list is a malformed request.
    v.check((input) => !Array.isArray(input), '作答必须是以检查项编号为键的对象'),
    v.record(v.string(), v.unknown(), '作答必须是以检查项编号为键的对象'),
    v.maxEntries(keys.length, `作答不能超过 ${keys.length} 项`),
    v.record(
      v.picklist(keys, (issue) => unknownKeyMessage(String(issue.input))),
      AnswerSchema,
    ),
  );
}

export interface AnswerIssue {
  /** `answers.<itemKey>.value`, `.note` or `.photos`; `answers.<key>` for an unknown key. */
  path: string;
  message: string;
}

/** A finding (问题) drafted from an answer whose rule says so; the visit turns it into a record. */
export interface FindingDraft {
  itemKey: string;
  sectionKey: string;
  label: string;
  /** What went wrong, as a notice says it: 不符合“…”, “…”为 4 分（低于 6 分）. */
  problem: string;
  hazardLevel?: HazardLevel;
  note?: string;
  photos?: string[];
}

export interface SectionScore {
  sectionKey: string;
  score: number;
  max: number;
}

export interface AnswerCheck {
  issues: AnswerIssue[];
  findings: FindingDraft[];
  /** Sections that have score items, in template order. */
  scores: SectionScore[];
  total: { score: number; max: number };
}

export interface CheckOptions {
  /**
   * A draft saved on the phone may be incomplete: it skips the "missing" checks (required items,
   * a rule's required note or photo) but keeps the validity checks, since a wrong value is wrong
   * at any stage. Findings and scores are still drafted so the page can show them.
   */
  draft?: boolean;
}

/**
 * Checks `answers` against `body`. Issues, findings and scores follow template order; unknown
 * keys come last. Score items count only when answered with a valid value: an item not assessed
 * (a part a special check skips) is left out of both the score and the max rather than counted 0.
 */
export function checkAnswers(body: ChecklistBody, answers: Answers, options: CheckOptions = {}): AnswerCheck {
  const draft = options.draft ?? false;
  const issues: AnswerIssue[] = [];
  const findings: FindingDraft[] = [];
  const scores: SectionScore[] = [];

  for (const section of body.sections) {
    const sectionScore: SectionScore = { sectionKey: section.key, score: 0, max: 0 };
    for (const item of section.items) {
      const answer = answers[item.key] ?? {};
      const add = (field: keyof Answer, message: string) =>
        issues.push({ path: `answers.${item.key}.${field}`, message });
      const label = `“${item.label}”`;

      const note = checkNote(answer.note, label, (m) => add('note', m));
      const photos = checkPhotos(answer.photos, label, (m) => add('photos', m));
      const valueError = valueProblem(item, answer.value);
      if (valueError) add('value', `${label}${valueError}`);
      const value = valueError ? undefined : answeredValue(item, answer.value);
      const answered = item.type === 'photo' ? photos.length > 0 : value !== undefined;

      // A wrong value is reported above; asking to answer it as well would say the same twice.
      if (item.required && !answered && !valueError && !draft) {
        const field = item.type === 'photo' ? 'photos' : 'value';
        add(field, `${label}为必填项，请${item.type === 'photo' ? '拍照' : '作答'}`);
      }

      const triggered = value === undefined ? [] : (item.rules ?? []).filter((rule) => matches(rule, value));
      for (const rule of triggered) {
        const when = `${label}${whenText(item, rule)}时`;
        if (rule.requireNote && !note && !draft) add('note', `${when}须填写说明`);
        if (rule.requirePhoto && photos.length === 0 && !draft) add('photos', `${when}须拍照`);
      }
      // One finding per item, however many of its rules ask for one.
      const findingRule = triggered.find((rule) => rule.createFinding);
      if (findingRule && value !== undefined) {
        findings.push({
          itemKey: item.key,
          sectionKey: section.key,
          label: item.label,
          problem: problemText(item, findingRule, value),
          ...(item.hazardLevel ? { hazardLevel: item.hazardLevel } : {}),
          ...(note ? { note } : {}),
          ...(photos.length > 0 ? { photos } : {}),
        });
      }

      if (item.type === 'score' && typeof value === 'number') {
        sectionScore.score += value;
        sectionScore.max += item.max ?? 0;
      }
    }
    if (section.items.some((item) => item.type === 'score')) {
      scores.push({ ...sectionScore, score: tenths(sectionScore.score), max: tenths(sectionScore.max) });
    }
  }

  const known = new Set(itemsOf(body).map(({ item }) => item.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) issues.push({ path: `answers.${key}`, message: unknownKeyMessage(key) });
  }

  const total = {
    score: tenths(scores.reduce((n, s) => n + s.score, 0)),
    max: tenths(scores.reduce((n, s) => n + s.max, 0)),
  };
  return { issues, findings, scores, total };
}

function itemsOf(body: ChecklistBody): { sectionKey: string; item: ChecklistItem }[] {
  return body.sections.flatMap((section) => section.items.map((item) => ({ sectionKey: section.key, item })));
}

function unknownKeyMessage(key: string): string {
  // Keys come from the request; a long one is cut so the message stays readable.
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return `检查表中没有编号为“${shown}”的检查项`;
}

/** A cleared input: null, absent or blank text is no answer, whatever the item type. */
function isEmpty(value: Answer['value']): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Why `value` does not fit `item` (to follow the quoted label), or undefined when it fits or is empty. */
function valueProblem(item: ChecklistItem, value: Answer['value']): string | undefined {
  if (isEmpty(value)) return undefined;
  switch (item.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? undefined : '只能回答“是”或“否”';
    case 'score': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '的得分必须是数字';
      if (value < 0) return '的得分不能小于 0';
      if (value > (item.max ?? 0)) return `的得分不能超过满分 ${item.max}`;
      // Scores are given in whole or half points, or at most tenths; finer is a typing slip.
      if (Math.abs(value * 10 - Math.round(value * 10)) > 1e-9) return '的得分最多保留一位小数';
      return undefined;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return '必须填写数字';
      // Counts, minutes, hours, areas and rates are never negative.
      return value < 0 ? '不能为负数' : undefined;
    case 'choice':
      return typeof value === 'string' && (item.choices ?? []).includes(value)
        ? undefined
        : '只能从给定选项中选择';
    case 'text':
      if (typeof value !== 'string') return '必须填写文字';
      return value.trim().length > ANSWER_LIMITS.text ? `不能超过 ${ANSWER_LIMITS.text} 个字` : undefined;
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? undefined
        : '必须是有效日期，格式如 2025-03-01';
    case 'photo':
      return '只需拍照，不填写内容';
  }
}

/** The value of a valid answer (text trimmed), or undefined when the item is unanswered. */
function answeredValue(item: ChecklistItem, value: Answer['value']): boolean | number | string | undefined {
  if (value === undefined || value === null || isEmpty(value) || item.type === 'photo') return undefined;
  return item.type === 'text' && typeof value === 'string' ? value.trim() : value;
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** The trimmed note ('' when none); reports a note that is not text or too long. */
function checkNote(note: unknown, label: string, report: (message: string) => void): string {
  if (note === undefined || note === null) return '';
  if (typeof note !== 'string') {
    report(`${label}的说明必须是文字`);
    return '';
  }
  const trimmed = note.trim();
  if (trimmed.length > ANSWER_LIMITS.note) report(`${label}的说明不能超过 ${ANSWER_LIMITS.note} 个字`);
  return trimmed;
}

/** The photo refs (none when absent or malformed); reports a list that is malformed or too long. */
function checkPhotos(photos: unknown, label: string, report: (message: string) => void): string[] {
  if (photos === undefined || photos === null) return [];
  const valid =
    Array.isArray(photos) &&
    photos.every((ref) => typeof ref === 'string' && ref.length >= 1 && ref.length <= ANSWER_LIMITS.photoRef);
  if (!valid) {
    report(`${label}的照片无效，请重新拍照`);
    return [];
  }
  if (photos.length > ANSWER_LIMITS.photos) report(`${label}最多 ${ANSWER_LIMITS.photos} 张照片`);
  return photos as string[];
}

function matches(rule: Rule, value: boolean | number | string): boolean {
  const when = rule.when;
  if ('answer' in when) return value === false;
  if ('below' in when) return typeof value === 'number' && value < when.below;
  return value === when.choice;
}

/** The rule's condition as the inspector would say it: 选择“否”, 低于 6 分, 选择“不合格”. */
function problemText(item: ChecklistItem, rule: Rule, value: boolean | number | string): string {
  const label = `“${item.label}”`;
  const when = rule.when;
  if ('answer' in when) return `不符合${label}`;
  if ('below' in when) {
    const unit = item.type === 'score' ? ' 分' : item.unit ? ` ${item.unit}` : '';
    return `${label}为 ${value}${unit}（低于 ${when.below}${unit}）`;
  }
  return `${label}为“${value}”`;
}

function whenText(item: ChecklistItem, rule: Rule): string {
  const when = rule.when;
  if ('answer' in when) return '选择“否”';
  if ('below' in when)
    return `低于 ${when.below}${item.type === 'score' ? ' 分' : item.unit ? ` ${item.unit}` : ''}`;
  return `选择“${when.choice}”`;
}

/** Sums of tenths drift in binary (0.1 + 0.2); one decimal place is all a score has. */
function tenths(n: number): number {
  return Math.round(n * 10) / 10;
}
