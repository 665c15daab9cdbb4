import { and, eq, isNull } from 'drizzle-orm';
import { notifications } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';

/**
 * Marks one of the user's own notifications read; someone else's (or an unknown id) is a 404.
 * Marking twice keeps the first time. Reading is not a change worth an audit record.
 */
export async function markNotificationRead(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'notifications.read');
  const { db, actor } = ctx;
  const own = and(eq(notifications.id, id), eq(notifications.userId, actor.id));
  const [, rows] = await db.batch([
    db
      .update(notifications)
      .set({ readAt: new Date().toISOString() })
      .where(and(own, isNull(notifications.readAt))),
    db.select({ id: notifications.id, readAt: notifications.readAt }).from(notifications).where(own).limit(1),
  ]);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', '未找到该消息，可能不是发给您的。');
  return { notification: row };
}
