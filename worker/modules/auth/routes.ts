import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { tenantSessionPolicy } from '../../auth/policies';
import type { AppEnv } from '../../context';
import { LOGIN_LIMITS, limitByClient } from '../../middleware/rate-limit';
import { currentActor, requireSession, tenantLucia, writeCookie } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody } from '../../validation';
import { changeOwnPassword } from './change-password';
import { login } from './login';
import { logout } from './logout';
import { ChangePasswordInput, LoginInput } from './schemas';

function publicTenant(c: { get(key: 'tenant'): AppEnv['Variables']['tenant'] }) {
  const t = c.get('tenant');
  return { slug: t.slug, name: t.name, kind: t.kind, regionCode: t.regionCode };
}

export const authRoutes = new Hono<AppEnv>()
  .post('/auth/login', limitByClient('login', LOGIN_LIMITS, 'tenant'), async (c) => {
    const input = await jsonBody(c, LoginInput);
    const policy = tenantSessionPolicy(c.get('tenant').slug, c.req.url);
    const { token, actor } = await login(
      {
        tenant: c.get('tenant'),
        db: c.get('db'),
        requestId: c.get('requestId'),
        clientIp: c.get('clientIp'),
      },
      input,
      policy,
    );
    writeCookie(c, tenantLucia(c, policy).createSessionCookie(token));
    return c.json({ user: actor, tenant: publicTenant(c) });
  })
  .post('/auth/logout', requireSession, async (c) => {
    const policy = tenantSessionPolicy(c.get('tenant').slug, c.req.url);
    const token = getCookie(c, policy.cookieName) ?? '';
    await logout(serviceContext(c), token);
    writeCookie(c, tenantLucia(c, policy).createBlankSessionCookie());
    return c.body(null, 204);
  })
  .post('/auth/password', requireSession, async (c) => {
    const input = await jsonBody(c, ChangePasswordInput);
    const token = getCookie(c, tenantSessionPolicy(c.get('tenant').slug, c.req.url).cookieName) ?? '';
    return c.json(await changeOwnPassword(serviceContext(c), input, token));
  })
  .get('/me', requireSession, (c) => c.json({ user: currentActor(c), tenant: publicTenant(c) }));
