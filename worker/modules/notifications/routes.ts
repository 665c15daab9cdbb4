import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { pathId, queryParams } from '../../validation';
import { listNotifications } from './list-notifications';
import { markNotificationRead } from './mark-read';
import { ListNotificationsQuery } from './schemas';

const read = requirePermission('notifications.read');

/** The signed-in user's own notifications. */
export const notificationsRoutes = new Hono<AppEnv>()
  .get('/notifications', read, async (c) => {
    const query = queryParams(c, ListNotificationsQuery);
    return c.json(await listNotifications(serviceContext(c), query));
  })
  .post('/notifications/:id/read', read, async (c) => {
    const id = pathId(c);
    return c.json(await markNotificationRead(serviceContext(c), id));
  });
