import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { readImageBody, serveFile } from '../../files';
import { limitByClient } from '../../middleware/rate-limit';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { publicContext } from '../board/public-context';
import { addComplaintNote } from './add-note';
import { assignComplaint } from './assign-complaint';
import { attachComplaintPhoto } from './attach-photo';
import { closeComplaint } from './close-complaint';
import { complaintPhotoKey, getComplaint } from './get-complaint';
import { PHOTO_PER_CLIENT, TRACK_PER_CLIENT } from './limits';
import { listComplaints } from './list-complaints';
import { trackComplaint } from './public-complaint';
import { reopenComplaint } from './reopen-complaint';
import { replyComplaint } from './reply-complaint';
import {
  AssignInput,
  CloseInput,
  ComplaintInput,
  ListComplaintsQuery,
  NoteInput,
  ReopenInput,
  ReplyInput,
} from './schemas';
import { submitComplaint } from './submit-complaint';

const read = requirePermission('complaints.read');
const handle = requirePermission('complaints.handle');
const assign = requirePermission('complaints.assign');

export const complaintsRoutes = new Hono<AppEnv>()
  // Public: from a unit's board, no sign-in. Per-address and per-unit limits live in the verb.
  .post('/public/units/:id/complaints', async (c) => {
    const unitId = pathId(c);
    const input = await jsonBody(c, ComplaintInput);
    return c.json(await submitComplaint(publicContext(c), unitId, input), 201);
  })
  .post(
    '/public/complaints/:code/photo',
    limitByClient('complaint-photo', PHOTO_PER_CLIENT, 'tenant'),
    async (c) => {
      const image = await readImageBody(c);
      const ctx = publicContext(c);
      return c.json({ photo: await attachComplaintPhoto(ctx, c.env.FILES, c.req.param('code'), image) });
    },
  )
  // Lookups count before the code is checked, so guessing codes runs into the limit.
  .get(
    '/public/complaints/:code',
    limitByClient('complaint-track', TRACK_PER_CLIENT, 'tenant'),
    async (c) => {
      return c.json(await trackComplaint(publicContext(c), c.req.param('code')));
    },
  )
  // The office.
  .get('/complaints', read, async (c) => {
    const query = queryParams(c, ListComplaintsQuery);
    return c.json(await listComplaints(serviceContext(c), query));
  })
  .get('/complaints/:id', read, async (c) => {
    const id = pathId(c);
    return c.json({ complaint: await getComplaint(serviceContext(c), id) });
  })
  .get('/complaints/:id/photo', read, async (c) => {
    const id = pathId(c);
    return serveFile(c, await complaintPhotoKey(serviceContext(c), id), 'private');
  })
  .post('/complaints/:id/assign', assign, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, AssignInput);
    return c.json({ complaint: await assignComplaint(serviceContext(c), id, input) });
  })
  .post('/complaints/:id/notes', handle, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, NoteInput);
    return c.json({ complaint: await addComplaintNote(serviceContext(c), id, input) });
  })
  .post('/complaints/:id/reply', handle, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, ReplyInput);
    return c.json({ complaint: await replyComplaint(serviceContext(c), id, input) });
  })
  .post('/complaints/:id/close', handle, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, CloseInput);
    return c.json({ complaint: await closeComplaint(serviceContext(c), id, input) });
  })
  .post('/complaints/:id/reopen', assign, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, ReopenInput);
    return c.json({ complaint: await reopenComplaint(serviceContext(c), id, input) });
  });
