import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { queryParams } from '../../validation';
import { SearchTeachersQuery } from './schemas';
import { searchTeachers } from './search-teachers';

/** Teacher search for the observation form; teaching only, mounted under `/teaching`. */
export const teachersRoutes = new Hono<AppEnv>().get(
  '/teachers',
  requirePermission('observations.record'),
  async (c) => {
    const query = queryParams(c, SearchTeachersQuery);
    return c.json(await searchTeachers(serviceContext(c), query));
  },
);
