import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../context';
import { currentActor, requirePermission } from '../../../middleware/session';
import { serviceContext } from '../../../service-context';
import { jsonBody, pathId, queryParams } from '../../../validation';
import { authorizeRoundRead } from './access';
import { createRound } from './create-round';
import { getRound } from './get-round';
import { getRoundUnit } from './get-round-unit';
import { listRounds } from './list-rounds';
import { CreateRoundInput, ListRoundsQuery } from './schemas';

/** The office, a review team member or a unit manager; each verb scopes what they see. */
const readRounds: MiddlewareHandler<AppEnv> = async (c, next) => {
  authorizeRoundRead(currentActor(c));
  await next();
};

/**
 * Evaluation rounds (评估), mounted under `/evaluation/rounds`: creating and reading rounds, a unit's
 * workbench, its self-evaluation and evidence (the review half mounts its own routes beside these).
 */
export const roundRoutes = new Hono<AppEnv>()
  .get('/', readRounds, async (c) => {
    const query = queryParams(c, ListRoundsQuery);
    return c.json(await listRounds(serviceContext(c), query));
  })
  .post('/', requirePermission('evaluation.manage'), async (c) => {
    const input = await jsonBody(c, CreateRoundInput);
    return c.json({ round: await createRound(serviceContext(c), input) }, 201);
  })
  .get('/:id', readRounds, async (c) => c.json(await getRound(serviceContext(c), pathId(c))))
  .get('/:id/units/:unitId', readRounds, async (c) =>
    c.json(await getRoundUnit(serviceContext(c), pathId(c), pathId(c, 'unitId'))),
  );
