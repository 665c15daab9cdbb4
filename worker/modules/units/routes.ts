import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { queryParams } from '../../validation';
import { ListUnitsQuery, listUnits } from './list-units';

export const unitsRoutes = new Hono<AppEnv>().get('/units', requirePermission('units.read'), async (c) => {
  const query = queryParams(c, ListUnitsQuery);
  return c.json(await listUnits(serviceContext(c), query));
});
