import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { setTemplateStatus } from './archive-template';
import { copyTemplate } from './copy-template';
import { createTemplate } from './create-template';
import { getTemplate, getTemplateVersion } from './get-template';
import { listTemplates } from './list-templates';
import { moduleOf, pathVersion } from './records';
import { saveTemplateVersion } from './save-version';
import { CopyTemplateInput, CreateTemplateInput, ListTemplatesQuery, NewVersionInput } from './schemas';

const read = requirePermission('checklists.read');
const manage = requirePermission('checklists.manage');

/** Checklist templates of one module, mounted under `/:module` so the module gate applies. */
export const checklistsRoutes = new Hono<AppEnv>()
  .get('/templates', read, async (c) => {
    const module = moduleOf(c);
    const query = queryParams(c, ListTemplatesQuery);
    return c.json(await listTemplates(serviceContext(c), module, query));
  })
  .post('/templates', manage, async (c) => {
    const module = moduleOf(c);
    const input = await jsonBody(c, CreateTemplateInput);
    return c.json({ template: await createTemplate(serviceContext(c), module, input) }, 201);
  })
  .get('/templates/:id', read, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    return c.json({ template: await getTemplate(serviceContext(c), module, id) });
  })
  .get('/templates/:id/versions/:version', read, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    const version = pathVersion(c);
    return c.json(await getTemplateVersion(serviceContext(c), module, id, version));
  })
  .post('/templates/:id/copy', manage, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    const input = await jsonBody(c, CopyTemplateInput);
    return c.json({ template: await copyTemplate(serviceContext(c), module, id, input) }, 201);
  })
  .post('/templates/:id/versions', manage, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    const input = await jsonBody(c, NewVersionInput);
    return c.json(await saveTemplateVersion(serviceContext(c), module, id, input));
  })
  .post('/templates/:id/archive', manage, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    return c.json({ template: await setTemplateStatus(serviceContext(c), module, id, 'archived') });
  })
  .post('/templates/:id/restore', manage, async (c) => {
    const module = moduleOf(c);
    const id = pathId(c);
    return c.json({ template: await setTemplateStatus(serviceContext(c), module, id, 'active') });
  });
