import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { readImageBody, serveFile } from '../../files';
import { currentActor, requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { moduleOf } from '../checklists/records';
import {
  authorizeAny,
  evidenceKey,
  READ_PERMISSIONS,
  UPLOAD_PERMISSIONS,
  uploadEvidence,
} from './evidence-files';
import { getVisit } from './get-visit';
import { listVisits } from './list-visits';
import { recordDocx } from './record-docx';
import { ListVisitsQuery, SubmitVisitInput } from './schemas';
import { submitVisit } from './submit-visit';

const read = requirePermission('visits.read');
const record = requirePermission('visits.record');

/** An image body, or a 422 that says what to send: the declared type is never trusted, the bytes are. */
async function photoBody(c: Parameters<typeof readImageBody>[0]) {
  try {
    return await readImageBody(c);
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNSUPPORTED_FILE') {
      throw new AppError(
        'VALIDATION_FAILED',
        '上传的文件不是图片，请拍照或选择 JPG、PNG、WebP 格式的图片后重新上传。',
      );
    }
    throw err;
  }
}

/** Visits of one module and their evidence photos, mounted under `/:module`. */
export const visitsRoutes = new Hono<AppEnv>()
  .post(
    '/evidence/:id',
    async (c, next) => {
      authorizeAny(currentActor(c), UPLOAD_PERMISSIONS);
      await next();
    },
    async (c) => {
      const module = moduleOf(c);
      const id = pathId(c);
      const image = await photoBody(c);
      const result = await uploadEvidence(serviceContext(c), c.env.FILES, module, id, image);
      return c.json({ evidence: result.evidence }, result.created ? 201 : 200);
    },
  )
  .get(
    '/evidence/:id',
    async (c, next) => {
      authorizeAny(currentActor(c), READ_PERMISSIONS);
      await next();
    },
    async (c) => {
      const module = moduleOf(c);
      const id = pathId(c);
      return serveFile(c, await evidenceKey(serviceContext(c), module, id), 'private');
    },
  )
  .get('/visits', read, async (c) => {
    const module = moduleOf(c);
    const query = queryParams(c, ListVisitsQuery);
    return c.json(await listVisits(serviceContext(c), module, query));
  })
  .post('/visits', record, async (c) => {
    const module = moduleOf(c);
    const input = await jsonBody(c, SubmitVisitInput);
    const result = await submitVisit(serviceContext(c), module, input);
    return c.json(result, result.duplicate ? 200 : 201);
  })
  .get('/visits/:id', read, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    return c.json({ visit: await getVisit(serviceContext(c), module, id) });
  })
  .get('/visits/:id/record.docx', read, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    return recordDocx(serviceContext(c), module, id);
  });
