import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { inspectorUnits, inspectorZones, units, users, zones } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext, TenantRecord } from '../../context';
import { unitCountsByInspector } from './coverage';
import { findInspector, type InspectorRow, inspectorFields, warningFor } from './records';

export interface AssignedUnit {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  status: 'active' | 'archived';
  zoneId: string | null;
  /** Assigned to the inspector by name. */
  direct: boolean;
  /** The inspector's zone this unit belongs to, if that is (also) why they answer for it. */
  viaZone: { id: string; name: string } | null;
}

/** The inspector's zones and every unit they answer for, direct ones and those of their zones, each marked. */
export async function assignmentsOf(db: TenantDb, tenant: TenantRecord, inspectorId: string) {
  const [zoneRows, directRows] = await db.batch([
    db
      .select({ id: zones.id, name: zones.name })
      .from(inspectorZones)
      .innerJoin(zones, eq(zones.id, inspectorZones.zoneId))
      .where(eq(inspectorZones.inspectorId, inspectorId))
      .orderBy(asc(zones.name)),
    db
      .select({
        id: units.id,
        name: units.name,
        kind: units.kind,
        status: units.status,
        zoneId: units.zoneId,
      })
      .from(inspectorUnits)
      .innerJoin(units, eq(units.id, inspectorUnits.unitId))
      .where(eq(inspectorUnits.inspectorId, inspectorId))
      .orderBy(asc(units.name)),
  ]);
  const zoneIds = zoneRows.map((z) => z.id);
  const zoneUnits =
    zoneIds.length === 0
      ? []
      : await db
          .select({
            id: units.id,
            name: units.name,
            kind: units.kind,
            status: units.status,
            zoneId: units.zoneId,
          })
          .from(units)
          .where(and(inArray(units.zoneId, zoneIds), eq(units.status, 'active')))
          .orderBy(asc(units.name));
  const kindLabels = new Map(tenant.config.unitKinds.map((k) => [k.key, k.label]));
  const zoneById = new Map(zoneRows.map((z) => [z.id, z]));
  const byId = new Map<string, AssignedUnit>();
  for (const u of directRows) {
    byId.set(u.id, { ...u, kindLabel: kindLabels.get(u.kind) ?? u.kind, direct: true, viaZone: null });
  }
  for (const u of zoneUnits) {
    const viaZone = zoneById.get(u.zoneId as string) ?? null;
    const known = byId.get(u.id);
    if (known) known.viaZone = viaZone;
    else byId.set(u.id, { ...u, kindLabel: kindLabels.get(u.kind) ?? u.kind, direct: false, viaZone });
  }
  const assigned = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { zones: zoneRows, units: assigned };
}

/** Everything about one inspector, as the detail page shows it. */
export async function describeInspector(db: TenantDb, tenant: TenantRecord, row: InspectorRow) {
  const [{ zones: zoneList, units: unitList }, counts, linked] = await Promise.all([
    assignmentsOf(db, tenant, row.id),
    unitCountsByInspector(db, [row.id]),
    row.userId
      ? db
          .select({ id: users.id, displayName: users.displayName, username: users.username })
          .from(users)
          .where(eq(users.id, row.userId))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const unitCount = counts.get(row.id) ?? 0;
  return {
    ...inspectorFields(row),
    zones: zoneList,
    units: unitList,
    user: linked[0] ?? null,
    unitCount,
    warning: warningFor(tenant, row, unitCount),
  };
}

export async function getInspector(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'inspectors.read');
  const row = await findInspector(ctx.db, id);
  return describeInspector(ctx.db, ctx.tenant, row);
}
