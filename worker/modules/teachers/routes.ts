import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { pathId, queryParams } from '../../validation';
import { SearchTeachersQuery, SummaryQuery } from './schemas';
import { searchTeachers } from './search-teachers';
import { teacherSummary } from './summary';

/** Teacher search for the observation form and a teacher's semester summary; teaching only, under `/teaching`. */
export const teachersRoutes = new Hono<AppEnv>()
  .get('/teachers', requirePermission('observations.record'), async (c) => {
    const query = queryParams(c, SearchTeachersQuery);
    return c.json(await searchTeachers(serviceContext(c), query));
  })
  .get('/teachers/:id/summary', requirePermission('teacher_summary.read'), async (c) => {
    const id = pathId(c);
    const query = queryParams(c, SummaryQuery);
    return c.json(await teacherSummary(serviceContext(c), id, query));
  });
