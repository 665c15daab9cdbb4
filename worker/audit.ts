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

/** An audit insert to put in the same batch (transaction) as the change it records. */
export function tenantAudit(db: Pick<TenantDb, 'insert'>, who: Who, entry: AuditEntry) {
  return db.insert(auditLog).values({
    at: new Date().toISOString(),
    actorId: who.actorId,
    actorName: who.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? null,
    requestId: who.requestId,
    ip: who.clientIp ?? null,
  });
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
