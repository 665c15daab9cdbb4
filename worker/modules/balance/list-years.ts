import { and, count, eq, inArray } from 'drizzle-orm';
import { units } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { BALANCE_INDICATORS, DEFAULT_THRESHOLDS, STAGES } from './indicators';
import { schoolKindsOf } from './scope';
import { cvOfSums, yearSums } from './year-sums';

/**
 * The school years with data, newest first: how many schools, and pass/fail per stage. Summed in
 * the database (year-sums.ts): the list needs each coefficient's pass/fail only, not the schools.
 */
export async function listYears(ctx: ServiceContext) {
  authorize(ctx.actor, 'balance.read');
  const kinds = [...schoolKindsOf(ctx).keys()];
  if (kinds.length === 0) return { schoolUnits: 0, items: [] };
  const [[active], sums] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(units)
      .where(and(inArray(units.kind, kinds), eq(units.status, 'active'))),
    yearSums(ctx.db, kinds),
  ]);
  const items = sums.map((y) => ({
    year: y.year,
    schools: y.figures,
    schoolUnits: active?.n ?? 0,
    stages: STAGES.map((stage) => {
      const s = y.stages[stage];
      const cvs = BALANCE_INDICATORS.map((i) => cvOfSums(s.sums[i.key]));
      const over = (cv: number | null) => cv === null || cv > DEFAULT_THRESHOLDS[stage];
      return {
        stage,
        schools: s.schools,
        pass: s.schools === 0 ? null : !cvs.some(over),
        failing: cvs.filter((cv) => cv !== null && cv > DEFAULT_THRESHOLDS[stage]).length,
      };
    }),
  }));
  return { schoolUnits: active?.n ?? 0, items };
}

/** Each year's seven coefficients per stage, oldest first, to compare school years (summed as above). */
export async function balanceTrend(ctx: ServiceContext) {
  authorize(ctx.actor, 'balance.read');
  const kinds = [...schoolKindsOf(ctx).keys()];
  const sums = kinds.length === 0 ? [] : await yearSums(ctx.db, kinds);
  return {
    indicators: BALANCE_INDICATORS.map((i) => ({ key: i.key, short: i.short })),
    items: [...sums]
      .sort((a, b) => a.year - b.year)
      .map((y) => ({
        year: y.year,
        stages: STAGES.map((stage) => {
          const cv = Object.fromEntries(
            BALANCE_INDICATORS.map((i) => [i.key, cvOfSums(y.stages[stage].sums[i.key])]),
          );
          const threshold = DEFAULT_THRESHOLDS[stage];
          return {
            stage,
            schools: y.stages[stage].schools,
            threshold,
            pass:
              y.stages[stage].schools === 0
                ? null
                : Object.values(cv).every((c) => c !== null && c <= threshold),
            cv,
          };
        }),
      })),
  };
}
