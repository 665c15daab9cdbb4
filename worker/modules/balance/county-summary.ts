import { desc } from 'drizzle-orm';
import { balanceFigures } from '../../../db/schema/tenant';
import { countyCoefficients } from './coefficients';
import { BALANCE_INDICATORS, STAGES } from './indicators';
import type { BalanceSource } from './scope';
import { stagePass, yearInput } from './year-coefficients';

/**
 * A county's seven coefficients per stage for one school year, as numbers only: what the province
 * compares. No school is named, so nothing personal or school-level leaves the tenant.
 */
export async function countySummary(source: BalanceSource, wanted: number | null) {
  const years = (
    await source.db
      .selectDistinct({ year: balanceFigures.schoolYear })
      .from(balanceFigures)
      .orderBy(desc(balanceFigures.schoolYear))
  ).map((r) => r.year);
  const year = wanted ?? years[0] ?? null;
  if (year === null || !years.includes(year)) return { years, year: null, stages: null };
  const { schools, units, noFigures } = await yearInput(source, year);
  const result = countyCoefficients(schools);
  return {
    years,
    year,
    schoolUnits: units.length,
    noFigures: noFigures.length,
    excluded: result.excluded.length,
    stages: STAGES.map((stage) => {
      const r = result[stage];
      return {
        stage,
        schools: r.schools,
        pass: stagePass(result, stage),
        /** Schools meeting at least six of the seven per-school minimums. */
        schoolsMeetingMinimums: r.checks.filter((c) => c.pass).length,
        indicators: BALANCE_INDICATORS.map((indicator) => {
          const i = r.indicators[indicator.key];
          return {
            key: indicator.key,
            cv: i.cv3,
            threshold: i.threshold,
            pass: i.cv3 === null ? null : i.pass,
            missing: i.missing.length,
          };
        }),
      };
    }),
  };
}

export type CountySummary = Awaited<ReturnType<typeof countySummary>>;
