import { eq, type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { checklistTemplates, plans, users, zones } from '../../../db/schema/tenant';
import { addCount, emptyCounts, itemsWithState, type StateCounts } from './records';
import type { ItemState } from './schemas';

/** Plans with the names a list shows: template, zone, who made it. */
export function selectPlans(db: TenantDb, where: SQL | undefined) {
  return db
    .select({
      id: plans.id,
      module: plans.module,
      kind: plans.kind,
      name: plans.name,
      visitKind: plans.visitKind,
      templateId: plans.templateId,
      templateName: checklistTemplates.name,
      zoneId: plans.zoneId,
      zoneName: zones.name,
      startsOn: plans.startsOn,
      endsOn: plans.endsOn,
      theme: plans.theme,
      note: plans.note,
      status: plans.status,
      createdById: plans.createdBy,
      createdByName: users.displayName,
      createdAt: plans.createdAt,
      updatedAt: plans.updatedAt,
    })
    .from(plans)
    .leftJoin(checklistTemplates, eq(checklistTemplates.id, plans.templateId))
    .leftJoin(zones, eq(zones.id, plans.zoneId))
    .leftJoin(users, eq(users.id, plans.createdBy))
    .where(where);
}

export type PlanListRow = Awaited<ReturnType<typeof selectPlans>>[number];

/** Each plan's items counted by state on `today`. */
export async function countsByPlan(
  db: TenantDb,
  planIds: string[],
  today: string,
): Promise<Map<string, StateCounts>> {
  const out = new Map<string, StateCounts>(planIds.map((id) => [id, emptyCounts()]));
  if (planIds.length === 0) return out;
  const rows = await db.all<{ plan_id: string; state: ItemState; n: number }>(sql`
    SELECT plan_id, state, count(*) AS n
    FROM (${itemsWithState(
      sql`i.plan_id IN (${sql.join(
        planIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
      today,
    )})
    GROUP BY plan_id, state`);
  for (const row of rows) {
    const counts = out.get(row.plan_id);
    if (counts) addCount(counts, row.state, Number(row.n));
  }
  return out;
}

/** A plan as every answer shows it: its fields, the names it refers to, its progress. */
export function planView(row: PlanListRow, counts: StateCounts) {
  return {
    id: row.id,
    module: row.module,
    kind: row.kind,
    name: row.name,
    visitKind: row.visitKind,
    template: row.templateId ? { id: row.templateId, name: row.templateName ?? '' } : null,
    zone: row.zoneId ? { id: row.zoneId, name: row.zoneName ?? '' } : null,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    theme: row.theme,
    note: row.note,
    status: row.status,
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? '' } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    counts,
  };
}

/** One plan with its progress, for the answers of create, read and cancel. */
export async function describePlan(db: TenantDb, id: string, today: string) {
  const [row] = await selectPlans(db, eq(plans.id, id)).limit(1);
  if (!row) return null;
  const counts = await countsByPlan(db, [id], today);
  return planView(row, counts.get(id) ?? emptyCounts());
}
