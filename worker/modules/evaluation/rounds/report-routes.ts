import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../context';
import { currentActor, requirePermission } from '../../../middleware/session';
import { serviceContext } from '../../../service-context';
import { xlsxDownload } from '../../../spreadsheet/write';
import { jsonBody, pathId } from '../../../validation';
import { authorizeRoundRead } from './access';
import { FinalizeInput, finalizeResult } from './finalize';
import { lostPointsXlsx, roundLostPoints } from './lost-points-round';
import { PublishInput, publishResult } from './publish-result';
import { rankingXlsx, roundRanking } from './ranking-round';
import { ReplyInput, replyToResult } from './reply';
import { unitReport } from './report-data';
import { reportDocx } from './report-docx';
import { ReviewInput, saveReview } from './save-review';

const readRounds: MiddlewareHandler<AppEnv> = async (c, next) => {
  authorizeRoundRead(currentActor(c));
  await next();
};
const review = requirePermission('evaluation.review');
const read = requirePermission('evaluation.read');

/** File names keep the round's name, without characters a file system refuses. */
const safe = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '');

/**
 * The review half of rounds, mounted beside the rounds routes under `/evaluation/rounds`: the
 * team's scores, the preliminary result, the unit's reply (申辩), the final result, the ranking,
 * the lost points and the unit's report.
 */
export const reviewRoutes = new Hono<AppEnv>()
  .put('/:id/units/:unitId/review', review, async (c) => {
    const input = await jsonBody(c, ReviewInput);
    return c.json(await saveReview(serviceContext(c), pathId(c), pathId(c, 'unitId'), input));
  })
  .post('/:id/units/:unitId/publish', review, async (c) => {
    const input = await jsonBody(c, PublishInput);
    return c.json(await publishResult(serviceContext(c), pathId(c), pathId(c, 'unitId'), input));
  })
  .post('/:id/units/:unitId/reply', requirePermission('evaluation.self'), async (c) => {
    const input = await jsonBody(c, ReplyInput);
    return c.json(await replyToResult(serviceContext(c), pathId(c), pathId(c, 'unitId'), input));
  })
  .post('/:id/units/:unitId/finalize', review, async (c) => {
    const input = await jsonBody(c, FinalizeInput);
    return c.json(await finalizeResult(serviceContext(c), pathId(c), pathId(c, 'unitId'), input));
  })
  .get('/:id/units/:unitId/report', readRounds, async (c) =>
    c.json({ report: await unitReport(serviceContext(c), pathId(c), pathId(c, 'unitId')) }),
  )
  .get('/:id/units/:unitId/report.docx', readRounds, async (c) =>
    reportDocx(serviceContext(c), pathId(c), pathId(c, 'unitId')),
  )
  .get('/:id/ranking', read, async (c) => c.json(await roundRanking(serviceContext(c), pathId(c))))
  .get('/:id/ranking.xlsx', read, async (c) => {
    const { ranking, bytes } = await rankingXlsx(serviceContext(c), pathId(c));
    return xlsxDownload(bytes, `${safe(ranking.round.name)}-排名.xlsx`, 'ranking.xlsx');
  })
  .get('/:id/lost-points', read, async (c) => c.json(await roundLostPoints(serviceContext(c), pathId(c))))
  .get('/:id/lost-points.xlsx', read, async (c) => {
    const { data, bytes } = await lostPointsXlsx(serviceContext(c), pathId(c));
    return xlsxDownload(bytes, `${safe(data.round.name)}-失分分析.xlsx`, 'lost-points.xlsx');
  });
