import { and, asc, count, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { findings, units, visits, zones } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate, daysBetween } from '../../dates';
import { AppError, validationError } from '../../errors';
import type { HazardsExportQuery } from './schemas';

/** At most this many rows in one spreadsheet; filters narrow a larger register. */
export const EXPORT_LIMIT = 20_000;

/** The safety module must be on: the register is its ledger. */
export function requireSafety(ctx: ServiceContext) {
  if (!ctx.tenant.config.modules.safety) {
    throw new AppError('MODULE_DISABLED', '本单位未开通“督安全”模块，请联系管理员在单位配置中开启。', {
      module: 'safety',
    });
  }
}

export function registerFilters(query: HazardsExportQuery, today: string): SQL | undefined {
  const filters: (SQL | undefined)[] = [eq(findings.module, 'safety')];
  if (query.status) filters.push(eq(findings.status, query.status));
  if (query.level) filters.push(eq(findings.severity, query.level));
  if (query.unitId) filters.push(eq(findings.unitId, query.unitId));
  if (query.overdue === '1') filters.push(inArray(findings.status, ['issued']), lt(findings.deadline, today));
  return and(...filters);
}

export const registerColumns = {
  id: findings.id,
  status: findings.status,
  level: findings.severity,
  category: findings.category,
  description: findings.description,
  requirement: findings.requirement,
  responsiblePerson: findings.responsiblePerson,
  deadline: findings.deadline,
  noticeNo: findings.noticeNo,
  createdAt: findings.createdAt,
  reportedAt: findings.reportedAt,
  closedAt: findings.closedAt,
  overdueAt: findings.overdueAt,
  escalation: findings.escalation,
  visitedOn: visits.visitedOn,
  unitId: findings.unitId,
  unitName: units.name,
  zoneId: units.zoneId,
  zoneName: zones.name,
};

type RegisterRow = {
  [K in keyof typeof registerColumns]: (typeof registerColumns)[K]['_']['data'] | null;
};

/**
 * A register line: found on (the visit's day, else the day it was recorded), age in days (until
 * closed), days past the deadline (until reported or closed), and whether it is overdue now.
 */
export function shapeHazard(row: RegisterRow, today: string) {
  const foundOn = row.visitedOn ?? beijingDate(new Date(row.createdAt ?? ''));
  const closedOn = row.closedAt ? beijingDate(new Date(row.closedAt)) : null;
  const reportedOn = row.reportedAt ? beijingDate(new Date(row.reportedAt)) : null;
  const deadline = row.deadline ?? today;
  const lateUntil = closedOn ?? (row.status === 'reported' ? reportedOn : null) ?? today;
  return {
    ...row,
    foundOn,
    closedOn,
    ageDays: Math.max(0, daysBetween(foundOn, closedOn ?? today)),
    overdueDays: row.status === 'open' ? 0 : Math.max(0, daysBetween(deadline, lateUntil)),
    overdue: row.status === 'issued' && deadline < today,
  };
}
export type Hazard = ReturnType<typeof shapeHazard>;

function registerQuery(ctx: ServiceContext, where: SQL | undefined) {
  return ctx.db
    .select(registerColumns)
    .from(findings)
    .innerJoin(units, eq(units.id, findings.unitId))
    .leftJoin(zones, eq(zones.id, units.zoneId))
    .leftJoin(visits, eq(visits.id, findings.visitId))
    .where(where);
}

/** The safety hazard register (隐患台账), newest first, a page at a time. */
export async function listHazards(
  ctx: ServiceContext,
  query: HazardsExportQuery & { page: string | number; pageSize: string | number },
) {
  authorize(ctx.actor, 'dashboard.read');
  requireSafety(ctx);
  const today = beijingDate();
  const where = registerFilters(query, today);
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const [rows, totals, byStatus] = await ctx.db.batch([
    registerQuery(ctx, where)
      .orderBy(desc(findings.createdAt), desc(findings.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ total: count() }).from(findings).where(where),
    ctx.db
      .select({
        status: findings.status,
        level: findings.severity,
        n: count(),
        overdue: sql<number>`sum(CASE WHEN ${findings.status} = 'issued' AND ${findings.deadline} < ${today} THEN 1 ELSE 0 END)`,
      })
      .from(findings)
      .where(eq(findings.module, 'safety'))
      .groupBy(findings.status, findings.severity),
  ]);
  return {
    items: rows.map((r) => shapeHazard(r, today)),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
    today,
    /** The whole register's counts (not filtered): by status and level, and overdue now. */
    summary: byStatus.map((r) => ({
      status: r.status,
      level: r.level,
      count: r.n,
      overdue: Number(r.overdue ?? 0),
    })),
  };
}

/** Every line of the register the filters pick, oldest first as a ledger reads. */
export async function hazardLedger(ctx: ServiceContext, query: HazardsExportQuery) {
  authorize(ctx.actor, 'dashboard.read');
  requireSafety(ctx);
  const today = beijingDate();
  const rows = await registerQuery(ctx, registerFilters(query, today))
    .orderBy(asc(findings.createdAt), asc(findings.id))
    .limit(EXPORT_LIMIT + 1);
  if (rows.length > EXPORT_LIMIT) {
    const message = `台账超过 ${EXPORT_LIMIT} 条，请按状态、等级或单位筛选后分批导出。`;
    throw validationError([{ path: '', message }], message);
  }
  return { items: rows.map((r) => shapeHazard(r, today)), today };
}
