import type { TenantConfig } from '../../../tenants/config/schema';
import { daysBetween } from '../../dates';
import { semesterLabel, semesterOf } from '../../semesters';

/** The quota key of supervisors (role inspector): held to `supervisorPerWeek`, not a configured role. */
export const SUPERVISOR_QUOTA = 'supervisor';

export const COMPLIANCE_STATUSES = ['done', 'on_track', 'behind'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export const STATUS_LABELS: Record<ComplianceStatus, string> = {
  done: '已完成',
  on_track: '进度正常',
  behind: '未达进度',
};

export interface SemesterProgress {
  key: string;
  label: string;
  from: string;
  to: string;
  /** Days of the semester, first and last included. */
  totalDays: number;
  /** Days gone by today, today included: 0 before it starts, `totalDays` once it is over. */
  elapsedDays: number;
  /** elapsedDays / totalDays, as a whole percent. */
  percentElapsed: number;
  /** 1-based week of the semester today falls in (0 before it starts, the last week once over). */
  week: number;
  current: boolean;
}

/** First and last day of the semester a key names (`2026-autumn`: Sep 2026–Jan 2027). */
export function semesterSpan(key: string, semesters: TenantConfig['semesters']) {
  const year = Number(key.slice(0, 4));
  const kind = key.slice(5);
  const month = kind === 'autumn' ? semesters.autumnStartMonth : semesters.springStartMonth;
  const { from, to } = semesterOf(year, month, semesters);
  return { from, to };
}

/** How far `today` (YYYY-MM-DD, Beijing) is into the semester `key`. */
export function semesterProgress(
  key: string,
  semesters: TenantConfig['semesters'],
  today: string,
): SemesterProgress {
  const { from, to } = semesterSpan(key, semesters);
  const totalDays = daysBetween(from, to) + 1;
  const elapsedDays = Math.min(totalDays, Math.max(0, daysBetween(from, today) + 1));
  return {
    key,
    label: semesterLabel(key),
    from,
    to,
    totalDays,
    elapsedDays,
    percentElapsed: Math.round((elapsedDays * 100) / totalDays),
    week: Math.ceil(elapsedDays / 7),
    current: today >= from && today <= to,
  };
}

/**
 * Lessons a quota of `required` for the semester asks for by today: pro rata by days elapsed,
 * rounded up (on the first day one lesson is already due), the whole quota once the semester is
 * over. Integer division of exact multiples is exact in floating point, so 8 × 153 / 153 is 8.
 */
export function expectedByToday(
  required: number,
  progress: Pick<SemesterProgress, 'elapsedDays' | 'totalDays'>,
) {
  if (progress.elapsedDays >= progress.totalDays) return required;
  return Math.ceil((required * progress.elapsedDays) / progress.totalDays);
}

/**
 * A supervisor's quota: `perWeek` lessons in every week of the semester (a part week counts), so
 * the semester asks for perWeek × its weeks, and by today perWeek × the weeks begun so far.
 */
export function supervisorQuota(
  perWeek: number,
  progress: Pick<SemesterProgress, 'elapsedDays' | 'totalDays'>,
) {
  return {
    required: perWeek * Math.ceil(progress.totalDays / 7),
    expected: perWeek * Math.ceil(progress.elapsedDays / 7),
  };
}

export function statusOf(done: number, required: number, expected: number): ComplianceStatus {
  if (done >= required) return 'done';
  return done >= expected ? 'on_track' : 'behind';
}

export interface QuotaRole {
  key: string;
  label: string;
}

/**
 * What a person is held to: an inspector to the weekly supervisor quota (when the tenant sets one),
 * anyone else to their quota role if the tenant still has it; null for everyone else.
 */
export function quotaFor(
  person: { role: string; quotaRole: string | null },
  quotas: TenantConfig['observationQuotas'],
  supervisorLabel: string,
  progress: SemesterProgress,
): (QuotaRole & { required: number; expected: number }) | null {
  if (person.role === 'inspector') {
    if (quotas.supervisorPerWeek <= 0) return null;
    return {
      key: SUPERVISOR_QUOTA,
      label: supervisorLabel,
      ...supervisorQuota(quotas.supervisorPerWeek, progress),
    };
  }
  // A key the tenant has since removed from its configuration holds nobody to anything.
  const role = person.quotaRole ? quotas.roles.find((r) => r.key === person.quotaRole) : undefined;
  if (!role) return null;
  return {
    key: role.key,
    label: role.label,
    required: role.perSemester,
    expected: expectedByToday(role.perSemester, progress),
  };
}

/** The quota roles a page can filter by: the tenant's, then supervisors when they are held to one. */
export function quotaRolesOf(config: TenantConfig): QuotaRole[] {
  const roles = config.observationQuotas.roles.map((r) => ({ key: r.key, label: r.label }));
  if (config.observationQuotas.supervisorPerWeek > 0) {
    roles.push({ key: SUPERVISOR_QUOTA, label: supervisorLabelOf(config) });
  }
  return roles;
}

export function supervisorLabelOf(config: TenantConfig): string {
  return `${config.vocabulary.inspector}（每周${config.observationQuotas.supervisorPerWeek}节）`;
}
