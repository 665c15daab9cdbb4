import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { queryParams } from '../../validation';
import { listAudit } from './list-audit';
import { ListAuditQuery } from './schemas';

export const auditRoutes = new Hono<AppEnv>().get('/audit', requirePermission('audit.read'), async (c) => {
  const query = queryParams(c, ListAuditQuery);
  return c.json(await listAudit(serviceContext(c), query));
});
