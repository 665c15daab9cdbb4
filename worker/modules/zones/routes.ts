import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId } from '../../validation';
import { assignZoneUnits } from './assign-units';
import { deleteZone } from './delete-zone';
import { listZones } from './list-zones';
import { createZone, updateZone } from './save-zone';
import { ZoneInput, ZonePatch, ZoneUnitsInput } from './schemas';

const read = requirePermission('units.read');
const manage = requirePermission('units.manage');

export const zonesRoutes = new Hono<AppEnv>()
  .get('/zones', read, async (c) => c.json(await listZones(serviceContext(c))))
  .post('/zones', manage, async (c) => {
    const input = await jsonBody(c, ZoneInput);
    return c.json({ zone: await createZone(serviceContext(c), input) }, 201);
  })
  .patch('/zones/:id', manage, async (c) => {
    const id = pathId(c);
    const patch = await jsonBody(c, ZonePatch);
    return c.json({ zone: await updateZone(serviceContext(c), id, patch) });
  })
  .post('/zones/:id/units', manage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, ZoneUnitsInput);
    return c.json(await assignZoneUnits(serviceContext(c), id, input));
  })
  .post('/zones/:id/delete', manage, async (c) => {
    const id = pathId(c);
    return c.json(await deleteZone(serviceContext(c), id));
  });
