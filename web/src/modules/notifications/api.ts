// Calls and types of the user's own notifications (decision 011).
import { query, request, t } from '../../api';

export interface NotificationRow {
  id: string;
  kind: string;
  entityType?: string;
  entityId?: string;
  title: string;
  body: string | null;
  /** Path below /t/:tenant/ the notification opens. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationRow[];
  unread: number;
  total?: number;
  page?: number;
  pageSize?: number;
}

export const notificationsApi = {
  list: (slug: string, q: { page?: number; pageSize?: number } = {}) =>
    request<NotificationList>('GET', t(slug, 'notifications') + query({ ...q })),
  read: (slug: string, id: string) =>
    request<unknown>('POST', t(slug, `notifications/${encodeURIComponent(id)}/read`)),
};
