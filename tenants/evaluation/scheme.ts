import * as v from 'valibot';

/**
 * The body of an evaluation scheme version (评估指标体系): first-level indicators (一级指标), each
 * with second-level ones (二级指标) and optionally third-level ones. Every indicator has points
 * (分值); a parent's points are the sum of its children's, so a round can total any level. Leaves
 * carry what reviewers need beside the unit's evidence: 评估要点 (criteria), 评分说明 (guidance) and
 * 佐证材料 (the evidence asked for). Messages are Chinese because editors and importers see them.
 */

export const SCHEME_LIMITS = { levels: 3, indicators: 400, children: 40, maxPoints: 1000 } as const;

/** Points are given in half points, so totals add up exactly. */
export const POINT_STEP = 0.5;

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/;

const text = (what: string, max: number) =>
  v.pipe(
    v.string(`${what}必须是文字`),
    v.trim(),
    v.minLength(1, `请填写${what}`),
    v.maxLength(max, `${what}不能超过 ${max} 个字`),
  );
const optionalText = (what: string, max: number) =>
  v.optional(
    v.pipe(v.string(`${what}必须是文字`), v.trim(), v.maxLength(max, `${what}不能超过 ${max} 个字`)),
  );

export interface SchemeIndicator {
  key: string;
  name: string;
  points: number;
  criteria?: string | undefined;
  guidance?: string | undefined;
  evidence?: string | undefined;
  children?: SchemeIndicator[] | undefined;
}

const IndicatorSchema: v.GenericSchema<SchemeIndicator> = v.object({
  key: v.pipe(
    v.string('指标编号必须是文字'),
    v.regex(KEY, '指标编号只能用字母、数字、点、横线和下划线（如 A1、B1.2），不超过 20 个字符'),
  ),
  name: text('指标名称', 100),
  points: v.pipe(
    v.number('分值必须是数字'),
    v.minValue(POINT_STEP, `分值至少 ${POINT_STEP} 分`),
    v.maxValue(SCHEME_LIMITS.maxPoints, `分值不能超过 ${SCHEME_LIMITS.maxPoints} 分`),
    v.check((n) => Number.isInteger(n / POINT_STEP), `分值只能是整数或 .5（如 2.5）`),
  ),
  criteria: optionalText('评估要点', 2000),
  guidance: optionalText('评分说明', 2000),
  evidence: optionalText('佐证材料', 1000),
  children: v.optional(
    v.pipe(
      v.array(v.lazy(() => IndicatorSchema)),
      v.maxLength(SCHEME_LIMITS.children, `一个指标下最多 ${SCHEME_LIMITS.children} 个下级指标`),
    ),
  ),
});

export interface SchemeBody {
  indicators: SchemeIndicator[];
}

/** Walks the tree depth-first with each indicator's level (1 = 一级) and parent. */
export function* walkIndicators(
  indicators: readonly SchemeIndicator[],
  level = 1,
  parent: SchemeIndicator | null = null,
): Generator<{ indicator: SchemeIndicator; level: number; parent: SchemeIndicator | null; path: string }> {
  for (const [i, indicator] of indicators.entries()) {
    yield { indicator, level, parent, path: `${i}` };
    if (indicator.children?.length) {
      for (const inner of walkIndicators(indicator.children, level + 1, indicator)) {
        yield { ...inner, path: `${i}.children.${inner.path}` };
      }
    }
  }
}

/** The problems a tree can have beyond each indicator's own fields, each named by indicator. */
export function treeProblems(body: SchemeBody): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let count = 0;
  for (const { indicator, level } of walkIndicators(body.indicators)) {
    count++;
    if (seen.has(indicator.key)) problems.push(`指标编号“${indicator.key}”重复了，每个指标的编号必须不同`);
    seen.add(indicator.key);
    if (level > SCHEME_LIMITS.levels) {
      problems.push(
        `指标“${indicator.key} ${indicator.name}”是第 ${level} 级：指标体系最多 ${SCHEME_LIMITS.levels} 级`,
      );
    }
    const children = indicator.children ?? [];
    if (children.length > 0) {
      const sum = children.reduce((s, c) => s + c.points, 0);
      if (Math.abs(sum - indicator.points) > 1e-9) {
        problems.push(
          `指标“${indicator.key} ${indicator.name}”为 ${indicator.points} 分，但其下级指标合计 ${sum} 分：两者应相等`,
        );
      }
    }
  }
  if (count > SCHEME_LIMITS.indicators) problems.push(`指标总数不能超过 ${SCHEME_LIMITS.indicators} 个`);
  return problems;
}

export const SchemeBodySchema = v.pipe(
  v.object({
    indicators: v.pipe(
      v.array(IndicatorSchema),
      v.minLength(1, '至少要有 1 个一级指标'),
      v.maxLength(SCHEME_LIMITS.children, `一级指标最多 ${SCHEME_LIMITS.children} 个`),
    ),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const message of treeProblems(dataset.value)) addIssue({ message });
  }),
);

/** Full marks of a scheme: the sum of its first-level indicators. */
export function schemeTotal(body: SchemeBody): number {
  return body.indicators.reduce((sum, i) => sum + i.points, 0);
}

/** The indicators reviewers score: those without children. */
export function leafIndicators(body: SchemeBody): SchemeIndicator[] {
  return [...walkIndicators(body.indicators)]
    .filter((w) => !w.indicator.children?.length)
    .map((w) => w.indicator);
}

export interface BuiltinScheme {
  key: string;
  revision: number;
  name: string;
  kind: 'developmental' | 'government' | 'kindergarten' | 'acceptance' | 'other';
  body: SchemeBody;
}
