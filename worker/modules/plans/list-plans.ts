import { and, count, desc, eq } from 'drizzle-orm';
import { plans } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { countsByPlan, planView, selectPlans } from './plan-view';
import { emptyCounts } from './records';
import type { ListPlansQuery } from './schemas';

/** One page of the module's plans, latest period first, each with its progress today. */
export async function listPlans(ctx: ServiceContext, module: ModuleKey, query: ListPlansQuery) {
  authorize(ctx.actor, 'plans.read');
  const { db } = ctx;
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  // plans_module_idx (module, status, starts_on) serves both the filter and the order.
  const where = and(eq(plans.module, module), eq(plans.status, query.status));
  const [rows, totals] = await Promise.all([
    selectPlans(db, where)
      .orderBy(desc(plans.startsOn), desc(plans.createdAt), desc(plans.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(plans).where(where),
  ]);
  const today = beijingDate();
  const counts = await countsByPlan(
    db,
    rows.map((r) => r.id),
    today,
  );
  return {
    items: rows.map((row) => planView(row, counts.get(row.id) ?? emptyCounts())),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
    today,
  };
}
