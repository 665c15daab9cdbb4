import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { readImageBody, serveFile } from '../../files';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { setInspectorStatus } from './archive-inspector';
import { assignInspector } from './assign-inspector';
import { getInspector } from './get-inspector';
import { inspectorPhotoKey, setInspectorPhoto } from './inspector-photo';
import { listLinkableAccounts } from './linkable-accounts';
import { listInspectors } from './list-inspectors';
import { createInspector, updateInspector } from './save-inspector';
import {
  AssignmentsInput,
  InspectorInput,
  InspectorPatch,
  LinkableAccountsQuery,
  ListInspectorsQuery,
} from './schemas';

const read = requirePermission('inspectors.read');
const manage = requirePermission('inspectors.manage');

export const inspectorsRoutes = new Hono<AppEnv>()
  .get('/inspectors', read, async (c) => {
    const query = queryParams(c, ListInspectorsQuery);
    return c.json(await listInspectors(serviceContext(c), query));
  })
  .post('/inspectors', manage, async (c) => {
    const input = await jsonBody(c, InspectorInput);
    return c.json({ inspector: await createInspector(serviceContext(c), input) }, 201);
  })
  // Before /inspectors/:id, which would take the name for an id.
  .get('/inspectors/linkable-accounts', manage, async (c) => {
    const query = queryParams(c, LinkableAccountsQuery);
    return c.json(await listLinkableAccounts(serviceContext(c), query));
  })
  .get('/inspectors/:id', read, async (c) => {
    const id = pathId(c);
    return c.json({ inspector: await getInspector(serviceContext(c), id) });
  })
  .patch('/inspectors/:id', manage, async (c) => {
    const id = pathId(c);
    const patch = await jsonBody(c, InspectorPatch);
    return c.json({ inspector: await updateInspector(serviceContext(c), id, patch) });
  })
  .post('/inspectors/:id/archive', manage, async (c) => {
    const id = pathId(c);
    return c.json({ inspector: await setInspectorStatus(serviceContext(c), id, 'archived') });
  })
  .post('/inspectors/:id/restore', manage, async (c) => {
    const id = pathId(c);
    return c.json({ inspector: await setInspectorStatus(serviceContext(c), id, 'active') });
  })
  .post('/inspectors/:id/assignments', manage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, AssignmentsInput);
    return c.json(await assignInspector(serviceContext(c), id, input));
  })
  .post('/inspectors/:id/photo', manage, async (c) => {
    const id = pathId(c);
    const image = await readImageBody(c);
    return c.json({ photo: await setInspectorPhoto(serviceContext(c), c.env.FILES, id, image) });
  })
  .get('/inspectors/:id/photo', read, async (c) => {
    const id = pathId(c);
    return serveFile(c, await inspectorPhotoKey(serviceContext(c), id), 'private');
  });
