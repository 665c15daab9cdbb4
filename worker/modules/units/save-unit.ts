import { eq, type SQL, sql } from 'drizzle-orm';
import { units } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError, validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { parseWith } from '../../validation';
import { assertZoneCapacity } from '../zones/capacity';
import { failWhen, isGuardFailure, zoneCapacityGuard } from '../zones/guard';
import {
  describeUnit,
  findUnit,
  resolveKind,
  rethrowUnique,
  storedValues,
  UNIT_VALUE_KEYS,
  type UnitRow,
  type UnitValues,
  unitIssues,
} from './records';
import { UnitInput, type UnitPatch } from './schemas';

function valuesOf(ctx: ServiceContext, input: UnitInput): UnitValues {
  return {
    code: input.code ?? null,
    name: input.name,
    // A label (小学) is accepted for its key (primary); anything else is refused by `unitIssues`.
    kind: resolveKind(ctx.tenant.config, input.kind) ?? input.kind,
    parentId: input.parentId ? input.parentId : null,
    zoneId: input.zoneId ? input.zoneId : null,
    address: input.address ? input.address : null,
    headName: input.headName ? input.headName : null,
    phone: input.phone ?? null,
    enrolment: input.enrolment ?? null,
    staffCount: input.staffCount ?? null,
  };
}

/** Checks every rule, then the zone's limit when the unit (active) enters a zone. */
async function check(ctx: ServiceContext, values: UnitValues, before: UnitRow | null) {
  const { db, tenant } = ctx;
  const issues = await unitIssues(db, tenant.config, values, before);
  if (issues.length > 0) throw validationError(issues);
  const entersZone = values.zoneId !== null && values.zoneId !== before?.zoneId;
  if (entersZone && (before?.status ?? 'active') === 'active') {
    await assertZoneCapacity(db, tenant.config, new Map([[before?.id ?? '', values.zoneId]]));
  }
}

/**
 * Conditions that must still hold when the batch commits (another request may have written since
 * the checks): a root name stays unique (the unique index covers named parents) and the zone stays
 * within its limit.
 */
function guards(ctx: ServiceContext, values: UnitValues, before: UnitRow | null) {
  const { db, tenant } = ctx;
  const list = [];
  if (values.parentId === null) {
    const rootTwice: SQL = sql`(SELECT count(*) FROM units WHERE parent_id IS NULL AND name = ${values.name}) > 1`;
    list.push(failWhen(db, rootTwice));
  }
  const active = (before?.status ?? 'active') === 'active';
  if (active && values.zoneId !== null && values.zoneId !== before?.zoneId) {
    const guard = zoneCapacityGuard(db, [values.zoneId], tenant.config.zones.maxUnitsPerZone);
    if (guard) list.push(guard);
  }
  return list;
}

/** A guard that fired: the checks, run again on the new state, say what is wrong. */
function onFailure(ctx: ServiceContext, values: UnitValues, before: UnitRow | null) {
  const unique = rethrowUnique(ctx.tenant.config, values);
  return async (err: unknown): Promise<never> => {
    if (isGuardFailure(err)) {
      await check(ctx, values, before);
      throw new AppError('CONFLICT');
    }
    return unique(err);
  };
}

export async function createUnit(ctx: ServiceContext, input: UnitInput) {
  authorize(ctx.actor, 'units.manage');
  const { db } = ctx;
  const values = valuesOf(ctx, input);
  await check(ctx, values, null);
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db
    .batch([
      db.insert(units).values({ id, ...values, status: 'active', createdAt: now, updatedAt: now }),
      tenantAudit(db, actorWho(ctx), {
        action: 'unit.create',
        entityType: 'unit',
        entityId: id,
        details: { ...values },
      }),
      ...guards(ctx, values, null),
    ])
    .catch(onFailure(ctx, values, null));
  return describeUnit(db, ctx.tenant, id);
}

/** Changes the fields sent; the whole record must still be valid. Nothing sent that differs: no write, no audit. */
export async function updateUnit(ctx: ServiceContext, id: string, patch: UnitPatch) {
  authorize(ctx.actor, 'units.manage');
  const { db, tenant } = ctx;
  const before = await findUnit(db, tenant.config, id);
  const sent = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const merged = parseWith(UnitInput, { ...storedValues(before), ...sent });
  const values = valuesOf(ctx, merged);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of UNIT_VALUE_KEYS) {
    if (values[key] !== before[key]) changes[key] = { before: before[key], after: values[key] };
  }
  if (Object.keys(changes).length === 0) return describeUnit(db, tenant, id);
  await check(ctx, values, before);
  await db
    .batch([
      db
        .update(units)
        .set({ ...values, updatedAt: new Date().toISOString() })
        .where(eq(units.id, id)),
      tenantAudit(db, actorWho(ctx), {
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        details: { name: values.name, changes },
      }),
      ...guards(ctx, values, before),
    ])
    .catch(onFailure(ctx, values, before));
  return describeUnit(db, tenant, id);
}
