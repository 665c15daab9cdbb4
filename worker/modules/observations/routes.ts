import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { acknowledgeObservation } from './acknowledge-observation';
import { addRubricVersion } from './add-rubric-version';
import { setRubricStatus } from './archive-rubric';
import { copyRubric } from './copy-rubric';
import { createRubric } from './create-rubric';
import { getObservation } from './get-observation';
import { getRubric } from './get-rubric';
import { listObservations } from './list-observations';
import { listRubrics } from './list-rubrics';
import { recordObservation } from './record-observation';
import { CopyRubricInput, CreateRubricInput, NewRubricVersionInput, rubricJsonBody } from './rubric-schemas';
import {
  AcknowledgeInput,
  ListObservationsQuery,
  RecordObservationInput,
  RubricVersionQuery,
} from './schemas';

const read = requirePermission('observations.read');
const record = requirePermission('observations.record');
const acknowledge = requirePermission('observations.acknowledge');
const manageRubrics = requirePermission('observations.rubrics_manage');

/** Lesson observations (听课记录) and their rubrics: teaching only, mounted under `/teaching`. */
export const observationsRoutes = new Hono<AppEnv>()
  .get('/rubrics', read, async (c) => c.json(await listRubrics(serviceContext(c))))
  .get('/rubrics/:id', read, async (c) => {
    const id = pathId(c);
    const { version } = queryParams(c, RubricVersionQuery);
    return c.json({ rubric: await getRubric(serviceContext(c), id, version) });
  })
  .post('/rubrics', manageRubrics, async (c) => {
    const input = await rubricJsonBody(c, CreateRubricInput);
    return c.json({ rubric: await createRubric(serviceContext(c), input) }, 201);
  })
  .post('/rubrics/:id/copy', manageRubrics, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, CopyRubricInput);
    return c.json({ rubric: await copyRubric(serviceContext(c), id, input) }, 201);
  })
  .post('/rubrics/:id/versions', manageRubrics, async (c) => {
    const id = pathId(c);
    const input = await rubricJsonBody(c, NewRubricVersionInput);
    const result = await addRubricVersion(serviceContext(c), id, input);
    return c.json(result, result.unchanged ? 200 : 201);
  })
  .post('/rubrics/:id/archive', manageRubrics, async (c) => {
    const id = pathId(c);
    return c.json({ rubric: await setRubricStatus(serviceContext(c), id, 'archived') });
  })
  .post('/rubrics/:id/restore', manageRubrics, async (c) => {
    const id = pathId(c);
    return c.json({ rubric: await setRubricStatus(serviceContext(c), id, 'active') });
  })
  .get('/observations', read, async (c) => {
    const query = queryParams(c, ListObservationsQuery);
    return c.json(await listObservations(serviceContext(c), query));
  })
  .post('/observations', record, async (c) => {
    const input = await jsonBody(c, RecordObservationInput);
    const result = await recordObservation(serviceContext(c), input);
    return c.json(result, result.duplicate ? 200 : 201);
  })
  .get('/observations/:id', read, async (c) => {
    const id = pathId(c);
    return c.json({ observation: await getObservation(serviceContext(c), id) });
  })
  .post('/observations/:id/acknowledge', acknowledge, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, AcknowledgeInput);
    return c.json({ observation: await acknowledgeObservation(serviceContext(c), id, input) });
  });
