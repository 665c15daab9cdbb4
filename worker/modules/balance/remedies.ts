import {
  type Coefficient,
  round3,
  type SchoolFigures,
  type StagePart,
  stageParts,
  weightedCoefficient,
} from './coefficients';
import { type Indicator, type Stage, TEACHING_POINT_MIN_ENROLMENT } from './indicators';

/**
 * What would bring a failing coefficient under its line, computed on the year's own figures and
 * never a slogan. Two honest answers:
 * - `raise`: the smallest increase of the lowest school's resource total (the others unchanged)
 *   that puts the 3-decimal coefficient at or under the line, or null when that school alone
 *   cannot get it there;
 * - `toMean`: for each school that pulls most, the coefficient if that school were at the
 *   county's mean (its total raised or lowered to mean × enrolment).
 */
export interface Remedy {
  raise: {
    school: string;
    value: number;
    /** The school's whole resource total now and the total it would need (its own unit). */
    total: number;
    needed: number;
    add: number;
    cvAfter: number;
  } | null;
  toMean: { school: string; value: number; cvAfter: number | null }[];
}

interface Part {
  school: string;
  enrolment: number;
  total: number;
}

const cvOf = (indicator: Indicator, parts: Part[]) => weightedCoefficient(indicator, parts).cv;

/** The share of a school's resource that goes to this stage (1 for a one-stage school). */
function stageShare(school: SchoolFigures, stage: Stage): number {
  const probe = stageParts({ ...school, resources: { qualified_teachers: 1 } });
  return probe.parts.find((p: StagePart) => p.stage === stage)?.resources.qualified_teachers ?? 0;
}

export function remedyFor(
  indicator: Indicator,
  stage: Stage,
  threshold: number,
  result: Coefficient,
  schools: readonly SchoolFigures[],
): Remedy {
  const parts: Part[] = [];
  for (const school of schools) {
    if (school.kind === '教学点' && school.enrolment < TEACHING_POINT_MIN_ENROLMENT) continue;
    for (const p of stageParts(school).parts) {
      const total = p.resources[indicator.key];
      if (p.stage === stage && total !== undefined) {
        parts.push({ school: p.school, enrolment: p.enrolment, total });
      }
    }
  }
  const per = indicator.per100 ? 100 : 1;
  const toMean = result.contributions.slice(0, 3).map((c) => {
    const moved = parts.map((p) =>
      p.school === c.school ? { ...p, total: (result.mean * p.enrolment) / per } : p,
    );
    const cv = cvOf(indicator, moved);
    return { school: c.school, value: c.value, cvAfter: cv === null ? null : round3(cv) };
  });

  const lowest = [...parts].sort((a, b) => a.total / a.enrolment - b.total / b.enrolment)[0];
  let raise: Remedy['raise'] = null;
  if (lowest && parts.length > 1) {
    const at = (add: number) =>
      cvOf(
        indicator,
        parts.map((p) => (p === lowest ? { ...p, total: p.total + add } : p)),
      ) ?? Number.POSITIVE_INFINITY;
    // The coefficient falls as the school nears the mean and rises past it: find its lowest point.
    const highest = Math.max(...parts.map((p) => (p.total / p.enrolment) * lowest.enrolment));
    let lo = 0;
    let hi = Math.max(highest - lowest.total, 0);
    for (let i = 0; i < 80; i++) {
      const a = lo + (hi - lo) / 3;
      const b = hi - (hi - lo) / 3;
      if (at(a) <= at(b)) hi = b;
      else lo = a;
    }
    const best = (lo + hi) / 2;
    if (round3(at(best)) <= threshold) {
      let low = 0;
      let high = best;
      for (let i = 0; i < 80; i++) {
        const mid = (low + high) / 2;
        if (round3(at(mid)) <= threshold) high = mid;
        else low = mid;
      }
      const school = schools.find((s) => s.name === lowest.school);
      const share = school ? stageShare(school, stage) : 1;
      // The stage's share of the added total; a two-stage school must add more to the whole.
      const exact = share > 0 ? high / share : high;
      // Teachers and rooms come whole: round up, as long as that still passes.
      const whole = indicator.unit === '人' || indicator.unit === '间';
      const rounded = whole ? Math.ceil(exact - 1e-9) : Math.round(exact * 100) / 100;
      const roundedOk = round3(at(rounded * (share > 0 ? share : 1))) <= threshold;
      const add = roundedOk ? rounded : exact;
      const total = school?.resources[indicator.key] ?? lowest.total;
      raise = {
        school: lowest.school,
        value: (per * lowest.total) / lowest.enrolment,
        total,
        needed: total + add,
        add,
        cvAfter: round3(at(add * (share > 0 ? share : 1))),
      };
    }
  }
  return { raise, toMean };
}
