// Calls and types of the audit log page. Only types are shared with the server, never code.
import { query, request, t } from '../../api';

export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityTypeLabel: string;
  entityId: string | null;
  details: unknown;
  ip: string | null;
}

export interface Labelled {
  key: string;
  label: string;
}

export interface AuditPage {
  items: AuditRow[];
  pageSize: number;
  /** The cursor of the next, older page; null at the oldest record. */
  nextBefore: number | null;
  /** Filter choices with the server's labels (the one list of actions lives there). */
  actions: Labelled[];
  entityTypes: Labelled[];
}

export interface AuditQuery {
  q?: string;
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
  pageSize?: number;
}

export const auditApi = {
  list: (slug: string, q: AuditQuery) => request<AuditPage>('GET', t(slug, 'audit') + query({ ...q })),
};
