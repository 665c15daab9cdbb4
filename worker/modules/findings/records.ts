import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import {
  evidenceFiles,
  findingEvents,
  findings,
  units,
  users,
  visits,
  zones,
} from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError } from '../../errors';

export type FindingRecord = typeof findings.$inferSelect;

export const FINDING_NOT_FOUND = '未找到该问题，可能不属于本模块或本单位，请返回列表刷新。';

/** What each step is called in a finding's timeline. */
export const EVENT_LABELS: Record<string, string> = {
  created: '登记问题',
  issue: '下发整改通知',
  report: '提交整改报告',
  reject: '退回整改',
  close: '复查销号',
  overdue: '逾期未整改',
  escalate: '逾期提醒主任',
};

/**
 * A unit manager sees only their own unit's findings, and only once issued (an open finding is the
 * office's draft). Everyone else with findings.read sees the whole module.
 */
export function visibleTo(ctx: ServiceContext): SQL | undefined {
  if (ctx.actor.role !== 'unit_manager') return undefined;
  if (!ctx.actor.unitId) return sql`0`;
  return and(eq(findings.unitId, ctx.actor.unitId), ne(findings.status, 'open'));
}

/** Issued and past its deadline on today's Beijing date: the SQL and the flag agree. */
export function overdueSql(today: string): SQL<number> {
  return sql<number>`(${findings.status} = 'issued' AND ${findings.deadline} < ${today})`;
}

/** The columns of a list row: the finding with its unit's and zone's names. */
export const rowColumns = {
  id: findings.id,
  module: findings.module,
  unitId: findings.unitId,
  unitName: units.name,
  zoneId: units.zoneId,
  zoneName: zones.name,
  visitId: findings.visitId,
  itemKey: findings.itemKey,
  category: findings.category,
  severity: findings.severity,
  description: findings.description,
  requirement: findings.requirement,
  responsiblePerson: findings.responsiblePerson,
  deadline: findings.deadline,
  status: findings.status,
  noticeNo: findings.noticeNo,
  issuedAt: findings.issuedAt,
  reportedAt: findings.reportedAt,
  closedAt: findings.closedAt,
  overdueAt: findings.overdueAt,
  escalation: findings.escalation,
  createdBy: findings.createdBy,
  createdAt: findings.createdAt,
  updatedAt: findings.updatedAt,
};

type RowIn = { status: FindingRecord['status']; deadline: string };

/** A list row as the pages read it: with the server's word on overdue. */
export function shapeRow<R extends RowIn>(row: R, today = beijingDate()) {
  return { ...row, overdue: row.status === 'issued' && row.deadline < today };
}

/** The finding with this id in this module if this user may see it; otherwise 404. */
export async function findVisibleFinding(
  ctx: ServiceContext,
  module: ModuleKey,
  id: string,
): Promise<FindingRecord> {
  const [row] = await ctx.db
    .select()
    .from(findings)
    .where(and(eq(findings.id, id), eq(findings.module, module), visibleTo(ctx)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', FINDING_NOT_FOUND);
  return row;
}

/** Photos cited by the visit's answer to the finding's checklist item, when it came from one. */
async function visitPhotoIds(ctx: ServiceContext, f: { visitId: string | null; itemKey: string | null }) {
  if (!f.visitId || !f.itemKey) return [];
  const path = `$."${f.itemKey.replace(/["\\]/g, '')}".photos`;
  const [row] = await ctx.db
    .select({ photos: sql<string | null>`json_extract(${visits.answers}, ${path})` })
    .from(visits)
    .where(eq(visits.id, f.visitId))
    .limit(1);
  if (!row?.photos) return [];
  try {
    const ids = JSON.parse(row.photos) as unknown;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string').slice(0, 50) : [];
  } catch {
    return [];
  }
}

/** The finding with its unit, zone, maker, every step and its evidence: what GET and every step answer. */
export async function findingDetail(ctx: ServiceContext, module: ModuleKey, id: string) {
  const { db } = ctx;
  const [rows, events, owned, makers] = await db.batch([
    db
      .select(rowColumns)
      .from(findings)
      .innerJoin(units, eq(units.id, findings.unitId))
      .leftJoin(zones, eq(zones.id, units.zoneId))
      .where(and(eq(findings.id, id), eq(findings.module, module), visibleTo(ctx)))
      .limit(1),
    db
      .select({
        id: findingEvents.id,
        at: findingEvents.at,
        actorId: findingEvents.actorId,
        actorName: findingEvents.actorName,
        action: findingEvents.action,
        note: findingEvents.note,
        evidence: findingEvents.evidence,
      })
      .from(findingEvents)
      .where(eq(findingEvents.findingId, id))
      .orderBy(asc(findingEvents.id)),
    db
      .select({
        id: evidenceFiles.id,
        ownerType: evidenceFiles.ownerType,
        contentType: evidenceFiles.contentType,
        size: evidenceFiles.size,
        createdAt: evidenceFiles.createdAt,
      })
      .from(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.ownerId, id),
          inArray(evidenceFiles.ownerType, ['finding', 'rectification']),
          eq(evidenceFiles.module, module),
        ),
      )
      .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id)),
    db
      .select({ name: users.displayName })
      .from(users)
      .innerJoin(findings, eq(findings.createdBy, users.id))
      .where(eq(findings.id, id))
      .limit(1),
  ]);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', FINDING_NOT_FOUND);
  const fromVisit = await visitPhotoIds(ctx, row);
  const ownedIds = new Set(owned.map((e) => e.id));
  const visitEvidence = fromVisit.filter((x) => !ownedIds.has(x));
  const visitRows = visitEvidence.length
    ? await db
        .select({
          id: evidenceFiles.id,
          ownerType: evidenceFiles.ownerType,
          contentType: evidenceFiles.contentType,
          size: evidenceFiles.size,
          createdAt: evidenceFiles.createdAt,
        })
        .from(evidenceFiles)
        .where(and(inArray(evidenceFiles.id, visitEvidence), eq(evidenceFiles.module, module)))
    : [];
  return {
    ...shapeRow(row),
    createdByName: makers[0]?.name ?? null,
    events: events.map((e) => ({ ...e, actionLabel: EVENT_LABELS[e.action] ?? e.action })),
    evidence: [...visitRows, ...owned],
  };
}

export type FindingDetail = Awaited<ReturnType<typeof findingDetail>>;
