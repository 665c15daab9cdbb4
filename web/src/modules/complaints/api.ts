import { type Paged, query, request, t } from '../../api';

export type ComplaintStatus = 'received' | 'assigned' | 'replied' | 'closed';

export interface ComplaintRow {
  id: string;
  trackingCode: string;
  category: string;
  categoryLabel: string;
  topic: string;
  status: ComplaintStatus;
  statusLabel: string;
  unitId: string;
  unitName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  hasPhoto: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ComplaintList extends Paged<ComplaintRow> {
  unitOptions: { id: string; name: string }[];
}

export interface ComplaintEvent {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  actionLabel: string;
  note: string | null;
}

export interface ComplaintDetail {
  id: string;
  trackingCode: string;
  category: string;
  categoryLabel: string;
  topic: string;
  body: string;
  contactName: string | null;
  contactPhone: string | null;
  status: ComplaintStatus;
  statusLabel: string;
  publicReply: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  hasPhoto: boolean;
  unit: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  events: ComplaintEvent[];
}

export interface ComplaintQuery {
  status?: string;
  unitId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

type One = { complaint: ComplaintDetail };
const path = (slug: string, id: string, rest = '') => t(slug, `complaints/${encodeURIComponent(id)}${rest}`);

export const complaintsApi = {
  list: (slug: string, q: ComplaintQuery) =>
    request<ComplaintList>('GET', t(slug, 'complaints') + query({ ...q })),
  get: (slug: string, id: string) => request<One>('GET', path(slug, id)),
  photoUrl: (slug: string, id: string) => path(slug, id, '/photo'),
  assign: (slug: string, id: string, body: { inspectorId: string; note?: string }) =>
    request<One>('POST', path(slug, id, '/assign'), body),
  note: (slug: string, id: string, note: string) => request<One>('POST', path(slug, id, '/notes'), { note }),
  reply: (slug: string, id: string, publicReply: string) =>
    request<One>('POST', path(slug, id, '/reply'), { publicReply }),
  close: (slug: string, id: string, body: { publicReply?: string; note?: string }) =>
    request<One>('POST', path(slug, id, '/close'), body),
  reopen: (slug: string, id: string, note: string) =>
    request<One>('POST', path(slug, id, '/reopen'), { note }),
  /** Active inspectors to assign to (first 100 by name: an office has far fewer). */
  inspectors: (slug: string) =>
    request<Paged<{ id: string; name: string }>>('GET', t(slug, 'inspectors') + query({ pageSize: 100 })),
};
