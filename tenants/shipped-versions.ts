import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../db/client';
import { tenantAudit } from '../worker/audit';
import type { Who } from './provisioning/provision';

/** Content the system ships into every tenant (a checklist template, a rubric), by key and revision. */
export interface Shipped {
  key: string;
  revision: number;
}

export interface StoredShipped {
  id: string;
  builtinKey: string | null;
  latestVersion: number;
}

type Statement = BatchItem<'sqlite'>;

/**
 * Brings shipped content up to date in a tenant database, the same way for every kind: a missing
 * one is added, and one whose wording has a newer revision than the tenant's latest shipped
 * version gets that wording as a new version on top (records keep the version they used; an
 * office's own edits are versions too). Writes everything and one audit row in one batch.
 */
export async function syncShipped<B extends Shipped>(
  db: TenantDb,
  who: Who,
  options: {
    builtins: readonly B[];
    existing: readonly StoredShipped[];
    /** The shipped revision of each version already stored, by owner id. */
    storedRevisions: ReadonlyArray<{ ownerId: string; builtinRevision: number | null }>;
    add: (builtin: B, now: string) => readonly Statement[];
    addVersion: (builtin: B, row: StoredShipped, version: number, now: string) => readonly Statement[];
    audit: { action: string; entityType: string };
  },
): Promise<{ added: number; updated: number }> {
  const byKey = new Map(options.existing.map((row) => [row.builtinKey, row]));
  const shipped = new Map<string, number>();
  for (const r of options.storedRevisions) {
    shipped.set(r.ownerId, Math.max(shipped.get(r.ownerId) ?? 0, r.builtinRevision ?? 0));
  }
  const now = new Date().toISOString();
  const statements: Statement[] = [];
  let added = 0;
  let updated = 0;
  for (const builtin of options.builtins) {
    const row = byKey.get(builtin.key);
    if (!row) {
      statements.push(...options.add(builtin, now));
      added++;
    } else if ((shipped.get(row.id) ?? 0) < builtin.revision) {
      statements.push(...options.addVersion(builtin, row, row.latestVersion + 1, now));
      updated++;
    }
  }
  if (statements.length === 0) return { added, updated };
  await db.batch([tenantAudit(db, who, { ...options.audit, details: { added, updated } }), ...statements]);
  return { added, updated };
}
