import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { setUnitStatus } from './archive-unit';
import { getUnit } from './get-unit';
import { ListUnitsQuery, listUnits } from './list-units';
import { createUnit, updateUnit } from './save-unit';
import { UnitInput, UnitPatch } from './schemas';

const read = requirePermission('units.read');
const manage = requirePermission('units.manage');

export const unitsRoutes = new Hono<AppEnv>()
  .get('/units', read, async (c) => {
    const query = queryParams(c, ListUnitsQuery);
    return c.json(await listUnits(serviceContext(c), query));
  })
  .post('/units', manage, async (c) => {
    const input = await jsonBody(c, UnitInput);
    return c.json({ unit: await createUnit(serviceContext(c), input) }, 201);
  })
  .get('/units/:id', read, async (c) => {
    const id = pathId(c);
    return c.json({ unit: await getUnit(serviceContext(c), id) });
  })
  .patch('/units/:id', manage, async (c) => {
    const id = pathId(c);
    const patch = await jsonBody(c, UnitPatch);
    return c.json({ unit: await updateUnit(serviceContext(c), id, patch) });
  })
  .post('/units/:id/archive', manage, async (c) => {
    const id = pathId(c);
    return c.json({ unit: await setUnitStatus(serviceContext(c), id, 'archived') });
  })
  .post('/units/:id/restore', manage, async (c) => {
    const id = pathId(c);
    return c.json({ unit: await setUnitStatus(serviceContext(c), id, 'active') });
  });
