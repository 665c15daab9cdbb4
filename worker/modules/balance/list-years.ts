import { asc } from 'drizzle-orm';
import { balanceFigures } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { countyCoefficients } from './coefficients';
import { BALANCE_INDICATORS, STAGES } from './indicators';
import { asSchoolFigures, type StoredFigures, schoolUnits } from './scope';
import { stagePass } from './year-coefficients';

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

/** The school years with data, newest first: how many schools, and pass/fail per stage. */
export async function listYears(ctx: ServiceContext) {
  authorize(ctx.actor, 'balance.read');
  const { all, years } = await figuresByYear(ctx);
  const active = all.filter((u) => !u.archived).length;
  const items = [...years.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, figures]) => {
      const result = countyCoefficients(figures.map(asSchoolFigures));
      return {
        year,
        schools: figures.length,
        schoolUnits: active,
        stages: STAGES.map((stage) => ({
          stage,
          schools: result[stage].schools,
          pass: stagePass(result, stage),
          failing: Object.values(result[stage].indicators).filter((i) => i.cv3 !== null && !i.pass).length,
        })),
      };
    });
  return { schoolUnits: active, items };
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
