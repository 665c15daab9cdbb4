import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { getConfig } from './get-config';

export const configRoutes = new Hono<AppEnv>()
  /** Public: what the sign-in page needs to greet the office by name. */
  .get('/info', (c) => {
    const t = c.get('tenant');
    return c.json({ tenant: { slug: t.slug, name: t.name, kind: t.kind }, vocabulary: t.config.vocabulary });
  })
  .get('/config', requirePermission('config.read'), (c) => c.json({ config: getConfig(serviceContext(c)) }));
