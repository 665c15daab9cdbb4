import { type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { round3 } from './coefficients';
import {
  BALANCE_INDICATORS,
  type IndicatorKey,
  STAGES,
  type Stage,
  TEACHING_POINT_MIN_ENROLMENT,
} from './indicators';

/**
 * The seven coefficients of every stored year, summed in the database, for the list of years: with
 * 300 schools × 10 years, reading every school's figures to list ten lines cost far more than the
 * list is worth. Per stage and indicator the database gives P = Σ Pᵢ, R = Σ Rᵢ and Q = Σ Rᵢ² / Pᵢ
 * over the schools' stage parts that have the figure; then, with the definition of
 * coefficients.ts, X̄ = R / P and S² = Q / P − X̄², so CV = √(P·Q − R²) / R. The parts are made as
 * `stageParts` makes them: a 教学点 under 50 students left out, a school of two or three stages
 * split by the student weights (1 : 1.1, 1 : 1.2, 1 : 1.1 : 1.32). `coefficients.ts` stays the one
 * definition; a test checks that both give the same figures.
 */

const num = (json: SQL, key: string) => sql`coalesce(json_extract(${json}, ${`$.${key}`}), 0)`;

/** Each school's weighted enrolment Σ wₛPₛ, the divisor of its stage shares. */
function weightedEnrolment(kind: SQL, enrolment: SQL, byStage: SQL): SQL {
  const p = num(byStage, 'primary');
  const j = num(byStage, 'junior');
  const s = num(byStage, 'senior');
  return sql`CASE ${kind}
    WHEN '九年一贯制' THEN ${p} + 1.1 * ${j}
    WHEN '完全中学' THEN ${j} + 1.2 * ${s}
    WHEN '十二年一贯制' THEN ${p} + 1.1 * ${j} + 1.32 * ${s}
    ELSE ${enrolment} END`;
}

/** A stage's enrolment in a school and the weight of one of its students. */
function stageEnrolment(stage: Stage, kind: SQL, enrolment: SQL, byStage: SQL) {
  if (stage === 'primary') {
    return {
      students: sql`CASE WHEN ${kind} IN ('小学', '教学点') THEN ${enrolment}
        WHEN ${kind} IN ('九年一贯制', '十二年一贯制') THEN ${num(byStage, 'primary')} ELSE 0 END`,
      weight: sql`1.0`,
    };
  }
  return {
    students: sql`CASE WHEN ${kind} = '初中' THEN ${enrolment}
      WHEN ${kind} IN ('九年一贯制', '完全中学', '十二年一贯制') THEN ${num(byStage, 'junior')} ELSE 0 END`,
    weight: sql`CASE WHEN ${kind} IN ('九年一贯制', '十二年一贯制') THEN 1.1 ELSE 1.0 END`,
  };
}

export interface StageSums {
  schools: number;
  sums: Record<IndicatorKey, { p: number; r: number; q: number }>;
}

export interface YearSums {
  year: number;
  /** Schools with figures that year (教学点 under 50 included: they are listed as left out). */
  figures: number;
  stages: Record<Stage, StageSums>;
}

/** The sums of every year with figures, for the school units whose kinds are given. */
export async function yearSums(db: TenantDb, schoolKinds: string[]): Promise<YearSums[]> {
  if (schoolKinds.length === 0) return [];
  const kind = sql.raw('school_kind');
  const enrolment = sql.raw('enrolment');
  const byStage = sql.raw('enrolment_by_stage');
  const weighted = weightedEnrolment(kind, enrolment, byStage);
  const parts = STAGES.map((stage) => {
    const { students, weight } = stageEnrolment(stage, kind, enrolment, byStage);
    return sql`SELECT school_year AS y, ${stage} AS stage, resources AS r, ${students} AS p,
      ${weight} * ${students} / (${weighted}) AS share
      FROM f WHERE NOT (school_kind = '教学点' AND enrolment < ${TEACHING_POINT_MIN_ENROLMENT})`;
  });
  const columns = BALANCE_INDICATORS.map((i, n) => {
    const value = sql`json_extract(r, ${`$.${i.key}`})`;
    return sql`sum(CASE WHEN ${value} IS NOT NULL THEN p END) AS ${sql.raw(`p${n}`)},
      sum(${value} * share) AS ${sql.raw(`r${n}`)},
      sum(${value} * share * ${value} * share / p) AS ${sql.raw(`q${n}`)}`;
  });
  const kinds = sql.join(
    schoolKinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const rows = await db.all<Record<string, number | string | null>>(sql`WITH f AS (
      SELECT * FROM balance_figures WHERE unit_id IN (SELECT id FROM units WHERE kind IN (${kinds}))
    ), parts AS (${sql.join(parts, sql` UNION ALL `)})
    SELECT y, stage, count(*) AS schools, ${sql.join(columns, sql`, `)} FROM parts WHERE p > 0 GROUP BY y, stage`);
  const counts = await db.all<{ year: number; n: number }>(
    sql`SELECT school_year AS year, count(*) AS n FROM balance_figures WHERE unit_id IN (SELECT id FROM units WHERE kind IN (${kinds})) GROUP BY school_year ORDER BY school_year DESC`,
  );
  const empty = (): StageSums => ({
    schools: 0,
    sums: Object.fromEntries(
      BALANCE_INDICATORS.map((i) => [i.key, { p: 0, r: 0, q: 0 }]),
    ) as StageSums['sums'],
  });
  const byYear = new Map<number, YearSums>();
  for (const { year, n } of counts) {
    byYear.set(Number(year), {
      year: Number(year),
      figures: Number(n),
      stages: { primary: empty(), junior: empty() },
    });
  }
  for (const row of rows) {
    const target = byYear.get(Number(row.y))?.stages[row.stage as Stage];
    if (!target) continue;
    target.schools = Number(row.schools);
    BALANCE_INDICATORS.forEach((i, n) => {
      target.sums[i.key] = {
        p: Number(row[`p${n}`] ?? 0),
        r: Number(row[`r${n}`] ?? 0),
        q: Number(row[`q${n}`] ?? 0),
      };
    });
  }
  return [...byYear.values()];
}

/** CV from the sums, to 3 decimals as published (null without data or with a mean of 0). */
export function cvOfSums(s: { p: number; r: number; q: number }): number | null {
  if (s.p === 0 || s.r === 0) return null;
  return round3(Math.sqrt(Math.max(0, s.p * s.q - s.r * s.r)) / s.r);
}
