import * as v from 'valibot';
import { pageParam } from '../../validation';

export const ListNotificationsQuery = v.object({
  /** 1: only the unread ones. */
  unread: v.optional(v.picklist(['', '0', '1'], '未读筛选只能是 0 或 1'), ''),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListNotificationsQuery = v.InferOutput<typeof ListNotificationsQuery>;
