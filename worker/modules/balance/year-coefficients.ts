import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { basicBalance, type CountyResult, countyCoefficients, type SchoolFigures } from './coefficients';
import { BALANCE_INDICATORS, STAGES, type Stage } from './indicators';
import { remedyFor } from './remedies';
import {
  asSchoolFigures,
  type BalanceSource,
  type SchoolUnit,
  schoolsOfYear,
  schoolUnits,
  storedFigures,
} from './scope';

/** The year's figures in the pure module's shape, with names for the unit ids it keys them by. */
export async function yearInput(ctx: BalanceSource, year: number) {
  const [all, figures] = await Promise.all([schoolUnits(ctx), storedFigures(ctx, year)]);
  const inScope = schoolsOfYear(all, figures);
  const ids = new Set(inScope.map((u) => u.id));
  const schools: SchoolFigures[] = figures.filter((f) => ids.has(f.unitId)).map(asSchoolFigures);
  const byId = new Map(all.map((u) => [u.id, u]));
  const withFigures = new Set(schools.map((s) => s.name));
  return {
    units: inScope,
    schools,
    figures,
    byId,
    /** School units of the year with no figures at all: listed, never silently dropped. */
    noFigures: inScope.filter((u) => !withFigures.has(u.id)),
  };
}

const nameOf = (byId: Map<string, SchoolUnit>, id: string) => byId.get(id)?.name ?? id;

/** A stage passes when every one of its seven coefficients is at or under the line. */
export function stagePass(result: CountyResult, stage: Stage): boolean | null {
  const r = result[stage];
  if (r.schools === 0) return null;
  return Object.values(r.indicators).every((i) => i.pass);
}

/** Everything the coefficients page shows for one school year. */
export async function yearCoefficients(ctx: ServiceContext, year: number) {
  authorize(ctx.actor, 'balance.read');
  const { schools, byId, noFigures } = await yearInput(ctx, year);
  const result = countyCoefficients(schools);
  const basic = basicBalance(schools);
  const name = (id: string) => nameOf(byId, id);
  const stages = STAGES.map((stage) => {
    const r = result[stage];
    return {
      stage,
      schools: r.schools,
      pass: stagePass(result, stage),
      indicators: BALANCE_INDICATORS.map((indicator) => {
        const i = r.indicators[indicator.key];
        const failing = i.cv3 !== null && !i.pass;
        const remedy = failing ? remedyFor(indicator, stage, i.threshold, i, schools) : null;
        return {
          key: indicator.key,
          label: indicator.label,
          cv: i.cv3,
          mean: i.mean,
          threshold: i.threshold,
          pass: i.pass,
          schools: i.schools,
          missing: i.missing.map(name),
          pulls: i.contributions.slice(0, 3).map((c) => ({ ...c, unitId: c.school, school: name(c.school) })),
          remedy: remedy && {
            raise: remedy.raise && {
              ...remedy.raise,
              unitId: remedy.raise.school,
              school: name(remedy.raise.school),
            },
            toMean: remedy.toMean.map((t) => ({ ...t, unitId: t.school, school: name(t.school) })),
          },
        };
      }),
      basic: {
        composite: basic[stage].composite,
        threshold: basic[stage].threshold,
        pass: basic[stage].pass,
        indicators: Object.entries(basic[stage].indicators).map(([key, v]) => ({
          key,
          cv: v.cv3,
          missing: v.missing.length,
        })),
      },
    };
  });
  return {
    year,
    stages,
    excluded: result.excluded.map((e) => ({ unitId: e.school, school: name(e.school), reason: e.reason })),
    noFigures: noFigures.map((u) => ({ unitId: u.id, school: u.name })),
  };
}
