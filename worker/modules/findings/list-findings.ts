import { and, count, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { findings, units, zones } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { containsText } from '../../text-search';
import { rowColumns, shapeRow, visibleTo } from './records';
import type { ListFindingsQuery, MyFindingsQuery } from './schemas';

/** The module's findings with filters, newest first; a unit manager sees only their unit's issued ones. */
export async function listFindings(ctx: ServiceContext, module: ModuleKey, query: ListFindingsQuery) {
  authorize(ctx.actor, 'findings.read');
  const today = beijingDate();
  const filters: (SQL | undefined)[] = [eq(findings.module, module), visibleTo(ctx)];
  if (query.status) filters.push(eq(findings.status, query.status));
  if (query.severity) filters.push(eq(findings.severity, query.severity));
  if (query.unitId) filters.push(eq(findings.unitId, query.unitId));
  if (query.zoneId) filters.push(eq(units.zoneId, query.zoneId));
  if (query.overdue === '1') filters.push(eq(findings.status, 'issued'), lt(findings.deadline, today));
  if (query.q)
    filters.push(containsText(query.q, findings.description, findings.category, findings.noticeNo));
  return page(ctx, and(...filters), Number(query.page), Number(query.pageSize), today);
}

async function page(
  ctx: ServiceContext,
  where: SQL | undefined,
  page: number,
  pageSize: number,
  today: string,
) {
  const { db } = ctx;
  const [rows, totals] = await db.batch([
    db
      .select(rowColumns)
      .from(findings)
      .innerJoin(units, eq(units.id, findings.unitId))
      .leftJoin(zones, eq(zones.id, units.zoneId))
      .where(where)
      .orderBy(desc(findings.createdAt), desc(findings.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(findings).innerJoin(units, eq(units.id, findings.unitId)).where(where),
  ]);
  return {
    items: rows.map((r) => shapeRow(r, today)),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}

/**
 * A unit manager's findings across the modules the tenant has on: what waits (issued and
 * reported) unless `closed` is asked for. Users without a unit have none.
 */
export async function listMyFindings(ctx: ServiceContext, query: MyFindingsQuery) {
  authorize(ctx.actor, 'findings.read');
  const p = Number(query.page);
  const size = Number(query.pageSize);
  const modules = (Object.keys(ctx.tenant.config.modules) as ModuleKey[]).filter(
    (m) => ctx.tenant.config.modules[m],
  );
  if (!ctx.actor.unitId || modules.length === 0) return { items: [], total: 0, page: p, pageSize: size };
  const where = and(
    eq(findings.unitId, ctx.actor.unitId),
    inArray(findings.module, modules),
    query.status ? eq(findings.status, query.status) : inArray(findings.status, ['issued', 'reported']),
  );
  return page(ctx, where, p, size, beijingDate());
}
