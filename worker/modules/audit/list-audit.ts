import { and, desc, eq, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { auditLog, users } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { containsText } from '../../text-search';
import { actionLabel, auditVocabulary, entityTypeLabel } from './actions';
import type { ListAuditQuery } from './schemas';

const CHINA_OFFSET = '+08:00';

/** The first instant of a China-time day, as the ISO text `at` is stored in (UTC, ms). */
export function chinaDayStart(day: string): string {
  return new Date(`${day}T00:00:00${CHINA_OFFSET}`).toISOString();
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Who did what and when, newest first, a page at a time. Paging is by keyset (`before` = the id of
 * the last row shown), ordered by (at, id) so the at and actor+at indexes serve it without sorting
 * however long the log grows; no total is counted.
 */
export async function listAudit(ctx: ServiceContext, query: ListAuditQuery) {
  authorize(ctx.actor, 'audit.read');
  const { db, tenant } = ctx;
  const filters: (SQL | undefined)[] = [];
  if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
  if (query.q) {
    // The accounts whose name matches (served by the actor index), and anyone recorded under such a
    // name (operators, renamed or removed accounts).
    filters.push(
      or(
        inArray(
          auditLog.actorId,
          db
            .select({ id: users.id })
            .from(users)
            .where(containsText(query.q, users.displayName, users.username)),
        ),
        containsText(query.q, auditLog.actorName),
      ),
    );
  }
  if (query.entityId) {
    // One entity: few rows, found by the entity index and sorted.
    if (query.entityType) filters.push(eq(auditLog.entityType, query.entityType));
    filters.push(eq(auditLog.entityId, query.entityId));
  } else if (query.entityType) {
    // A whole type may be half the log: walk the time index and stop at a page (the unary + keeps
    // SQLite off the entity index, which would sort every row of the type).
    filters.push(sql`+${auditLog.entityType} = ${query.entityType}`);
  }
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.from) filters.push(sql`${auditLog.at} >= ${chinaDayStart(query.from)}`);
  if (query.to) filters.push(sql`${auditLog.at} < ${chinaDayStart(nextDay(query.to))}`);
  if (query.before !== null) {
    const cursorAt = sql`(select ${auditLog.at} from ${auditLog} where ${auditLog.id} = ${query.before})`;
    // `at <= cursor` is a range on the time indexes; the OR only breaks ties within one instant.
    filters.push(lte(auditLog.at, cursorAt), or(lt(auditLog.at, cursorAt), lt(auditLog.id, query.before)));
  }
  const pageSize = Number(query.pageSize);
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize + 1);
  const vocabulary = tenant.config.vocabulary;
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      actionLabel: actionLabel(r.action, vocabulary),
      entityType: r.entityType,
      entityTypeLabel: entityTypeLabel(r.entityType, vocabulary),
      entityId: r.entityId,
      details: r.details ?? null,
      ip: r.ip,
    })),
    pageSize,
    /** Pass as `before` for the next (older) page; null on the last page. */
    nextBefore: rows.length > pageSize && last ? last.id : null,
    ...auditVocabulary(vocabulary),
  };
}
