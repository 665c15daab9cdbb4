import type { TenantConfig } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';

export function getConfig(ctx: ServiceContext): TenantConfig {
  authorize(ctx.actor, 'config.read');
  return ctx.tenant.config;
}
