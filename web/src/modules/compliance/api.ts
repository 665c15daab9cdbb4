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
