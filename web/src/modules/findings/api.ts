// Calls and types of the findings and rectification pages (decision 011). Only types are shared with
// the server, never code.
import { type ModuleKey, type Paged, query, request, t } from '../../api';

export type FindingStatus = 'open' | 'issued' | 'reported' | 'closed';
export const FINDING_STATUSES: FindingStatus[] = ['open', 'issued', 'reported', 'closed'];
export type Severity = 'general' | 'serious' | 'major';
export const SEVERITIES: Severity[] = ['general', 'serious', 'major'];

export interface FindingRow {
  id: string;
  module: ModuleKey;
  unitId: string;
  unitName: string;
  zoneId?: string | null;
  zoneName?: string | null;
  visitId: string | null;
  category: string;
  severity: Severity;
  description: string;
  requirement: string | null;
  responsiblePerson: string | null;
  deadline: string;
  status: FindingStatus;
  noticeNo: string | null;
  issuedAt: string | null;
  reportedAt: string | null;
  closedAt: string | null;
  overdueAt: string | null;
  /** The server's word on overdue (issued and past its deadline), when it says. */
  overdue?: boolean;
  createdAt: string;
  updatedAt?: string;
}

export interface FindingEvent {
  id: number;
  at: string;
  actorId?: string | null;
  actorName: string | null;
  action: string;
  actionLabel?: string;
  note: string | null;
  evidence: string[] | null;
}

export interface EvidenceRef {
  id: string;
  ownerType?: string | null;
  contentType?: string;
  size?: number;
}

export interface FindingDetail extends FindingRow {
  createdByName?: string | null;
  events: FindingEvent[];
  evidence: EvidenceRef[];
}

export interface FindingQuery {
  status?: string;
  severity?: string;
  unitId?: string;
  zoneId?: string;
  overdue?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface FindingForm {
  unitId: string;
  category: string;
  severity: Severity;
  description: string;
  requirement?: string;
  responsiblePerson?: string;
  deadline: string;
  visitId?: string;
}

type One = { finding: FindingDetail };
const base = (slug: string, module: ModuleKey) => t(slug, `${module}/findings`);
const one = (slug: string, module: ModuleKey, id: string, rest = '') =>
  `${base(slug, module)}/${encodeURIComponent(id)}${rest}`;

export const findingsApi = {
  list: (slug: string, module: ModuleKey, q: FindingQuery) =>
    request<Paged<FindingRow>>('GET', base(slug, module) + query({ ...q })),
  get: (slug: string, module: ModuleKey, id: string) => request<One>('GET', one(slug, module, id)),
  create: (slug: string, module: ModuleKey, form: FindingForm) =>
    request<One>('POST', base(slug, module), form),
  issue: (slug: string, module: ModuleKey, id: string) =>
    request<One>('POST', one(slug, module, id, '/issue')),
  report: (slug: string, module: ModuleKey, id: string, body: { note: string; evidence: string[] }) =>
    request<One>('POST', one(slug, module, id, '/report'), body),
  close: (slug: string, module: ModuleKey, id: string, note: string) =>
    request<One>('POST', one(slug, module, id, '/close'), { note }),
  reject: (slug: string, module: ModuleKey, id: string, body: { reason: string; deadline?: string }) =>
    request<One>('POST', one(slug, module, id, '/reject'), body),
  noticeDocxUrl: (slug: string, module: ModuleKey, id: string) => one(slug, module, id, '/notice.docx'),
  evidenceUrl: (slug: string, module: ModuleKey, id: string) =>
    t(slug, `${module}/evidence/${encodeURIComponent(id)}`),
  /** Idempotent: the same id sent again by the same user answers with the stored row. */
  uploadEvidence: (slug: string, module: ModuleKey, id: string, file: Blob) =>
    request<unknown>('POST', t(slug, `${module}/evidence/${encodeURIComponent(id)}`), {
      file,
      contentType: file.type || 'image/jpeg',
    }),
  /** A unit manager's issued and reported findings across the modules that are on. */
  mine: (slug: string, q: { page?: number; pageSize?: number } = {}) =>
    request<Paged<FindingRow>>('GET', t(slug, 'my-findings') + query({ ...q })),
};
