import { sql } from 'drizzle-orm';
import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError } from '../../errors';
import { describePlan } from './plan-view';
import { findPlan, itemsWithState, PLAN_NOT_FOUND } from './records';
import type { ItemState, PlanItemsQuery } from './schemas';

interface ItemRow {
  id: string;
  unit_id: string;
  unit_name: string | null;
  starts_on: string;
  due_on: string;
  visit_id: string | null;
  state: ItemState;
}

/**
 * The plan, its progress, and one page of its items (by due day, then unit name) with each item's
 * state today and the visit that fulfilled it; `state` narrows the page to late items, say.
 */
export async function getPlan(ctx: ServiceContext, module: ModuleKey, id: string, query: PlanItemsQuery) {
  authorize(ctx.actor, 'plans.read');
  const { db } = ctx;
  await findPlan(db, module, id);
  const today = beijingDate();
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const stateFilter = query.state ? sql`WHERE x.state = ${query.state}` : sql``;
  const items = sql`SELECT x.*, u.name AS unit_name
    FROM (${itemsWithState(sql`i.plan_id = ${id}`, today)}) x
    LEFT JOIN units u ON u.id = x.unit_id
    ${stateFilter}`;
  const [plan, rows, totals] = await Promise.all([
    describePlan(db, id, today),
    db.all<ItemRow>(
      sql`${items} ORDER BY x.due_on, u.name, x.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    ),
    db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (${items})`),
  ]);
  if (!plan) throw new AppError('NOT_FOUND', PLAN_NOT_FOUND);
  return {
    plan,
    today,
    items: {
      items: rows.map((r) => ({
        id: r.id,
        unitId: r.unit_id,
        unitName: r.unit_name ?? '',
        startsOn: r.starts_on,
        dueOn: r.due_on,
        state: r.state,
        visitId: r.visit_id,
      })),
      total: Number(totals[0]?.n ?? 0),
      page,
      pageSize,
    },
  };
}
