// Calls and types of the developmental targets page (发展目标). Only types are shared.
import { download, query, request, t } from '../../api';

export type TargetStatus = 'planned' | 'met' | 'partly' | 'missed';
export const TARGET_STATUSES: TargetStatus[] = ['planned', 'met', 'partly', 'missed'];

export interface Target {
  id: string;
  unitId: string;
  schoolYear: number;
  indicatorKey: string | null;
  title: string;
  measure: string | null;
  status: TargetStatus;
  statusLabel: string;
  progress: string | null;
  adjustment: string | null;
  sort: number;
  updatedAt: string;
}

export interface TargetSummary {
  total: number;
  planned: number;
  met: number;
  partly: number;
  missed: number;
}

export interface TargetList {
  unit: { id: string; name: string; status: string };
  schoolYear: number;
  yearLabel: string;
  currentYear: number;
  canEdit: boolean;
  items: Target[];
  summary: TargetSummary;
  indicators: { key: string; name: string; level: number; scheme: string }[];
}

export interface TargetFields {
  title?: string;
  measure?: string | null;
  indicatorKey?: string | null;
}

export interface Progress {
  status: TargetStatus;
  progress: string | null;
  adjustment: string | null;
}

const base = (slug: string) => t(slug, 'targets');
type Q = { unitId?: string; year?: number };

export const targetsApi = {
  list: (slug: string, q: Q) => request<TargetList>('GET', `${base(slug)}${query(q)}`),
  create: (slug: string, body: TargetFields & { unitId: string; schoolYear: number }) =>
    request<{ target: Target }>('POST', base(slug), body),
  update: (slug: string, id: string, body: TargetFields) =>
    request<{ target: Target }>('PATCH', `${base(slug)}/${id}`, body),
  progress: (slug: string, id: string, body: Progress) =>
    request<{ target: Target }>('PUT', `${base(slug)}/${id}/progress`, body),
  remove: (slug: string, id: string) => request<{ deleted: true }>('DELETE', `${base(slug)}/${id}`),
  reorder: (slug: string, body: { unitId: string; schoolYear: number; ids: string[] }) =>
    request<{ items: Target[] }>('POST', `${base(slug)}/reorder`, body),
  carry: (slug: string, body: { unitId: string; schoolYear: number }) =>
    request<{ schoolYear: number; created: number; skipped: number }>('POST', `${base(slug)}/carry`, body),
  download: (slug: string, q: Q) => download(t(slug, `targets.xlsx${query(q)}`), '发展目标.xlsx'),
};
