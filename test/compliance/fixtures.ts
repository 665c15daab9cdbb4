import { observations } from '../../db/schema/tenant';
import { addDays } from '../../worker/dates';
import { semesterSpan } from '../../worker/modules/compliance/quotas';
import { builtinRubricVersion } from '../observations/fixtures';
import { tenantDbOf } from '../support/api';
import { TEST_TENANTS } from '../support/tenants';

export const SEMESTERS = { autumnStartMonth: 9, springStartMonth: 2 };

export function compliancePath(tenant: string, rest = '') {
  return `/api/t/${tenant}/teaching/compliance${rest}`;
}

/** The tenant's quota roles in order (college 8/16/20, county 10/16/20). */
export function quotaRolesOf(tenant: string) {
  const t = TEST_TENANTS.find((x) => x.slug === tenant);
  if (!t) throw new Error(`no test tenant ${tenant}`);
  return t.config.observationQuotas.roles;
}

/**
 * `count` observations by `observerId` in `semester`, written straight to the database (the record
 * verb refuses lessons more than a year back, and a past semester's figures must be fixed).
 * `options.day` defaults to the tenth day of the semester.
 */
export async function insertObservations(
  tenant: string,
  observerId: string,
  teacherId: string,
  semester: string,
  count: number,
  options: { day?: string; unitId?: string | null } = {},
) {
  if (count === 0) return;
  const db = await tenantDbOf(tenant);
  const rubricVersionId = await builtinRubricVersion(tenant);
  const observedOn = options.day ?? addDays(semesterSpan(semester, SEMESTERS).from, 9);
  const now = new Date().toISOString();
  await db.insert(observations).values(
    Array.from({ length: count }, (_, i) => {
      const id = crypto.randomUUID();
      return {
        id,
        observerId,
        teacherId,
        unitId: options.unitId ?? null,
        course: '机械制图',
        className: `2025级机电${i + 1}班`,
        observedOn,
        period: (i % 8) + 1,
        lessonType: 'theory' as const,
        kind: 'peer' as const,
        rubricVersionId,
        scores: {},
        total: 85,
        grade: 'good' as const,
        strengths: '条理清楚',
        problems: null,
        suggestions: null,
        semester,
        contentHash: id,
        createdAt: now,
      };
    }),
  );
}
