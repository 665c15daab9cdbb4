/**
 * Difference coefficients (差异系数) of 县域义务教育优质均衡 (教督〔2017〕6号), exactly as DOMAIN.md §1
 * defines them. Pure: no database, no clock; the Worker, the `npm run coefficients` command and the
 * tests all call these functions.
 *
 * For the schools i of one stage (小学 or 初中), with enrolment Pᵢ and resource total Rᵢ:
 *   Xᵢ = Rᵢ / Pᵢ (× 100 for the 每百名学生 indicators), P = Σ Pᵢ, X̄ = Σ Rᵢ / P (× 100 likewise),
 *   S = √( Σ (Pᵢ / P) · (Xᵢ − X̄)² ), CV = S / X̄.
 * That is the enrolment-weighted (population) form the national monitoring uses; the unweighted
 * CV of the Xᵢ is a different number and is never computed here. Published tables give CV to 3
 * decimals and the pass/fail is read from that rounded figure.
 *
 * Scope: 小学 and 初中 of every compulsory school; special-education and vocational schools are not
 * passed in; a 教学点 under 50 students is left out (and listed as left out). A school with two or
 * three stages splits each resource by student weights: 九年一贯制 小学生 : 初中生 = 1 : 1.1,
 * 完全中学 初中生 : 高中生 = 1 : 1.2, 十二年一贯制 1 : 1.1 : 1.32; the 高中 share leaves the
 * computation.
 */
import {
  BALANCE_INDICATORS,
  BASIC_BALANCE_INDICATORS,
  type BasicIndicatorKey,
  DEFAULT_BASIC_THRESHOLDS,
  DEFAULT_MINIMUMS_TO_MEET,
  DEFAULT_THRESHOLDS,
  type Indicator,
  type IndicatorKey,
  type ResourceKey,
  STAGES,
  type Stage,
  TEACHING_POINT_MIN_ENROLMENT,
} from './indicators';

export const SCHOOL_KINDS = ['小学', '初中', '九年一贯制', '完全中学', '十二年一贯制', '教学点'] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

type StageOrSenior = Stage | 'senior';

/** The stages a kind of school teaches and the weight of one student of each. */
const STAGE_WEIGHTS: Record<SchoolKind, Partial<Record<StageOrSenior, number>>> = {
  小学: { primary: 1 },
  教学点: { primary: 1 },
  初中: { junior: 1 },
  九年一贯制: { primary: 1, junior: 1.1 },
  完全中学: { junior: 1, senior: 1.2 },
  十二年一贯制: { primary: 1, junior: 1.1, senior: 1.32 },
};

/** The stages whose enrolment a school of this kind must give separately. */
export function stagesOf(kind: SchoolKind): StageOrSenior[] {
  return Object.keys(STAGE_WEIGHTS[kind]) as StageOrSenior[];
}

export interface SchoolFigures {
  name: string;
  kind: SchoolKind;
  /** The whole school's enrolment. */
  enrolment: number;
  /** Per stage, for a school of more than one stage; must add up to `enrolment`. */
  enrolmentByStage?: Partial<Record<StageOrSenior, number>>;
  /** The school's resource totals (teachers, m², 元, rooms); a missing key is missing data. */
  resources: Partial<Record<ResourceKey, number>>;
}

/** One stage of one school, with its share of the school's resources. */
export interface StagePart {
  school: string;
  stage: Stage;
  enrolment: number;
  resources: Partial<Record<ResourceKey, number>>;
}

export interface Exclusion {
  school: string;
  reason: string;
}

/**
 * The school's 小学 and 初中 parts. Shared resources are split by student weights: with weights wₛ
 * and enrolments Pₛ, stage s gets R · wₛPₛ / Σ wₜPₜ (DOMAIN.md's example: 23226 books, 166 小学生,
 * 210 初中生 → 9711.6 and 13514.4).
 */
export function stageParts(school: SchoolFigures): { parts: StagePart[]; excluded?: Exclusion } {
  if (!(school.enrolment > 0)) throw new RangeError(`${school.name}: enrolment must be positive`);
  if (school.kind === '教学点' && school.enrolment < TEACHING_POINT_MIN_ENROLMENT) {
    return {
      parts: [],
      excluded: {
        school: school.name,
        reason: `教学点，学生 ${school.enrolment} 人，不足 ${TEACHING_POINT_MIN_ENROLMENT} 人`,
      },
    };
  }
  const weights = STAGE_WEIGHTS[school.kind];
  const stages = stagesOf(school.kind);
  const enrolmentOf = (s: StageOrSenior) =>
    stages.length === 1 ? school.enrolment : (school.enrolmentByStage?.[s] ?? 0);
  const weighted = stages.reduce((sum, s) => sum + (weights[s] ?? 0) * enrolmentOf(s), 0);
  const parts: StagePart[] = [];
  for (const stage of STAGES) {
    const enrolment = enrolmentOf(stage);
    if (!stages.includes(stage) || enrolment <= 0) continue;
    const share = ((weights[stage] ?? 0) * enrolment) / weighted;
    const resources: Partial<Record<ResourceKey, number>> = {};
    for (const [key, total] of Object.entries(school.resources) as [ResourceKey, number][]) {
      resources[key] = total * share;
    }
    parts.push({ school: school.name, stage, enrolment, resources });
  }
  return { parts };
}

/** A school's value of an indicator: per student, or per hundred students. */
export function indicatorValue(
  indicator: Pick<Indicator, 'per100'>,
  total: number,
  enrolment: number,
): number {
  return ((indicator.per100 ? 100 : 1) * total) / enrolment;
}

export interface Contribution {
  school: string;
  value: number;
  /** The school's share of Σ (Pᵢ / P)(Xᵢ − X̄)²: who pulls the coefficient up, and how much. */
  share: number;
}

export interface Coefficient {
  /** S / X̄; null when the mean is 0 (nobody has any of it) or there is no school. */
  cv: number | null;
  mean: number;
  sd: number;
  contributions: Contribution[];
}

/** The enrolment-weighted coefficient of one indicator over the given parts (all with data). */
export function weightedCoefficient(
  indicator: { per100: boolean },
  parts: readonly { school: string; enrolment: number; total: number }[],
): Coefficient {
  const population = parts.reduce((sum, p) => sum + p.enrolment, 0);
  if (population === 0) return { cv: null, mean: 0, sd: 0, contributions: [] };
  const mean = indicatorValue(
    indicator,
    parts.reduce((sum, p) => sum + p.total, 0),
    population,
  );
  const terms = parts.map((p) => {
    const value = indicatorValue(indicator, p.total, p.enrolment);
    return { school: p.school, value, term: (p.enrolment / population) * (value - mean) ** 2 };
  });
  const variance = terms.reduce((sum, t) => sum + t.term, 0);
  const sd = Math.sqrt(variance);
  return {
    cv: mean === 0 ? null : sd / mean,
    mean,
    sd,
    contributions: terms
      .map((t) => ({ school: t.school, value: t.value, share: variance === 0 ? 0 : t.term / variance }))
      .sort((a, b) => b.share - a.share),
  };
}

/** Three decimals, as published tables give the coefficient. */
export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export interface IndicatorResult extends Coefficient {
  key: IndicatorKey;
  /** `cv` rounded to 3 decimals; pass/fail is read from it. */
  cv3: number | null;
  threshold: number;
  pass: boolean;
  /** Schools counted in it. */
  schools: number;
  /** Schools of the stage without this figure: named, never silently dropped. */
  missing: string[];
}

export interface SchoolCheck {
  school: string;
  stage: Stage;
  values: Partial<Record<IndicatorKey, number>>;
  /** Indicators whose per-school minimum the school meets. */
  met: IndicatorKey[];
  /** Meets at least `minimumsToMeet` of the seven (missing figures count as not met). */
  pass: boolean;
}

export interface StageResult {
  stage: Stage;
  schools: number;
  indicators: Record<IndicatorKey, IndicatorResult>;
  checks: SchoolCheck[];
}

export interface CountyResult {
  primary: StageResult;
  junior: StageResult;
  excluded: Exclusion[];
}

export interface CountyOptions {
  thresholds?: Record<Stage, number>;
  minimumsToMeet?: number;
}

/** Each school's stage parts, and the schools left out, for one school year. */
function partsByStage(schools: readonly SchoolFigures[]) {
  const excluded: Exclusion[] = [];
  const byStage: Record<Stage, StagePart[]> = { primary: [], junior: [] };
  for (const school of schools) {
    const split = stageParts(school);
    if (split.excluded) excluded.push(split.excluded);
    for (const part of split.parts) byStage[part.stage].push(part);
  }
  return { byStage, excluded };
}

/** One indicator's coefficient over the parts that have its figure, naming those that do not. */
function indicatorOver(indicator: { key: ResourceKey; per100: boolean }, parts: readonly StagePart[]) {
  const withData = parts.filter((p) => p.resources[indicator.key] !== undefined);
  const coefficient = weightedCoefficient(
    indicator,
    withData.map((p) => ({
      school: p.school,
      enrolment: p.enrolment,
      total: p.resources[indicator.key] as number,
    })),
  );
  return {
    coefficient,
    cv3: coefficient.cv === null ? null : round3(coefficient.cv),
    schools: withData.length,
    missing: parts.filter((p) => p.resources[indicator.key] === undefined).map((p) => p.school),
  };
}

export interface BasicStageResult {
  stage: Stage;
  schools: number;
  /** Each of the eight coefficients to 3 decimals (null without data). */
  indicators: Record<BasicIndicatorKey, { cv3: number | null; missing: string[] }>;
  /** The plain mean of the eight coefficients, to 3 decimals; null if any is missing. */
  composite: number | null;
  threshold: number;
  pass: boolean;
}

/**
 * The basic-balance composite of 教督〔2012〕3号 for 小学 and 初中: the same weighted coefficient
 * per indicator, then their plain mean, read to 3 decimals against 0.65 / 0.55. A composite
 * with an indicator nobody has data for is not given (null, not passed).
 */
export function basicBalance(
  schools: readonly SchoolFigures[],
  thresholds: Record<Stage, number> = DEFAULT_BASIC_THRESHOLDS,
): { primary: BasicStageResult; junior: BasicStageResult; excluded: Exclusion[] } {
  const { byStage, excluded } = partsByStage(schools);
  const stageResult = (stage: Stage): BasicStageResult => {
    const indicators = {} as BasicStageResult['indicators'];
    const cvs: (number | null)[] = [];
    for (const indicator of BASIC_BALANCE_INDICATORS) {
      const { coefficient, cv3, missing } = indicatorOver(indicator, byStage[stage]);
      indicators[indicator.key] = { cv3, missing };
      cvs.push(coefficient.cv);
    }
    const complete = cvs.every((cv) => cv !== null) && byStage[stage].length > 0;
    const composite = complete ? round3((cvs as number[]).reduce((a, b) => a + b, 0) / cvs.length) : null;
    return {
      stage,
      schools: byStage[stage].length,
      indicators,
      composite,
      threshold: thresholds[stage],
      pass: composite !== null && composite <= thresholds[stage],
    };
  };
  return { primary: stageResult('primary'), junior: stageResult('junior'), excluded };
}

/** Every coefficient of a county for one school year, with each school's minimums checked. */
export function countyCoefficients(
  schools: readonly SchoolFigures[],
  options: CountyOptions = {},
): CountyResult {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const minimumsToMeet = options.minimumsToMeet ?? DEFAULT_MINIMUMS_TO_MEET;
  const { byStage, excluded } = partsByStage(schools);
  const stageResult = (stage: Stage): StageResult => {
    const parts = byStage[stage];
    const indicators = {} as Record<IndicatorKey, IndicatorResult>;
    for (const indicator of BALANCE_INDICATORS) {
      const { coefficient, cv3, schools: counted, missing } = indicatorOver(indicator, parts);
      indicators[indicator.key] = {
        key: indicator.key,
        ...coefficient,
        cv3,
        threshold: thresholds[stage],
        pass: cv3 !== null && cv3 <= thresholds[stage],
        schools: counted,
        missing,
      };
    }
    const checks = parts.map((part) => {
      const values: Partial<Record<IndicatorKey, number>> = {};
      const met: IndicatorKey[] = [];
      for (const indicator of BALANCE_INDICATORS) {
        const total = part.resources[indicator.key];
        if (total === undefined) continue;
        const value = indicatorValue(indicator, total, part.enrolment);
        values[indicator.key] = value;
        if (value >= indicator.minimum[stage]) met.push(indicator.key);
      }
      return { school: part.school, stage, values, met, pass: met.length >= minimumsToMeet };
    });
    return { stage, schools: parts.length, indicators, checks };
  };
  return { primary: stageResult('primary'), junior: stageResult('junior'), excluded };
}
