import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../context';
import { AppError } from '../../../errors';
import { readLimited } from '../../../files';
import { currentActor, requirePermission } from '../../../middleware/session';
import { serviceContext } from '../../../service-context';
import { jsonBody, pathId, queryParams } from '../../../validation';
import { authorizeRoundRead } from './access';
import { createRound } from './create-round';
import {
  authorizeEvidenceUpload,
  deleteEvidence,
  evidenceFile,
  prepareEvidenceUpload,
  uploadEvidence,
} from './evidence';
import { MAX_EVIDENCE_BYTES } from './evidence-types';
import { getRound } from './get-round';
import { getRoundUnit } from './get-round-unit';
import { listRounds } from './list-rounds';
import { reviewRoutes } from './report-routes';
import { reviewerOptions } from './reviewer-options';
import { saveSelfReport, saveSelfScores } from './save-self';
import {
  CreateRoundInput,
  ListRoundsQuery,
  SaveSelfInput,
  SelfReportInput,
  UploadEvidenceQuery,
} from './schemas';
import { submitSelf } from './submit-self';

/** The office, a review team member or a unit manager; each verb scopes what they see. */
const readRounds: MiddlewareHandler<AppEnv> = async (c, next) => {
  authorizeRoundRead(currentActor(c));
  await next();
};
/** The unit's manager, or the office on its behalf. */
const uploadRights: MiddlewareHandler<AppEnv> = async (c, next) => {
  authorizeEvidenceUpload(currentActor(c));
  await next();
};
const self = requirePermission('evaluation.self');

/** Photos open in the browser; documents and videos download under their own (Chinese) names. */
async function evidenceDownload(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  row: { key: string; fileName: string; contentType: string; id: string },
) {
  const object = await c.env.FILES.get(row.key);
  if (!object) throw new AppError('NOT_FOUND', '文件已不在存储中，请联系管理员。');
  const inline = row.contentType.startsWith('image/');
  const ext = row.fileName.includes('.') ? row.fileName.slice(row.fileName.lastIndexOf('.')) : '';
  return new Response(object.body, {
    headers: {
      'content-type': row.contentType,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="evidence-${row.id.slice(0, 8)}${ext}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=300',
      etag: object.httpEtag,
    },
  });
}

/**
 * Evaluation rounds (评估), mounted under `/evaluation/rounds`: creating and reading rounds, a unit's
 * workbench, its self-evaluation and evidence (the review half mounts its own routes beside these).
 */
export const roundRoutes = new Hono<AppEnv>()
  .route('/', reviewRoutes)
  .get('/', readRounds, async (c) => {
    const query = queryParams(c, ListRoundsQuery);
    return c.json(await listRounds(serviceContext(c), query));
  })
  .post('/', requirePermission('evaluation.manage'), async (c) => {
    const input = await jsonBody(c, CreateRoundInput);
    return c.json({ round: await createRound(serviceContext(c), input) }, 201);
  })
  .get('/reviewer-options', requirePermission('evaluation.manage'), async (c) =>
    c.json(await reviewerOptions(serviceContext(c))),
  )
  .get('/:id', readRounds, async (c) => c.json(await getRound(serviceContext(c), pathId(c))))
  .get('/:id/units/:unitId', readRounds, async (c) =>
    c.json(await getRoundUnit(serviceContext(c), pathId(c), pathId(c, 'unitId'))),
  )
  .put('/:id/units/:unitId/self', self, async (c) => {
    const ids = [pathId(c), pathId(c, 'unitId')] as const;
    const input = await jsonBody(c, SaveSelfInput);
    return c.json(await saveSelfScores(serviceContext(c), ...ids, input));
  })
  .put('/:id/units/:unitId/self-report', self, async (c) => {
    const ids = [pathId(c), pathId(c, 'unitId')] as const;
    const input = await jsonBody(c, SelfReportInput);
    return c.json(await saveSelfReport(serviceContext(c), ...ids, input));
  })
  .post('/:id/units/:unitId/submit', self, async (c) =>
    c.json(await submitSelf(serviceContext(c), pathId(c), pathId(c, 'unitId'))),
  )
  .post('/:id/units/:unitId/evidence', uploadRights, async (c) => {
    const ctx = serviceContext(c);
    const query = queryParams(c, UploadEvidenceQuery);
    const prepared = await prepareEvidenceUpload(ctx, pathId(c), pathId(c, 'unitId'), query);
    const bytes = await readLimited(
      c.req.raw.body,
      MAX_EVIDENCE_BYTES,
      '佐证材料文件',
      '请压缩或拆分后重新上传',
    );
    return c.json({ evidence: await uploadEvidence(ctx, c.env.FILES, prepared, bytes) }, 201);
  })
  .get('/:id/units/:unitId/evidence/:evidenceId', readRounds, async (c) => {
    const row = await evidenceFile(
      serviceContext(c),
      pathId(c),
      pathId(c, 'unitId'),
      pathId(c, 'evidenceId'),
    );
    return evidenceDownload(c, row);
  })
  .delete('/:id/units/:unitId/evidence/:evidenceId', uploadRights, async (c) => {
    await deleteEvidence(
      serviceContext(c),
      c.env.FILES,
      pathId(c),
      pathId(c, 'unitId'),
      pathId(c, 'evidenceId'),
    );
    return c.body(null, 204);
  });
