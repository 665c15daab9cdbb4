import * as v from 'valibot';

/**
 * Survey questions (问卷题目) and the pure arithmetic of answers and results, shared by the survey
 * verbs, the public response page's types and the teacher summary (评教 averages). A question is a
 * 1..max rating, a choice among 2–12 options (one or several), or free text. Rating and choice
 * answers are stored in `survey_responses.answers` (an integer, an option index or an array of
 * indexes); text answers only in `survey_text_answers`, so they can be reviewed before a teacher
 * reads them.
 */

export const QUESTION_LIMITS = { questions: 40, labelMax: 200, optionMax: 60, textMax: 1000 } as const;
export const RATING_MAX = { min: 2, max: 10, default: 5 } as const;
export const OPTION_COUNT = { min: 2, max: 12 } as const;
/** Results stay hidden below this many responses; a survey may ask for more, never fewer. */
export const MIN_RESPONSES_FLOOR = 3;
export const DEFAULT_MIN_RESPONSES = 5;
export const MAX_MIN_RESPONSES = 100;

export interface RatingQuestion {
  key: string;
  kind: 'rating';
  label: string;
  max: number;
  required: boolean;
}
export interface ChoiceQuestion {
  key: string;
  kind: 'choice';
  label: string;
  options: string[];
  multiple: boolean;
  required: boolean;
}
export interface TextQuestion {
  key: string;
  kind: 'text';
  label: string;
  required: boolean;
}
export type Question = RatingQuestion | ChoiceQuestion | TextQuestion;

/** A stored answer: a rating, an option index, or several option indexes. */
export type StoredAnswer = number | number[];

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const key = v.pipe(
  v.string('题目编号必须是文字'),
  v.regex(KEY, '题目编号只能用小写字母、数字和下划线，以字母开头'),
);
const label = v.pipe(
  v.string('题目必须是文字'),
  v.trim(),
  v.minLength(1, '请填写题目内容'),
  v.maxLength(QUESTION_LIMITS.labelMax, `题目不能超过 ${QUESTION_LIMITS.labelMax} 个字`),
);
const required = v.optional(v.boolean('“必答”应为是或否'), true);

const RatingSchema = v.object({
  key,
  kind: v.literal('rating'),
  label,
  max: v.optional(
    v.pipe(
      v.number('评分题的最高分必须是数字'),
      v.integer('评分题的最高分必须是整数'),
      v.minValue(RATING_MAX.min, `评分题的最高分应为 ${RATING_MAX.min}–${RATING_MAX.max}`),
      v.maxValue(RATING_MAX.max, `评分题的最高分应为 ${RATING_MAX.min}–${RATING_MAX.max}`),
    ),
    RATING_MAX.default,
  ),
  required,
});

const ChoiceSchema = v.object({
  key,
  kind: v.literal('choice'),
  label,
  options: v.pipe(
    v.array(
      v.pipe(
        v.string('选项必须是文字'),
        v.trim(),
        v.minLength(1, '选项不能为空'),
        v.maxLength(QUESTION_LIMITS.optionMax, `每个选项不能超过 ${QUESTION_LIMITS.optionMax} 个字`),
      ),
      '选择题的选项应为列表',
    ),
    v.minLength(OPTION_COUNT.min, `选择题至少要有 ${OPTION_COUNT.min} 个选项`),
    v.maxLength(OPTION_COUNT.max, `选择题最多 ${OPTION_COUNT.max} 个选项`),
    v.check((options) => new Set(options).size === options.length, '选择题的选项不能重复'),
  ),
  multiple: v.optional(v.boolean('“可多选”应为是或否'), false),
  required,
});

const TextSchema = v.object({ key, kind: v.literal('text'), label, required });

export const QuestionSchema = v.variant(
  'kind',
  [RatingSchema, ChoiceSchema, TextSchema],
  '题型应为评分题（rating）、选择题（choice）或文字题（text）',
);

export const QuestionsSchema = v.pipe(
  v.array(QuestionSchema, '题目应为列表'),
  v.minLength(1, '问卷至少要有 1 道题'),
  v.maxLength(QUESTION_LIMITS.questions, `问卷最多 ${QUESTION_LIMITS.questions} 道题`),
  v.check((qs) => new Set(qs.map((q) => q.key)).size === qs.length, '题目编号不能重复'),
);

export interface AnswerIssue {
  path: string;
  message: string;
}

const name = (q: Question, i: number) => `第 ${i + 1} 题“${q.label}”`;

/**
 * Checks a respondent's answers against the questions. Returns what to store: rating and choice
 * answers for `survey_responses.answers`, text answers apart; or the issues, each naming its
 * question. Keys that are not questions are refused too, so nothing unasked is ever stored.
 */
export function checkAnswers(
  questions: readonly Question[],
  input: Record<string, unknown>,
): { answers: Record<string, StoredAnswer>; texts: { key: string; body: string }[]; issues: AnswerIssue[] } {
  const answers: Record<string, StoredAnswer> = {};
  const texts: { key: string; body: string }[] = [];
  const issues: AnswerIssue[] = [];
  const known = new Set(questions.map((q) => q.key));
  for (const k of Object.keys(input)) {
    if (!known.has(k))
      issues.push({ path: `answers.${k}`, message: `问卷中没有编号为“${k}”的题目，请刷新页面后重新作答` });
  }
  questions.forEach((q, i) => {
    const path = `answers.${q.key}`;
    const raw = Object.hasOwn(input, q.key) ? input[q.key] : undefined;
    const empty =
      raw === undefined ||
      raw === null ||
      (typeof raw === 'string' && raw.trim() === '') ||
      (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (q.required) issues.push({ path, message: `${name(q, i)}是必答题，请作答` });
      return;
    }
    if (q.kind === 'rating') {
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > q.max) {
        issues.push({ path, message: `${name(q, i)}应选 1 到 ${q.max} 分` });
      } else answers[q.key] = raw;
    } else if (q.kind === 'choice') {
      const valid = (x: unknown) =>
        typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < q.options.length;
      if (q.multiple) {
        const list = Array.isArray(raw) ? raw : [raw];
        if (!list.every(valid)) issues.push({ path, message: `${name(q, i)}的选项不存在，请重新选择` });
        else answers[q.key] = [...new Set(list as number[])].sort((a, b) => a - b);
      } else if (!valid(raw)) {
        issues.push({ path, message: `${name(q, i)}只能选一个已有选项，请重新选择` });
      } else answers[q.key] = raw as number;
    } else if (typeof raw !== 'string') {
      issues.push({ path, message: `${name(q, i)}应填写文字` });
    } else if (raw.trim().length > QUESTION_LIMITS.textMax) {
      issues.push({ path, message: `${name(q, i)}不能超过 ${QUESTION_LIMITS.textMax} 个字` });
    } else texts.push({ key: q.key, body: raw.trim() });
  });
  return { answers, texts, issues };
}

export interface RatingSummary {
  key: string;
  kind: 'rating';
  label: string;
  max: number;
  answered: number;
  /** Sum of the points given, so means can be combined across surveys without rounding twice. */
  sum: number;
  /** Mean to 2 decimals; null when nobody answered. */
  mean: number | null;
  /** counts[i] = how many gave i + 1 points. */
  distribution: number[];
}
export interface ChoiceSummary {
  key: string;
  kind: 'choice';
  label: string;
  multiple: boolean;
  answered: number;
  options: { label: string; count: number }[];
}
export interface TextSummary {
  key: string;
  kind: 'text';
  label: string;
}
export type QuestionSummary = RatingSummary | ChoiceSummary | TextSummary;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Per-question figures of a set of responses (their stored `answers`). Ignores values outside the question. */
export function summarize(questions: readonly Question[], responses: readonly Record<string, unknown>[]) {
  return questions.map((q): QuestionSummary => {
    if (q.kind === 'rating') {
      const distribution = Array.from({ length: q.max }, () => 0);
      let sum = 0;
      let answered = 0;
      for (const r of responses) {
        const x = r[q.key];
        if (typeof x !== 'number' || !Number.isInteger(x) || x < 1 || x > q.max) continue;
        distribution[x - 1] = (distribution[x - 1] ?? 0) + 1;
        sum += x;
        answered++;
      }
      return {
        key: q.key,
        kind: 'rating',
        label: q.label,
        max: q.max,
        answered,
        sum,
        mean: answered ? round2(sum / answered) : null,
        distribution,
      };
    }
    if (q.kind === 'choice') {
      const counts = q.options.map(() => 0);
      let answered = 0;
      for (const r of responses) {
        const x = r[q.key];
        const picked = (Array.isArray(x) ? x : [x]).filter(
          (i): i is number => typeof i === 'number' && i >= 0 && i < counts.length,
        );
        if (picked.length === 0) continue;
        answered++;
        for (const i of new Set(picked)) counts[i] = (counts[i] ?? 0) + 1;
      }
      return {
        key: q.key,
        kind: 'choice',
        label: q.label,
        multiple: q.multiple,
        answered,
        options: q.options.map((label, i) => ({ label, count: counts[i] ?? 0 })),
      };
    }
    return { key: q.key, kind: 'text', label: q.label };
  });
}

/**
 * The overall rating as a percentage: each rating question's mean over its max, averaged over the
 * rating questions that have answers, to 1 decimal. Null without any rated answer. 评教 below 60
 * suggests following the teacher up (重点关注).
 */
export function overallPercent(summaries: readonly QuestionSummary[]): number | null {
  const parts = summaries.filter((s): s is RatingSummary => s.kind === 'rating' && s.answered > 0);
  if (parts.length === 0) return null;
  const total = parts.reduce((acc, s) => acc + s.sum / s.answered / s.max, 0);
  return Math.round((total / parts.length) * 1000) / 10;
}

export const LOW_RATING_PERCENT = 60;

/** Whether results of `count` responses may be shown: below the threshold nobody sees more than the count. */
export function resultsVisible(count: number, minResponses: number): boolean {
  return count >= Math.max(minResponses, MIN_RESPONSES_FLOOR);
}
