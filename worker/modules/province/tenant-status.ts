import { eq } from 'drizzle-orm';
import type { ControlDb } from '../../../db/client';
import { tenants } from '../../../db/schema/control';
import type { Who } from '../../../tenants/provisioning/provision';
import { platformAudit } from '../../audit';
import { authorizePlatform } from '../../auth/permissions';
import type { PlatformContext } from '../../context';
import { AppError } from '../../errors';
import { forgetTenant } from '../../platform/directory';
import { operatorWho } from '../../service-context';

/**
 * Suspends or resumes a tenant. Suspension keeps every row of its database; all its requests,
 * signed in or not, answer 403 TENANT_SUSPENDED until it is resumed.
 */
export async function applyTenantStatus(
  control: ControlDb,
  who: Who,
  slug: string,
  status: 'active' | 'suspended',
): Promise<{ slug: string; status: 'active' | 'suspended' }> {
  const row = await control.query.tenants.findFirst({ where: eq(tenants.slug, slug) });
  if (!row) throw new AppError('NOT_FOUND', `未找到单位代码为 ${slug} 的单位。`);
  if (row.status === 'pending') throw new AppError('CONFLICT', '该单位尚未开通完成，请先完成开通。');
  if (row.status !== status) {
    await control.batch([
      control
        .update(tenants)
        .set({ status, updatedAt: new Date().toISOString() })
        .where(eq(tenants.id, row.id)),
      platformAudit(control, who, {
        action: status === 'suspended' ? 'tenant.suspend' : 'tenant.resume',
        entityType: 'tenant',
        entityId: row.id,
        details: { slug },
      }),
    ]);
  }
  forgetTenant(slug);
  return { slug, status };
}

/** The operator's verb; the CLI calls applyTenantStatus directly with its own identity. */
export function setTenantStatus(ctx: PlatformContext, slug: string, status: 'active' | 'suspended') {
  authorizePlatform(ctx.actor, 'tenants.manage');
  return applyTenantStatus(ctx.control, operatorWho(ctx), slug, status);
}
