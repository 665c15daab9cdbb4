import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import * as v from 'valibot';
import { SLUG_PATTERN } from '../../../tenants/config/slug';
import { platformSessionPolicy } from '../../auth/policies';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { limitByClient, PLATFORM_LOGIN_LIMITS } from '../../middleware/rate-limit';
import {
  currentPlatformActor,
  loadPlatformSession,
  platformLucia,
  requirePlatformPermission,
  writeCookie,
} from '../../middleware/session';
import { platformContext } from '../../service-context';
import { jsonBody, queryParams } from '../../validation';
import { LoginInput } from '../auth/schemas';
import { parseSchoolYear } from '../balance/scope';
import { RejectInput } from '../signup/schemas';
import { balanceOverview } from './balance-overview';
import { platformLogin, platformLogout } from './login';
import { approveSignup, listSignups, rejectSignup } from './signups';
import { setTenantStatus } from './tenant-status';
import { tenantsOverview } from './tenants-overview';

const SignupsQuery = v.object({
  status: v.optional(
    v.picklist(['pending', 'approved', 'rejected'], '状态只能是 pending、approved 或 rejected'),
  ),
});

const BalanceQuery = v.object({ year: v.optional(v.string()) });

function slugParam(slug: string | undefined): string {
  if (!slug || !SLUG_PATTERN.test(slug)) throw new AppError('NOT_FOUND', '未找到该单位。');
  return slug;
}

function idParam(id: string | undefined): string {
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('NOT_FOUND', '未找到该开通申请。');
  return id;
}

export const provinceRoutes = new Hono<AppEnv>()
  .use('*', loadPlatformSession)
  .post('/auth/login', limitByClient('platform-login', PLATFORM_LOGIN_LIMITS, 'control'), async (c) => {
    const input = await jsonBody(c, LoginInput);
    const policy = platformSessionPolicy(c.req.url);
    const { token, actor } = await platformLogin(
      { control: c.get('control'), requestId: c.get('requestId'), clientIp: c.get('clientIp') },
      input,
      policy,
    );
    writeCookie(c, platformLucia(c, policy).createSessionCookie(token));
    return c.json({ account: actor });
  })
  .post('/auth/logout', async (c) => {
    const policy = platformSessionPolicy(c.req.url);
    const actor = currentPlatformActor(c);
    await platformLogout(
      { control: c.get('control'), requestId: c.get('requestId'), actor },
      getCookie(c, policy.cookieName) ?? '',
    );
    writeCookie(c, platformLucia(c, policy).createBlankSessionCookie());
    return c.body(null, 204);
  })
  .get('/me', (c) => c.json({ account: currentPlatformActor(c) }))
  .get('/tenants', requirePlatformPermission('tenants.read'), async (c) =>
    c.json(await tenantsOverview(platformContext(c))),
  )
  .get('/balance', requirePlatformPermission('tenants.read'), async (c) => {
    const { year } = queryParams(c, BalanceQuery);
    return c.json(
      await balanceOverview(platformContext(c), year === undefined ? null : parseSchoolYear(year)),
    );
  })
  .post('/tenants/:slug/suspend', requirePlatformPermission('tenants.manage'), async (c) =>
    c.json({
      tenant: await setTenantStatus(platformContext(c), slugParam(c.req.param('slug')), 'suspended'),
    }),
  )
  .post('/tenants/:slug/resume', requirePlatformPermission('tenants.manage'), async (c) =>
    c.json({ tenant: await setTenantStatus(platformContext(c), slugParam(c.req.param('slug')), 'active') }),
  )
  .get('/signups', requirePlatformPermission('signups.review'), async (c) => {
    const query = queryParams(c, SignupsQuery);
    return c.json(await listSignups(platformContext(c), query.status));
  })
  .post('/signups/:id/approve', requirePlatformPermission('signups.review'), async (c) =>
    c.json(await approveSignup(platformContext(c), idParam(c.req.param('id')))),
  )
  .post('/signups/:id/reject', requirePlatformPermission('signups.review'), async (c) => {
    const id = idParam(c.req.param('id'));
    const input = await jsonBody(c, RejectInput);
    return c.json(await rejectSignup(platformContext(c), id, input.reason));
  });
