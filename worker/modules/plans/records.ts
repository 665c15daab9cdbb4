import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { plans } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { AppError } from '../../errors';
import type { ItemState } from './schemas';

export type PlanRow = typeof plans.$inferSelect;

export const PLAN_NOT_FOUND = '未找到该督导计划，可能不属于本模块，请返回计划列表刷新。';

/** The plan with this id in this module, or 404 (a plan of another module or tenant is not here). */
export async function findPlan(db: TenantDb, module: ModuleKey, id: string): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), eq(plans.module, module)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', PLAN_NOT_FOUND);
  return row;
}

/**
 * Plan items with the visit that fulfils each (a visit of the plan's module to the unit from the
 * item's start to its due day; the earliest when there are several) and their state on `today`:
 * done, late (not done and past due), due (open today) or upcoming. Nothing of this is stored: a
 * visit recorded, deleted or back-dated changes the state at once.
 *
 * `where` filters `plan_items i` joined with `plans p`. The visit lookup is one probe of
 * visits_unit_idx (unit_id, visited_on) per item: the unary + keeps the planner off
 * visits_module_idx, which would walk every visit of the module in the window (a unit has one or
 * two visits a month; a module has hundreds). Callers filter items by plan_items_due_idx
 * (calendar) or the (plan_id, …) unique index (one plan).
 */
export function itemsWithState(where: SQL, today: string): SQL {
  return sql`SELECT s.*,
      CASE
        WHEN s.visit_id IS NOT NULL THEN 'done'
        WHEN s.due_on < ${today} THEN 'late'
        WHEN s.starts_on <= ${today} THEN 'due'
        ELSE 'upcoming'
      END AS state
    FROM (
      SELECT i.id AS id, i.plan_id AS plan_id, i.unit_id AS unit_id, i.starts_on AS starts_on,
        i.due_on AS due_on, p.module AS module, p.name AS plan_name, p.kind AS plan_kind,
        p.visit_kind AS visit_kind, p.theme AS plan_theme, p.template_id AS template_id,
        (SELECT v.id FROM visits v
          WHERE v.unit_id = i.unit_id AND v.visited_on >= i.starts_on AND v.visited_on <= i.due_on
            AND +v.module = p.module
          ORDER BY v.visited_on, v.id LIMIT 1) AS visit_id
      FROM plan_items i JOIN plans p ON p.id = i.plan_id
      WHERE ${where}
    ) s`;
}

export interface StateCounts {
  total: number;
  due: number;
  done: number;
  late: number;
  upcoming: number;
}

export function emptyCounts(): StateCounts {
  return { total: 0, due: 0, done: 0, late: 0, upcoming: 0 };
}

/** Adds `n` items of `state` to `counts`. */
export function addCount(counts: StateCounts, state: ItemState, n: number): void {
  counts[state] += n;
  counts.total += n;
}
