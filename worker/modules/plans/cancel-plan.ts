import { and, eq, sql } from 'drizzle-orm';
import { plans } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { describePlan } from './plan-view';
import { findPlan, PLAN_NOT_FOUND } from './records';

/**
 * Cancelling a plan takes its items off the calendar; the plan and its items stay readable.
 * Cancelling twice changes nothing and records nothing the second time.
 */
export async function cancelPlan(ctx: ServiceContext, module: ModuleKey, id: string) {
  authorize(ctx.actor, 'plans.manage');
  const { db } = ctx;
  const before = await findPlan(db, module, id);
  if (before.status === 'active') {
    await db.batch([
      db
        .update(plans)
        .set({ status: 'cancelled', updatedAt: new Date().toISOString() })
        .where(and(eq(plans.id, id), eq(plans.status, 'active'))),
      // Two people cancelling at once: one change, one record.
      guardedTenantAudit(
        db,
        actorWho(ctx),
        {
          action: 'plan.cancel',
          entityType: 'plan',
          entityId: id,
          details: { module, name: before.name, kind: before.kind },
        },
        sql`changes() = 1`,
      ),
    ]);
  }
  const plan = await describePlan(db, id, beijingDate());
  if (!plan) throw new AppError('NOT_FOUND', PLAN_NOT_FOUND);
  return plan;
}
