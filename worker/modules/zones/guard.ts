import { type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';

/**
 * A statement to put LAST in a write batch: it fails (and so rolls the whole batch back) when any of
 * `zoneIds` holds more active units than `max` after the batch's writes. The read-then-check of
 * `assertZoneCapacity` gives the clear 422; this makes the limit hold when two requests race.
 * `json('…')` of a non-JSON text is SQLite's way of raising an error from a plain statement.
 */
export function zoneCapacityGuard(db: TenantDb, zoneIds: readonly string[], max: number) {
  const ids = [...new Set(zoneIds)];
  if (ids.length === 0) return null;
  return failWhen(
    db,
    sql`EXISTS (SELECT 1 FROM units WHERE status = 'active' AND zone_id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) GROUP BY zone_id HAVING count(*) > ${max})`,
  );
}

export const GUARD_TAG = 'dudao_guard_failed';

/** A statement that aborts its batch when `condition` holds after the statements before it. */
export function failWhen(db: TenantDb, condition: SQL) {
  return db.run(sql`SELECT json(CASE WHEN ${condition} THEN ${GUARD_TAG} ELSE '0' END)`);
}

/** Whether a batch failed because of a `failWhen` guard (the database says the JSON is malformed). */
export function isGuardFailure(err: unknown): boolean {
  for (let e = err as { message?: string; cause?: unknown } | null, depth = 0; e && depth < 5; depth++) {
    if (/malformed JSON/i.test(String(e.message ?? ''))) return true;
    e = e.cause as typeof e;
  }
  return false;
}
