import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { queryParams } from '../../validation';
import { getDashboard } from './get-dashboard';
import { DashboardQuery } from './schemas';

/** The office dashboard across the modules the tenant has on. */
export const dashboardRoutes = new Hono<AppEnv>().get(
  '/dashboard',
  requirePermission('dashboard.read'),
  async (c) => {
    const query = queryParams(c, DashboardQuery);
    return c.json(await getDashboard(serviceContext(c), query));
  },
);
