import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { auditLog } from '../../../db/schema/tenant';
import type { AuditEntry } from '../../audit';

interface Who {
  actorId: string | null;
  actorName: string | null;
  requestId: string;
  clientIp?: string | null;
}

/**
 * Like `tenantAudit`, but the row is written only when `condition` holds when the statement runs:
 * for batches whose change is itself guarded by a condition (the last admin), so a refused change
 * leaves no audit record either.
 */
export function guardedTenantAudit(
  db: Pick<TenantDb, 'insert'>,
  who: Who,
  entry: AuditEntry,
  condition: SQL,
) {
  const values: Record<keyof typeof auditLog.$inferInsert, unknown> = {
    id: null,
    at: new Date().toISOString(),
    actorId: who.actorId,
    actorName: who.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
    requestId: who.requestId,
    ip: who.clientIp ?? null,
  };
  // drizzle lists every column of the table, in its order, before the SELECT.
  const columns = Object.keys(getTableColumns(auditLog)) as (keyof typeof values)[];
  return db.insert(auditLog).select(
    sql`select ${sql.join(
      columns.map((c) => sql`${values[c]}`),
      sql`, `,
    )} where ${condition}`,
  );
}
