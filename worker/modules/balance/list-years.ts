import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { balanceFigures, units } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { countyCoefficients } from './coefficients';
import { BALANCE_INDICATORS, DEFAULT_THRESHOLDS, STAGES } from './indicators';
import { asSchoolFigures, type StoredFigures, schoolKindsOf, schoolUnits } from './scope';
import { stagePass } from './year-coefficients';
import { cvOfSums, yearSums } from './year-sums';

/** Every stored year's figures, grouped by year, counting only the tenant's school units. */
async function figuresByYear(ctx: ServiceContext) {
  const all = await schoolUnits(ctx);
  if (all.length === 0) return { all, years: new Map<number, StoredFigures[]>() };
  const ids = new Set(all.map((u) => u.id));
  const rows = await ctx.db.select().from(balanceFigures).orderBy(asc(balanceFigures.schoolYear));
  const years = new Map<number, StoredFigures[]>();
  for (const r of rows) {
    if (!ids.has(r.unitId)) continue;
    const list = years.get(r.schoolYear) ?? [];
    list.push({
      unitId: r.unitId,
      schoolKind: r.schoolKind as StoredFigures['schoolKind'],
      enrolment: r.enrolment,
      enrolmentByStage: r.enrolmentByStage ?? null,
      resources: r.resources,
      updatedAt: r.updatedAt,
    });
    years.set(r.schoolYear, list);
  }
  return { all, years };
}

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

/** Each year's seven coefficients per stage, oldest first, to compare school years. */
export async function balanceTrend(ctx: ServiceContext) {
  authorize(ctx.actor, 'balance.read');
  const { years } = await figuresByYear(ctx);
  return {
    indicators: BALANCE_INDICATORS.map((i) => ({ key: i.key, short: i.short })),
    items: [...years.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([year, figures]) => {
        const result = countyCoefficients(figures.map(asSchoolFigures));
        return {
          year,
          stages: STAGES.map((stage) => ({
            stage,
            schools: result[stage].schools,
            threshold: result[stage].indicators.qualified_teachers.threshold,
            pass: stagePass(result, stage),
            cv: Object.fromEntries(
              BALANCE_INDICATORS.map((i) => [i.key, result[stage].indicators[i.key].cv3]),
            ),
          })),
        };
      }),
  };
}

export { figuresByYear };
