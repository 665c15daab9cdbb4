import type { MiddlewareHandler } from 'hono';
import { SLUG_PATTERN } from '../../tenants/config/slug';
import type { AppEnv } from '../context';
import { AppError } from '../errors';
import { tenantDb } from '../platform/databases';
import { findTenant } from '../platform/directory';

/** Resolves `/api/t/:tenant/...`: unknown or not yet provisioned → 404, suspended → 403. */
export const resolveTenant: MiddlewareHandler<AppEnv> = async (c, next) => {
  const slug = c.req.param('tenant') ?? '';
  if (!SLUG_PATTERN.test(slug)) throw new AppError('NOT_FOUND', '未找到该单位，请检查网址中的单位代码。');
  const tenant = await findTenant(c.get('control'), slug);
  if (!tenant || tenant.status === 'pending') {
    throw new AppError('NOT_FOUND', '未找到该单位，请检查网址中的单位代码。');
  }
  if (tenant.status === 'suspended') throw new AppError('TENANT_SUSPENDED');
  c.set('tenant', tenant);
  c.set('db', tenantDb(c.env, tenant.dbUrl));
  await next();
};
