import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { inspectors, inspectorZones } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { containsText } from '../../text-search';
import { unitCountsByInspector } from './coverage';
import { inspectorFields, warningFor, zonesByInspector } from './records';
import type { ListInspectorsQuery } from './schemas';

/** One page of inspectors with their zones, how many units they answer for and the over-ratio warning. */
export async function listInspectors(ctx: ServiceContext, query: ListInspectorsQuery) {
  authorize(ctx.actor, 'inspectors.read');
  const { db, tenant } = ctx;
  const filters: SQL[] = [eq(inspectors.status, query.status)];
  if (query.q) {
    filters.push(containsText(query.q, inspectors.name, inspectors.phone, inspectors.certificateNo));
  }
  if (query.type) filters.push(eq(inspectors.type, query.type));
  if (query.zoneId) {
    filters.push(
      sql`EXISTS (SELECT 1 FROM ${inspectorZones} WHERE ${inspectorZones.inspectorId} = ${inspectors.id} AND ${inspectorZones.zoneId} = ${query.zoneId})`,
    );
  }
  const where = and(...filters);
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const [rows, totals] = await db.batch([
    db
      .select()
      .from(inspectors)
      .where(where)
      .orderBy(asc(inspectors.name), asc(inspectors.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(inspectors).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const [zoneMap, counts] = await Promise.all([zonesByInspector(db, ids), unitCountsByInspector(db, ids)]);
  return {
    items: rows.map((row) => {
      const unitCount = counts.get(row.id) ?? 0;
      return {
        ...inspectorFields(row),
        zones: zoneMap.get(row.id) ?? [],
        unitCount,
        warning: warningFor(tenant, row, unitCount),
      };
    }),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}
