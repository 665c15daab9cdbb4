import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { clearFlag } from './clear-flag';
import { flagTeacher } from './flag-teacher';
import { listPriorityTeachers } from './list-priority-teachers';
import { FlagTeacherInput, ListPriorityQuery } from './schemas';

const read = requirePermission('priority_teachers.read');
const manage = requirePermission('priority_teachers.manage');

/** Priority teachers (重点关注教师): teaching only, mounted under `/teaching`. */
export const priorityTeachersRoutes = new Hono<AppEnv>()
  .get('/priority-teachers', read, async (c) => {
    const query = queryParams(c, ListPriorityQuery);
    return c.json(await listPriorityTeachers(serviceContext(c), query));
  })
  .post('/priority-teachers', manage, async (c) => {
    const input = await jsonBody(c, FlagTeacherInput);
    const result = await flagTeacher(serviceContext(c), input);
    return c.json({ flag: result.flag }, result.created ? 201 : 200);
  })
  .post('/priority-teachers/:id/clear', manage, async (c) => {
    const id = pathId(c);
    return c.json(await clearFlag(serviceContext(c), id));
  });
