import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { createUser } from './create-user';
import { getUser } from './get-user';
import { listUsers } from './list-users';
import { resetPassword } from './reset-password';
import { ListUsersQuery, UserInput, UserPatch } from './schemas';
import { setUserStatus } from './set-user-status';
import { updateUser } from './update-user';

const read = requirePermission('users.read');
const manage = requirePermission('users.manage');

export const accountsRoutes = new Hono<AppEnv>()
  .get('/users', read, async (c) => {
    const query = queryParams(c, ListUsersQuery);
    return c.json(await listUsers(serviceContext(c), query));
  })
  .post('/users', manage, async (c) => {
    const input = await jsonBody(c, UserInput);
    return c.json(await createUser(serviceContext(c), input), 201);
  })
  .get('/users/:id', read, async (c) => {
    const id = pathId(c);
    return c.json({ user: await getUser(serviceContext(c), id) });
  })
  .patch('/users/:id', manage, async (c) => {
    const id = pathId(c);
    const patch = await jsonBody(c, UserPatch);
    return c.json({ user: await updateUser(serviceContext(c), id, patch) });
  })
  .post('/users/:id/disable', manage, async (c) => {
    const id = pathId(c);
    return c.json({ user: await setUserStatus(serviceContext(c), id, 'disabled') });
  })
  .post('/users/:id/enable', manage, async (c) => {
    const id = pathId(c);
    return c.json({ user: await setUserStatus(serviceContext(c), id, 'active') });
  })
  .post('/users/:id/reset-password', manage, async (c) => {
    const id = pathId(c);
    return c.json(await resetPassword(serviceContext(c), id));
  });
