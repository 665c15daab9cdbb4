import { and, count, eq, inArray, notInArray } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { units, zones } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import { validationError } from '../../errors';

/**
 * Refuses a change that would put more active units in a zone than the tenant allows (default 20,
 * 国教督办〔2013〕2号). `moves` maps unit id → its new zone id (null to leave a zone); the check is
 * on the state after all moves, so one request can move units between full zones.
 * `path` names the field the 422 points at.
 */
export async function assertZoneCapacity(
  db: TenantDb,
  config: TenantConfig,
  moves: Map<string, string | null>,
  path = 'zoneId',
) {
  const targetZones = [...new Set([...moves.values()].filter((z): z is string => z !== null))];
  if (targetZones.length === 0) return;
  const movedIds = [...moves.keys()];
  const staying = await db
    .select({ zoneId: units.zoneId, n: count() })
    .from(units)
    .where(
      and(
        inArray(units.zoneId, targetZones),
        eq(units.status, 'active'),
        movedIds.length > 0 ? notInArray(units.id, movedIds) : undefined,
      ),
    )
    .groupBy(units.zoneId);
  const totals = new Map(staying.map((r) => [r.zoneId as string, r.n]));
  for (const zoneId of moves.values()) if (zoneId) totals.set(zoneId, (totals.get(zoneId) ?? 0) + 1);
  const max = config.zones.maxUnitsPerZone;
  const over = [...totals].filter(([, n]) => n > max);
  if (over.length === 0) return;
  const names = await db
    .select({ id: zones.id, name: zones.name })
    .from(zones)
    .where(
      inArray(
        zones.id,
        over.map(([id]) => id),
      ),
    );
  const nameOf = new Map(names.map((z) => [z.id, z.name]));
  const word = config.vocabulary.zone;
  throw validationError(
    over.map(([id, n]) => ({
      path,
      message: `${word}“${nameOf.get(id) ?? id}”最多 ${max} 个${config.vocabulary.unit}，调整后将有 ${n} 个，请先移出部分${config.vocabulary.unit}或改到其他${word}。`,
    })),
  );
}
