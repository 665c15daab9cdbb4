import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { ControlDb, TenantDb } from '../db/client';
import { platformAuditLog } from '../db/schema/control';
import { auditLog } from '../db/schema/tenant';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown> | null;
}

interface Who {
  actorId: string | null;
  actorName: string | null;
  requestId: string;
  clientIp?: string | null;
}

function tenantAuditValues(who: Who, entry: AuditEntry) {
  return {
    at: new Date().toISOString(),
    actorId: who.actorId,
    actorName: who.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? null,
    requestId: who.requestId,
    ip: who.clientIp ?? null,
  };
}

/** An audit insert to put in the same batch (transaction) as the change it records. */
export function tenantAudit(db: Pick<TenantDb, 'insert'>, who: Who, entry: AuditEntry) {
  return db.insert(auditLog).values(tenantAuditValues(who, entry));
}

/**
 * Like `tenantAudit`, but the row is written only when `condition` holds as the statement runs:
 * for batches whose change is itself guarded by a condition (the last admin, a status the row must
 * still have), so a change that did not happen leaves no audit record either. `sql\`changes() = 1\``
 * means "the statement just before changed one row".
 */
export function guardedTenantAudit(
  db: Pick<TenantDb, 'insert'>,
  who: Who,
  entry: AuditEntry,
  condition: SQL,
) {
  const values: Record<keyof typeof auditLog.$inferInsert, unknown> = {
    id: null,
    ...tenantAuditValues(who, entry),
    details: entry.details ? JSON.stringify(entry.details) : null,
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

export function platformAudit(control: Pick<ControlDb, 'insert'>, who: Who, entry: AuditEntry) {
  return control.insert(platformAuditLog).values({
    at: new Date().toISOString(),
    actorId: who.actorId,
    actorName: who.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? null,
    requestId: who.requestId,
  });
}
