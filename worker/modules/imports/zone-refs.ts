import type { TenantDb } from '../../../db/client';
import { zones } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import { AppError, type FieldIssue } from '../../errors';
import type { RowErrors } from '../../spreadsheet/table';
import { assertZoneCapacity } from '../zones/capacity';
import type { Statement } from './common';

/** The longest zone name an import creates (the zone form's own limit is the same order). */
const MAX_ZONE_NAME = 30;

/**
 * Zones referred to by name. A name that does not exist yet becomes a new zone (created in the
 * same transaction and reported), so a first import can set up the office's zones too.
 */
export class ZoneRefs {
  private readonly byName = new Map<string, string>();
  private readonly names = new Map<string, string>();
  readonly created: { id: string; name: string }[] = [];

  constructor(existing: readonly { id: string; name: string }[]) {
    for (const z of existing) {
      this.byName.set(z.name, z.id);
      this.names.set(z.id, z.name);
    }
  }

  /** The zone's id, or null after adding an error for a name that cannot be a zone. */
  resolve(name: string, errors: RowErrors, row: number, column: string): string | null {
    const known = this.byName.get(name);
    if (known) return known;
    if (name.length > MAX_ZONE_NAME) {
      errors.add(row, column, `${column}名称不能超过 ${MAX_ZONE_NAME} 个字：“${name.slice(0, 12)}…”`);
      return null;
    }
    const id = crypto.randomUUID();
    this.byName.set(name, id);
    this.names.set(id, name);
    this.created.push({ id, name });
    return id;
  }

  nameOf(id: string): string {
    return this.names.get(id) ?? id;
  }

  inserts(db: TenantDb): Statement[] {
    return this.created.map((z) => db.insert(zones).values({ id: z.id, name: z.name }));
  }
}

/**
 * The zone limit on the state after the whole file (`moves`: unit id → zone id), checked by the one
 * shared rule; its refusals become row errors on the last row that puts a unit in the full zone.
 */
export async function checkZoneCapacity(
  db: TenantDb,
  config: TenantConfig,
  moves: Map<string, string | null>,
  rowsByZone: Map<string, number[]>,
  refs: ZoneRefs,
  errors: RowErrors,
  column: string,
) {
  try {
    await assertZoneCapacity(db, config, moves, column);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
    const issues = (err.details?.issues ?? []) as FieldIssue[];
    for (const issue of issues) {
      let message = issue.message;
      for (const z of refs.created) message = message.replaceAll(`“${z.id}”`, `“${z.name}”`);
      const zoneId = [...rowsByZone.keys()].find((id) => message.includes(`“${refs.nameOf(id)}”`));
      const rows = zoneId ? (rowsByZone.get(zoneId) ?? []) : [];
      errors.add(rows.at(-1) ?? 0, column, message);
    }
  }
}
