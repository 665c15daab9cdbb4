import type { TenantDb } from '../../db/client';
import { balanceFigures } from '../../db/schema/tenant';
import {
  countyCoefficients,
  type SchoolFigures,
  type SchoolKind,
} from '../../worker/modules/balance/coefficients';
import { STAGE_SCHOOL_KIND } from '../../worker/modules/balance/scope';
import { seededRandom } from './seeded-random';
import type { DemoTenant } from './types';

/** Resources per student of an ordinary school: every indicator well over its minimum. */
const PER_STUDENT = {
  qualified_teachers: 0.066,
  backbone_teachers: 0.017,
  pe_art_teachers: 0.013,
  teaching_area: 6.6,
  sports_area: 11.5,
  equipment_value: 3300,
  multimedia_rooms: 0.033,
} as const;
/**
 * Per student, the four totals only the basic-balance composite (教督〔2012〕3号) needs: 12
 * computers and about 30 books per hundred and per student, a 1 : 13 teacher ratio, half the
 * teachers with a 中级 title or above.
 */
const BASIC_PER_STUDENT = {
  computers: 0.12,
  books: 30,
  teachers: 0.077,
  senior_title_teachers: 0.04,
} as const;
const WHOLE = new Set([
  'qualified_teachers',
  'backbone_teachers',
  'pe_art_teachers',
  'multimedia_rooms',
  'computers',
  'books',
  'teachers',
  'senior_title_teachers',
]);

/** The school that lacked a sports ground in the older year, and got one after. */
const LAGGING = 'sports_area';

export interface DemoYear {
  year: number;
  schools: (SchoolFigures & { unitKey: string })[];
}

/**
 * Two school years of plausible figures for the demo's compulsory schools: in the older one the
 * largest 初中 (a crowded town school) has almost no sports ground, which pulls that 初中 coefficient over 0.45; the next
 * year it has a new one and every coefficient passes. Deterministic, so the page tells the same
 * story on every start.
 */
export function demoBalanceYears(demo: DemoTenant, currentSchoolYear: number): DemoYear[] {
  const kinds = new Map<string, SchoolKind>();
  for (const k of demo.config.unitKinds) {
    const kind = STAGE_SCHOOL_KIND[k.stage];
    if (kind) kinds.set(k.key, kind);
  }
  const units = demo.units.filter((u) => kinds.has(u.kind));
  if (units.length === 0) return [];
  const juniors = units.filter((u) => kinds.get(u.kind) === '初中');
  const lagging = [...juniors].sort((a, b) => (b.enrolment ?? 0) - (a.enrolment ?? 0))[0]?.key;
  return [currentSchoolYear - 1, currentSchoolYear].map((year, index) => {
    const rnd = seededRandom(year * 7 + 11);
    // A second sequence for the basic-balance totals, so the seven figures stay as they were.
    const basicRnd = seededRandom(year * 13 + 5);
    const schools = units.map((u) => {
      const kind = kinds.get(u.kind) as SchoolKind;
      // Enrolment moves a little from year to year.
      const enrolment = Math.max(30, Math.round((u.enrolment ?? 500) * (index === 0 ? 0.97 : 1)));
      const scale = 0.85 + rnd() * 0.3;
      const resources: Record<string, number> = {};
      for (const [key, rate] of Object.entries(PER_STUDENT)) {
        let total = rate * enrolment * scale * (0.92 + rnd() * 0.16);
        if (key === LAGGING && u.key === lagging && index === 0) total = 0.6 * enrolment;
        resources[key] = WHOLE.has(key) ? Math.max(1, Math.round(total)) : Math.round(total);
      }
      for (const [key, rate] of Object.entries(BASIC_PER_STUDENT)) {
        const total = rate * enrolment * scale * (0.9 + basicRnd() * 0.2);
        resources[key] = Math.max(1, Math.round(total));
      }
      const split =
        kind === '九年一贯制'
          ? { primary: Math.round(enrolment * 0.6), junior: enrolment - Math.round(enrolment * 0.6) }
          : kind === '完全中学'
            ? { junior: Math.round(enrolment * 0.45), senior: enrolment - Math.round(enrolment * 0.45) }
            : null;
      return {
        unitKey: u.key,
        name: u.key,
        kind,
        enrolment,
        ...(split ? { enrolmentByStage: split } : {}),
        resources,
      };
    });
    return { year, schools };
  });
}

/** The demo years' rows, for the seeding batch. */
export async function seedDemoBalance(
  db: TenantDb,
  demo: DemoTenant,
  unitIds: Map<string, string>,
  currentSchoolYear: number,
  userId: string,
) {
  const years = demoBalanceYears(demo, currentSchoolYear);
  const now = new Date().toISOString();
  for (const { year, schools } of years) {
    const rows = schools.flatMap((s) => {
      const unitId = unitIds.get(s.unitKey);
      return unitId
        ? [
            {
              schoolYear: year,
              unitId,
              schoolKind: s.kind,
              enrolment: s.enrolment,
              enrolmentByStage: (s.enrolmentByStage as Record<string, number> | undefined) ?? null,
              resources: s.resources as Record<string, number>,
              updatedBy: userId,
              updatedAt: now,
            },
          ]
        : [];
    });
    if (rows.length) await db.insert(balanceFigures).values(rows);
  }
}

/** For the test of the story: the 初中 coefficients of each demo year. */
export function demoJuniorCoefficients(demo: DemoTenant, currentSchoolYear: number) {
  return demoBalanceYears(demo, currentSchoolYear).map((y) => ({
    year: y.year,
    result: countyCoefficients(y.schools),
  }));
}
