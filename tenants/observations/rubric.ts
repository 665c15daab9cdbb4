import * as v from 'valibot';

/**
 * A lesson-observation rubric's body (评课标准): sections of scored items and the grade bands.
 * The same schema checks the shipped rubric (tests) and every stored version before it is used to
 * score a lesson. Messages are Chinese because editors will see them.
 */

export const OBSERVATION_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type ObservationGrade = (typeof OBSERVATION_GRADES)[number];
export const GRADE_LABELS: Record<ObservationGrade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

export const RUBRIC_LIMITS = { sections: 20, itemsPerSection: 30, items: 100, maxPerItem: 100 } as const;

/** Scores are given in steps of this size (13.5 is a score, 13.25 is not), so totals add up exactly. */
export const SCORE_STEP = 0.5;

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

export const RubricItemSchema = v.object({
  key: key('评分项'),
  label: label('评分项名称', 60),
  /** What earns the points, shown under the item while the observer scores. */
  hint: v.optional(label('评分说明', 300)),
  max: v.pipe(
    v.number('评分项的满分必须是数字'),
    v.integer('评分项的满分必须是整数'),
    v.minValue(1, '评分项的满分至少 1 分'),
    v.maxValue(RUBRIC_LIMITS.maxPerItem, `评分项的满分不能超过 ${RUBRIC_LIMITS.maxPerItem} 分`),
  ),
});
export type RubricItem = v.InferOutput<typeof RubricItemSchema>;

export const RubricSectionSchema = v.object({
  key: key('评分部分'),
  title: label('评分部分名称', 60),
  items: v.pipe(
    v.array(RubricItemSchema),
    v.minLength(1, '每个评分部分至少要有 1 个评分项'),
    v.maxLength(RUBRIC_LIMITS.itemsPerSection, `每个评分部分最多 ${RUBRIC_LIMITS.itemsPerSection} 个评分项`),
  ),
});

const bandMin = (grade: string) =>
  v.pipe(v.number(`“${grade}”的分数线必须是数字`), v.minValue(0, `“${grade}”的分数线不能是负数`));

/** The lowest total (points) of each grade; a total under `pass` is 不合格. */
export const GradeBandsSchema = v.pipe(
  v.object({
    excellent: bandMin('优秀'),
    good: bandMin('良好'),
    pass: bandMin('合格'),
  }),
  v.check((b) => b.excellent > b.good && b.good > b.pass, '分数线应为 优秀 > 良好 > 合格'),
);
export type GradeBands = v.InferOutput<typeof GradeBandsSchema>;

export const RubricBodySchema = v.pipe(
  v.object({
    sections: v.pipe(
      v.array(RubricSectionSchema),
      v.minLength(1, '至少要有 1 个评分部分'),
      v.maxLength(RUBRIC_LIMITS.sections, `最多 ${RUBRIC_LIMITS.sections} 个评分部分`),
    ),
    bands: GradeBandsSchema,
  }),
  v.check(
    (body) => body.sections.reduce((n, s) => n + s.items.length, 0) <= RUBRIC_LIMITS.items,
    `一个评课标准最多 ${RUBRIC_LIMITS.items} 个评分项`,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    // Items already wrong (a max of 0) would only make the totals' messages confusing.
    if (!dataset.typed || dataset.issues) return;
    for (const message of bodyProblems(dataset.value)) addIssue({ message });
  }),
);
export type RubricBody = v.InferOutput<typeof RubricBodySchema>;

/**
 * What is wrong across items, each message naming the items concerned: scores are stored by item
 * key, so a key names one item across the whole rubric; the 优秀 line must be reachable. The bands
 * are lower bounds (优秀 > 良好 > 合格 > 0 is 不合格), so they cover 0..total with no gap or overlap
 * once they are in order and within the total.
 */
function bodyProblems(body: {
  sections: { key: string; title: string; items: { key: string; label: string; max: number }[] }[];
  bands: GradeBands;
}): string[] {
  const problems: string[] = [];
  const sectionOf = new Map<string, string>();
  for (const s of body.sections) {
    const first = sectionOf.get(s.key);
    if (first !== undefined) {
      problems.push(`评分部分“${first}”和“${s.title}”的编号都是“${s.key}”，请改成不同的编号`);
    } else sectionOf.set(s.key, s.title);
  }
  const itemOf = new Map<string, string>();
  for (const s of body.sections) {
    for (const i of s.items) {
      const first = itemOf.get(i.key);
      if (first !== undefined) {
        problems.push(`评分项“${first}”和“${i.label}”的编号都是“${i.key}”，请改成不同的编号`);
      } else itemOf.set(i.key, i.label);
    }
  }
  const total = maxTotal(body);
  if (body.bands.excellent > total) {
    problems.push(
      `“优秀”的分数线 ${body.bands.excellent} 分高于各评分项满分之和 ${total} 分，请降低分数线或提高评分项满分`,
    );
  }
  return problems;
}

/** The rubric's full marks: the sum of its items' maxima. */
export function maxTotal(body: { sections: { items: { max: number }[] }[] }): number {
  return body.sections.reduce((sum, s) => sum + s.items.reduce((n, i) => n + i.max, 0), 0);
}

/** The grade a total earns under the rubric's bands. */
export function gradeOf(total: number, bands: GradeBands): ObservationGrade {
  if (total >= bands.excellent) return 'excellent';
  if (total >= bands.good) return 'good';
  if (total >= bands.pass) return 'pass';
  return 'fail';
}

export interface ScoreIssue {
  path: string;
  message: string;
}

export type Scores = Record<string, number>;

/**
 * Checks an observer's scores against the rubric (every item scored, 0 to its max, in steps of
 * 0.5, no item the rubric lacks) and computes the total and grade. Issues name `scores.<item>`
 * so the phone can put each message under its item.
 */
export function scoreObservation(
  body: RubricBody,
  scores: Record<string, unknown>,
): { issues: ScoreIssue[]; total: number; grade: ObservationGrade; scores: Scores } {
  const issues: ScoreIssue[] = [];
  const known = new Set<string>();
  const clean: Scores = {};
  let total = 0;
  for (const section of body.sections) {
    for (const item of section.items) {
      known.add(item.key);
      const path = `scores.${item.key}`;
      const value = scores[item.key];
      const range = `0–${item.max} 分`;
      if (value === undefined || value === null) {
        issues.push({ path, message: `请为“${item.label}”打分（${range}）` });
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push({ path, message: `“${item.label}”的得分必须是数字（${range}）` });
      } else if (value < 0) {
        issues.push({ path, message: `“${item.label}”的得分不能是负数，请填写 ${range}` });
      } else if (value > item.max) {
        issues.push({
          path,
          message: `“${item.label}”满分 ${item.max} 分，得分不能超过满分，请改为 ${range}`,
        });
      } else if (!Number.isInteger(value / SCORE_STEP)) {
        issues.push({ path, message: `“${item.label}”的得分最小单位为 ${SCORE_STEP} 分，如 13 或 13.5` });
      } else {
        clean[item.key] = value;
        total += value;
      }
    }
  }
  for (const k of Object.keys(scores)) {
    if (!known.has(k)) {
      issues.push({
        path: `scores.${k}`,
        message: `评课标准中没有“${k}”这一评分项，请刷新评课标准后重新打分`,
      });
    }
  }
  return { issues, total, grade: gradeOf(total, body.bands), scores: clean };
}

/** A rubric shipped with the product (DOMAIN.md §5). */
export interface BuiltinRubric {
  /** Stable across releases. */
  key: string;
  name: string;
  /** Raised whenever `body` changes, so existing tenants get the new wording as a new version. */
  revision: number;
  body: v.InferInput<typeof RubricBodySchema>;
}

/**
 * Where a validation issue of a rubric body is, in words (“第 2 部分“教学内容”第 3 项“内容选取””),
 * from the body as sent: `path` is the issue's dot path inside the body (`sections.1.items.2.max`).
 * Null when the path is not inside a section.
 */
export function rubricPlace(raw: unknown, path: string): string | null {
  const m = /^sections\.(\d+)(?:\.items\.(\d+))?/.exec(path);
  if (!m) return null;
  const sections = (raw as { sections?: unknown } | null)?.sections;
  const section = Array.isArray(sections) ? (sections[Number(m[1])] as Record<string, unknown>) : undefined;
  const named = (value: unknown) => (typeof value === 'string' && value.trim() ? `“${value.trim()}”` : '');
  let place = `第 ${Number(m[1]) + 1} 部分${named(section?.title)}`;
  if (m[2] !== undefined) {
    const items = section?.items;
    const item = Array.isArray(items) ? (items[Number(m[2])] as Record<string, unknown>) : undefined;
    place += `第 ${Number(m[2]) + 1} 项${named(item?.label)}`;
  }
  return place;
}

/** Issues of a rubric body with each message prefixed by where it is, so an editor can find the item. */
export function placeRubricIssues<I extends ScoreIssue>(raw: unknown, prefix: string, issues: I[]): I[] {
  return issues.map((issue) => {
    if (!issue.path.startsWith(prefix)) return issue;
    const place = rubricPlace(raw, issue.path.slice(prefix.length));
    return place ? { ...issue, message: `${place}：${issue.message}` } : issue;
  });
}
