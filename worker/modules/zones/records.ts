import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { inspectors, inspectorZones, units, zones } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import { AppError, type FieldIssue, validationError } from '../../errors';

export type ZoneRow = typeof zones.$inferSelect;

export async function findZone(db: TenantDb, config: TenantConfig, id: string): Promise<ZoneRow> {
  const [row] = await db.select().from(zones).where(eq(zones.id, id)).limit(1);
  if (!row) {
    throw new AppError('NOT_FOUND', `未找到该${config.vocabulary.zone}，可能已被删除，请返回列表刷新。`);
  }
  return row;
}

function nameTaken(config: TenantConfig, name: string): FieldIssue {
  return { path: 'name', message: `已有名为“${name}”的${config.vocabulary.zone}，请改用其他名称` };
}

export async function assertZoneNameFree(
  db: TenantDb,
  config: TenantConfig,
  name: string,
  id: string | null,
) {
  const [other] = await db
    .select({ id: zones.id })
    .from(zones)
    .where(and(eq(zones.name, name), id ? ne(zones.id, id) : undefined))
    .limit(1);
  if (other) throw validationError([nameTaken(config, name)]);
}

/** The unique index on zones.name that fired between our check and our write is still a 422 on the field. */
export function rethrowZoneUnique(config: TenantConfig, name: string) {
  return (err: unknown): never => {
    for (let e = err as { message?: string; cause?: unknown } | null, depth = 0; e && depth < 5; depth++) {
      if (/UNIQUE constraint failed: zones\.name/.test(String(e.message ?? ''))) {
        throw validationError([nameTaken(config, name)]);
      }
      e = e.cause as typeof e;
    }
    throw err;
  };
}

/** Zones with their active unit counts and inspectors: the zones page, the pickers, one zone's answer. */
export async function describeZones(db: TenantDb, config: TenantConfig, ids?: string[]) {
  const limit = config.zones.maxUnitsPerZone;
  const only = ids ? inArray(zones.id, ids.length ? ids : ['']) : undefined;
  const [rows, counts, people] = await db.batch([
    db.select().from(zones).where(only).orderBy(asc(zones.name)),
    db
      .select({ zoneId: units.zoneId, n: count() })
      .from(units)
      .where(
        and(eq(units.status, 'active'), ids ? inArray(units.zoneId, ids.length ? ids : ['']) : undefined),
      )
      .groupBy(units.zoneId),
    db
      .select({ zoneId: inspectorZones.zoneId, id: inspectors.id, name: inspectors.name })
      .from(inspectorZones)
      .innerJoin(inspectors, eq(inspectors.id, inspectorZones.inspectorId))
      .where(
        and(
          eq(inspectors.status, 'active'),
          ids ? inArray(inspectorZones.zoneId, ids.length ? ids : ['']) : undefined,
        ),
      )
      .orderBy(asc(inspectors.name)),
  ]);
  const countOf = new Map(counts.map((c) => [c.zoneId, c.n]));
  const peopleOf = new Map<string, { id: string; name: string }[]>();
  for (const { zoneId, ...person } of people) {
    const list = peopleOf.get(zoneId) ?? [];
    list.push(person);
    peopleOf.set(zoneId, list);
  }
  return rows.map((z) => {
    const unitCount = countOf.get(z.id) ?? 0;
    return {
      id: z.id,
      name: z.name,
      note: z.note,
      unitCount,
      limit,
      full: unitCount >= limit,
      inspectors: peopleOf.get(z.id) ?? [],
      createdAt: z.createdAt,
      updatedAt: z.updatedAt,
    };
  });
}

export async function describeZone(db: TenantDb, config: TenantConfig, id: string) {
  const [zone] = await describeZones(db, config, [id]);
  if (!zone) await findZone(db, config, id);
  return zone as NonNullable<typeof zone>;
}
