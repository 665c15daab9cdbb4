// Calls and types of the observation quota pages (听课任务). Only types are shared with the server.
import { download, query, request, t } from '../../api';

export type ComplianceStatus = 'done' | 'on_track' | 'behind';
export const COMPLIANCE_STATUSES: ComplianceStatus[] = ['behind', 'on_track', 'done'];

export interface SemesterProgress {
  key: string;
  label: string;
  from: string;
  to: string;
  totalDays: number;
  elapsedDays: number;
  percentElapsed: number;
  week: number;
  current: boolean;
}

export interface ComplianceRow {
  userId: string;
  name: string;
  role: string;
  unitId: string | null;
  unitName: string | null;
  quotaRole: string;
  quotaLabel: string;
  required: number;
  done: number;
  expected: number;
  status: ComplianceStatus;
  statusLabel: string;
}

export interface Totals {
  people: number;
  required: number;
  done: number;
  behind: number;
  percent: number;
}

export interface ComplianceReport {
  semester: SemesterProgress;
  today: string;
  totals: Totals;
  byUnit: (Totals & { unitId: string | null; unitName: string | null })[];
  byRole: (Totals & { key: string; label: string })[];
  people: ComplianceRow[];
  quotaRoles: { key: string; label: string }[];
}

export interface ComplianceQuery {
  semester?: string;
  unitId?: string;
  quotaRole?: string;
  status?: string;
}

export interface ReminderResult {
  semester: string;
  week: number;
  behind: number;
  told: number;
  skipped: number;
}

const path = (slug: string, rest = '') => t(slug, `teaching/compliance${rest}`);
const filters = (q: ComplianceQuery) => ({
  semester: q.semester,
  unitId: q.unitId,
  quotaRole: q.quotaRole,
  status: q.status,
});

export const complianceApi = {
  report: (slug: string, q: ComplianceQuery) =>
    request<ComplianceReport>('GET', path(slug) + query(filters(q))),
  me: (slug: string) =>
    request<{ semester: SemesterProgress; row: ComplianceRow | null }>('GET', path(slug, '/me')),
  remind: (slug: string, body: { semester?: string; userIds?: string[] }) =>
    request<ReminderResult>('POST', path(slug, '/reminders'), body),
  download: (slug: string, q: ComplianceQuery) =>
    download(path(slug, `.xlsx${query(filters(q))}`), '听课任务完成情况.xlsx'),
  downloadLedger: (slug: string, q: { semester?: string; unitId?: string }) =>
    download(t(slug, `teaching/observations.xlsx${query(q)}`), '听课记录台账.xlsx'),
};

/**
 * The semester a key names and the three before it, newest first, for the picker:
 * 2026-autumn, 2026-spring, 2025-autumn, 2025-spring.
 */
export function recentSemesters(current: string, count = 4): string[] {
  const out: string[] = [];
  let year = Number(current.slice(0, 4));
  let autumn = current.endsWith('autumn');
  for (let i = 0; i < count; i++) {
    out.push(`${year}-${autumn ? 'autumn' : 'spring'}`);
    if (autumn) autumn = false;
    else {
      autumn = true;
      year -= 1;
    }
  }
  return out;
}

/** 2026-autumn → 2026年秋季学期. */
export function semesterLabel(key: string): string {
  return `${key.slice(0, 4)}年${key.endsWith('autumn') ? '秋季' : '春季'}学期`;
}

/**
 * The semester key of today in Beijing (as the server counts it): autumn from the autumn start
 * month to the month before spring starts, otherwise spring, the summer holiday showing the spring
 * that just ended. Only for the picker: the page shows whatever semester the server answers with.
 */
export function currentSemesterKey(
  semesters: { autumnStartMonth: number; springStartMonth: number },
  now = new Date(),
): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  const year = beijing.getUTCFullYear();
  const month = beijing.getUTCMonth() + 1;
  const { autumnStartMonth: autumn, springStartMonth: spring } = semesters;
  if (month >= autumn) return `${year}-autumn`;
  if (month < spring) return `${year - 1}-autumn`;
  return `${year}-spring`;
}
