import { type SQL, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from '../../db/client';

/**
 * The units a unit manager answers for: their own and every unit under it (a college department's
 * teaching groups). Every teaching page scopes a unit manager by this, so the compliance page, the
 * observation records, checks, flags, surveys and summaries show them the same people.
 */
function managedUnits(unitId: string): SQL {
  // Written out: the recursive step joins units to itself by parent, which drizzle cannot express.
  return sql`WITH RECURSIVE managed(id) AS (SELECT ${unitId} UNION SELECT units.id FROM units JOIN managed ON units.parent_id = managed.id) SELECT id FROM managed`;
}

/** A condition that `column` (a unit id) is one of the manager's units; never true without a unit. */
export function inManagedUnits(column: AnySQLiteColumn, unitId: string | null): SQL {
  if (!unitId) return sql`0`;
  return sql`${column} IN (${managedUnits(unitId)})`;
}

/** The manager's units as a set of ids, for checks made on a row already read. */
export async function managedUnitIds(db: TenantDb, unitId: string | null): Promise<Set<string>> {
  if (!unitId) return new Set();
  const rows = await db.all<{ id: string }>(managedUnits(unitId));
  return new Set(rows.map((r) => r.id));
}
