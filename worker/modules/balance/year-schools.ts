import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { countyCoefficients } from './coefficients';
import {
  BALANCE_INDICATORS,
  BASIC_ONLY_RESOURCES,
  DEFAULT_MINIMUMS_TO_MEET,
  INDICATOR_KEYS,
  STAGES,
} from './indicators';
import { yearInput } from './year-coefficients';

/**
 * Every school unit of the year: its stored figures (or `missing: true`), its seven values per
 * stage, and the per-school minimum check (at least 6 of 7 met).
 */
export async function yearSchools(ctx: ServiceContext, year: number) {
  authorize(ctx.actor, 'balance.read');
  const { units, figures } = await yearInput(ctx, year);
  const result = countyCoefficients(
    figures
      .filter((f) => units.some((u) => u.id === f.unitId))
      .map((f) => ({
        name: f.unitId,
        kind: f.schoolKind,
        enrolment: f.enrolment,
        ...(f.enrolmentByStage ? { enrolmentByStage: f.enrolmentByStage } : {}),
        resources: f.resources,
      })),
  );
  const excluded = new Map(result.excluded.map((e) => [e.school, e.reason]));
  const figuresOf = new Map(figures.map((f) => [f.unitId, f]));
  return {
    year,
    minimumsToMeet: DEFAULT_MINIMUMS_TO_MEET,
    indicators: BALANCE_INDICATORS.map((i) => ({
      key: i.key,
      label: i.label,
      short: i.short,
      total: i.total,
      unit: i.unit,
      per100: i.per100,
      minimum: i.minimum,
    })),
    /** The basic-balance composite's own totals, entered on the same form. */
    basicResources: BASIC_ONLY_RESOURCES.map(({ key, total, unit }) => ({ key, total, unit })),
    schools: units.map((u) => {
      const f = figuresOf.get(u.id);
      if (!f)
        return { unitId: u.id, code: u.code, name: u.name, kind: u.defaultKind, missing: true as const };
      const checks = STAGES.flatMap((stage) =>
        result[stage].checks
          .filter((c) => c.school === u.id)
          .map((c) => ({
            stage,
            values: c.values,
            met: c.met,
            below: INDICATOR_KEYS.filter((k) => !c.met.includes(k)),
            pass: c.pass,
          })),
      );
      return {
        unitId: u.id,
        code: u.code,
        name: u.name,
        kind: f.schoolKind,
        missing: false as const,
        enrolment: f.enrolment,
        enrolmentByStage: f.enrolmentByStage,
        resources: f.resources,
        missingFigures: INDICATOR_KEYS.filter((k) => f.resources[k] === undefined),
        excluded: excluded.get(u.id) ?? null,
        checks,
        updatedAt: f.updatedAt,
      };
    }),
  };
}
