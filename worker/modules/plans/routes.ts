import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { moduleOf } from '../checklists/records';
import { cancelPlan } from './cancel-plan';
import { createPlan } from './create-plan';
import { getCalendar } from './get-calendar';
import { getPlan } from './get-plan';
import { listPlans } from './list-plans';
import { saveThemes } from './save-themes';
import { CalendarQuery, CreatePlanInput, ListPlansQuery, PlanItemsQuery, SaveThemesInput } from './schemas';

const read = requirePermission('plans.read');
const manage = requirePermission('plans.manage');

/** Plans of one module, mounted under `/:module`. */
export const plansRoutes = new Hono<AppEnv>()
  .get('/plans', read, async (c) => {
    const module = moduleOf(c);
    const query = queryParams(c, ListPlansQuery);
    return c.json(await listPlans(serviceContext(c), module, query));
  })
  .post('/plans', manage, async (c) => {
    const module = moduleOf(c);
    const input = await jsonBody(c, CreatePlanInput);
    return c.json({ plan: await createPlan(serviceContext(c), module, input) }, 201);
  })
  .get('/plans/:id', read, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    const query = queryParams(c, PlanItemsQuery);
    return c.json(await getPlan(serviceContext(c), module, id, query));
  })
  .post('/plans/:id/cancel', manage, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    return c.json({ plan: await cancelPlan(serviceContext(c), module, id) });
  });

/**
 * Tenant-wide: the monthly theme calendar with every module's plan items. Every signed-in user reads
 * the themes (schools prepare for the month's theme); plan items are for those who read plans.
 */
export const calendarRoutes = new Hono<AppEnv>()
  .get('/calendar', requirePermission('config.read'), async (c) => {
    const query = queryParams(c, CalendarQuery);
    return c.json(await getCalendar(serviceContext(c), query));
  })
  .post('/calendar/themes', manage, async (c) => {
    const input = await jsonBody(c, SaveThemesInput);
    return c.json(await saveThemes(serviceContext(c), input));
  });
