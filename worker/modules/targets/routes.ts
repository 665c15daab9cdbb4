import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { xlsxDownload } from '../../spreadsheet/write';
import { jsonBody, pathId, queryParams } from '../../validation';
import { carryTargets } from './carry-targets';
import { createTarget } from './create-target';
import { deleteTarget } from './delete-target';
import { listTargets } from './list-targets';
import { reorderTargets } from './reorder-targets';
import {
  CreateTargetInput,
  ListTargetsQuery,
  ProgressInput,
  ReorderInput,
  UpdateTargetInput,
  YearOfUnitInput,
} from './schemas';
import { targetsXlsx } from './targets-xlsx';
import { recordProgress, updateTarget } from './update-target';

const read = requirePermission('targets.read');
const manage = requirePermission('targets.manage');

/** Developmental targets (发展规划年度目标) of a unit per school year. */
export const targetsRoutes = new Hono<AppEnv>()
  .get('/targets', read, async (c) => {
    const query = queryParams(c, ListTargetsQuery);
    return c.json(await listTargets(serviceContext(c), query));
  })
  .get('/targets.xlsx', read, async (c) => {
    const query = queryParams(c, ListTargetsQuery);
    const { bytes, label, schoolYear } = await targetsXlsx(serviceContext(c), query);
    return xlsxDownload(bytes, `发展目标-${label}.xlsx`, `targets-${schoolYear}.xlsx`);
  })
  .post('/targets', manage, async (c) => {
    const input = await jsonBody(c, CreateTargetInput);
    return c.json({ target: await createTarget(serviceContext(c), input) }, 201);
  })
  .post('/targets/carry', manage, async (c) => {
    const input = await jsonBody(c, YearOfUnitInput);
    return c.json(await carryTargets(serviceContext(c), input));
  })
  .post('/targets/reorder', manage, async (c) => {
    const input = await jsonBody(c, ReorderInput);
    return c.json(await reorderTargets(serviceContext(c), input));
  })
  .patch('/targets/:id', manage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, UpdateTargetInput);
    return c.json({ target: await updateTarget(serviceContext(c), id, input) });
  })
  .put('/targets/:id/progress', manage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, ProgressInput);
    return c.json({ target: await recordProgress(serviceContext(c), id, input) });
  })
  .delete('/targets/:id', manage, async (c) => {
    const id = pathId(c);
    return c.json(await deleteTarget(serviceContext(c), id));
  });
