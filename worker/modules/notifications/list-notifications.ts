import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { notifications } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import type { ListNotificationsQuery } from './schemas';

/** The signed-in user's own notifications, newest first, with how many are unread. */
export async function listNotifications(ctx: ServiceContext, query: ListNotificationsQuery) {
  authorize(ctx.actor, 'notifications.read');
  const { db, actor } = ctx;
  const mine = eq(notifications.userId, actor.id);
  const unread = and(mine, isNull(notifications.readAt));
  const where = query.unread === '1' ? unread : mine;
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const [rows, totals, unreadCounts] = await db.batch([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        entityType: notifications.entityType,
        entityId: notifications.entityId,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(notifications).where(where),
    db.select({ total: count() }).from(notifications).where(unread),
  ]);
  return {
    items: rows,
    total: totals[0]?.total ?? 0,
    unread: unreadCounts[0]?.total ?? 0,
    page,
    pageSize,
  };
}
