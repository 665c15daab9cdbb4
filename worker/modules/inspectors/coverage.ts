import { and, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { inspectors, inspectorUnits, inspectorZones, units } from '../../../db/schema/tenant';

/**
 * Who answers for a unit: inspectors assigned to it directly, and those of its zone. This is what
 * the public board shows and whom a complaint about the unit reaches. Direct assignments first.
 */
export async function inspectorsForUnit(db: TenantDb, unitId: string) {
  const rows = await db
    .select({
      id: inspectors.id,
      name: inspectors.name,
      type: inspectors.type,
      phone: inspectors.phone,
      email: inspectors.email,
      photoKey: inspectors.photoKey,
      userId: inspectors.userId,
      direct: sql<number>`max(${inspectorUnits.unitId} IS NOT NULL)`,
    })
    .from(inspectors)
    .leftJoin(
      inspectorUnits,
      and(eq(inspectorUnits.inspectorId, inspectors.id), eq(inspectorUnits.unitId, unitId)),
    )
    .leftJoin(inspectorZones, eq(inspectorZones.inspectorId, inspectors.id))
    .leftJoin(units, and(eq(units.id, unitId), eq(units.zoneId, inspectorZones.zoneId)))
    .where(
      and(
        eq(inspectors.status, 'active'),
        sql`(${inspectorUnits.unitId} IS NOT NULL OR ${units.id} IS NOT NULL)`,
      ),
    )
    .groupBy(inspectors.id)
    .orderBy(sql`max(${inspectorUnits.unitId} IS NOT NULL) DESC`, inspectors.name);
  return rows.map(({ direct, ...r }) => ({ ...r, direct: Boolean(direct) }));
}

/**
 * How many active units each inspector answers for (directly or through a zone, each unit once):
 * the figure compared with the tenant's units-per-inspector ratio.
 */
export async function unitCountsByInspector(
  db: TenantDb,
  inspectorIds: string[],
): Promise<Map<string, number>> {
  if (inspectorIds.length === 0) return new Map();
  const rows = await db.all<{ inspector_id: string; n: number }>(sql`
    SELECT inspector_id, count(DISTINCT unit_id) AS n FROM (
      SELECT iu.inspector_id, iu.unit_id FROM inspector_units iu
        JOIN units u ON u.id = iu.unit_id AND u.status = 'active'
      UNION
      SELECT iz.inspector_id, u.id FROM inspector_zones iz
        JOIN units u ON u.zone_id = iz.zone_id AND u.status = 'active'
    ) WHERE inspector_id IN (${sql.join(
      inspectorIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    GROUP BY inspector_id`);
  return new Map(rows.map((r) => [r.inspector_id, Number(r.n)]));
}

/** The warning shown when an inspector holds more units than the tenant's ratio (default 5). */
export function overRatioWarning(unitCount: number, ratio: number, unitWord: string) {
  if (unitCount <= ratio) return null;
  return {
    code: 'OVER_RATIO' as const,
    message: `负责 ${unitCount} 个${unitWord}，超过本单位规定的每名督学 ${ratio} 个，请考虑调整分工。`,
  };
}
