import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { units, zones } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import type { TenantRecord } from '../../context';
import { AppError, type FieldIssue, validationError } from '../../errors';
import { ID_PATTERN } from '../../validation';
import { inspectorsForUnit } from '../inspectors/coverage';
import { INSPECTOR_TYPE_LABELS } from '../inspectors/schemas';

export type UnitRow = typeof units.$inferSelect;

/** The unit with this id, or 404 (also for ids of other tenants: their rows are not in this database). */
export async function findUnit(db: TenantDb, config: TenantConfig, id: string): Promise<UnitRow> {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  if (!row) {
    throw new AppError('NOT_FOUND', `未找到该${config.vocabulary.unit}，可能已被删除，请返回列表刷新。`);
  }
  return row;
}

export function kindByKey(config: TenantConfig, key: string) {
  return config.unitKinds.find((k) => k.key === key);
}

/** The kind's key for a key or a label (小学 or primary), else null. */
export function resolveKind(config: TenantConfig, keyOrLabel: string): string | null {
  const kind = config.unitKinds.find((k) => k.key === keyOrLabel || k.label === keyOrLabel);
  return kind?.key ?? null;
}

export function unknownKindIssue(config: TenantConfig, kind: string): FieldIssue {
  return {
    path: 'kind',
    message: `类型“${kind.slice(0, 20)}”不在本单位配置的类型中，请从以下类型中选择：${config.unitKinds
      .map((k) => k.label)
      .join('、')}`,
  };
}

/** The editable columns of a unit, as stored. */
export interface UnitValues {
  code: string | null;
  name: string;
  kind: string;
  parentId: string | null;
  zoneId: string | null;
  address: string | null;
  headName: string | null;
  phone: string | null;
  enrolment: number | null;
  staffCount: number | null;
}

export const UNIT_VALUE_KEYS = [
  'code',
  'name',
  'kind',
  'parentId',
  'zoneId',
  'address',
  'headName',
  'phone',
  'enrolment',
  'staffCount',
] as const satisfies readonly (keyof UnitValues)[];

export function storedValues(row: UnitRow): UnitValues {
  return Object.fromEntries(UNIT_VALUE_KEYS.map((key) => [key, row[key]])) as unknown as UnitValues;
}

/**
 * Every rule about a unit's references, as field issues (all at once, so the form shows them
 * together): the kind is one of the tenant's; the parent is an active group unit and not the unit
 * itself or below it; no other unit has this name under the same parent (root included, where SQL
 * NULLs do not collide) or this code; the zone exists; a group with children stays a group.
 */
export async function unitIssues(
  db: TenantDb,
  config: TenantConfig,
  values: UnitValues,
  before: UnitRow | null,
): Promise<FieldIssue[]> {
  const { vocabulary } = config;
  const id = before?.id ?? null;
  const issues: FieldIssue[] = [];
  const kind = kindByKey(config, values.kind);
  if (!kind) issues.push(unknownKindIssue(config, values.kind));

  if (values.parentId !== null && values.parentId !== before?.parentId) {
    issues.push(...(await parentIssues(db, config, values.parentId, id)));
  }

  const [sameName] = await db
    .select({ id: units.id, name: units.name, status: units.status })
    .from(units)
    .where(
      and(
        eq(units.name, values.name),
        values.parentId === null ? isNull(units.parentId) : eq(units.parentId, values.parentId),
        id ? ne(units.id, id) : undefined,
      ),
    )
    .limit(1);
  if (sameName) issues.push(duplicateNameIssue(config, sameName.name, sameName.status));

  if (values.code !== null) {
    const [sameCode] = await db
      .select({ name: units.name })
      .from(units)
      .where(and(eq(units.code, values.code), id ? ne(units.id, id) : undefined))
      .limit(1);
    if (sameCode) issues.push(duplicateCodeIssue(values.code, sameCode.name));
  }

  if (values.zoneId !== null && values.zoneId !== before?.zoneId) {
    const zone = ID_PATTERN.test(values.zoneId)
      ? (await db.select({ id: zones.id }).from(zones).where(eq(zones.id, values.zoneId)).limit(1))[0]
      : undefined;
    if (!zone) {
      issues.push({
        path: 'zoneId',
        message: `所选${vocabulary.zone}不存在，可能已被删除，请刷新后重新选择`,
      });
    }
  }

  if (before && kind && !kind.isGroup && kindByKey(config, before.kind)?.isGroup) {
    const [children] = await db.select({ n: count() }).from(units).where(eq(units.parentId, before.id));
    if ((children?.n ?? 0) > 0) {
      issues.push({
        path: 'kind',
        message: `“${before.name}”下还有 ${children?.n} 个${vocabulary.unit}，不能改为不可作为上级的类型，请先把这些${vocabulary.unit}移到其他上级`,
      });
    }
  }
  return issues;
}

async function parentIssues(
  db: TenantDb,
  config: TenantConfig,
  parentId: string,
  id: string | null,
): Promise<FieldIssue[]> {
  const word = config.vocabulary.unitGroup;
  const fail = (message: string) => [{ path: 'parentId', message }];
  if (!ID_PATTERN.test(parentId)) return fail(`所选上级${word}不存在，请重新选择`);
  if (parentId === id) return fail('不能把单位设为它自己的上级，请重新选择');
  const [parent] = await db
    .select({ name: units.name, kind: units.kind, status: units.status })
    .from(units)
    .where(eq(units.id, parentId))
    .limit(1);
  if (!parent) return fail(`所选上级${word}不存在，可能已被删除，请刷新后重新选择`);
  if (parent.status !== 'active') return fail(`上级“${parent.name}”已归档，请先恢复它或选择其他上级`);
  if (!kindByKey(config, parent.kind)?.isGroup) {
    const groups = config.unitKinds.filter((k) => k.isGroup).map((k) => k.label);
    return fail(
      `“${parent.name}”不能作为上级，上级只能是${groups.length ? groups.join('、') : '可作为上级的类型'}`,
    );
  }
  if (id) {
    // The new parent must not be the unit itself or any unit below it.
    const rows = await db.all<{ id: string }>(sql`
      WITH RECURSIVE ancestors(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM units WHERE id = ${parentId}
        UNION ALL
        SELECT u.id, u.parent_id, a.depth + 1 FROM units u JOIN ancestors a ON u.id = a.parent_id
        WHERE a.depth < 50
      )
      SELECT id FROM ancestors WHERE id = ${id} LIMIT 1`);
    if (rows.length > 0) return fail(`“${parent.name}”是该单位的下级，不能作为它的上级，请重新选择`);
  }
  return [];
}

export function duplicateNameIssue(config: TenantConfig, name: string, status?: string): FieldIssue {
  const archived = status === 'archived' ? '（已归档）' : '';
  return {
    path: 'name',
    message: `同一上级下已有同名${config.vocabulary.unit}“${name}”${archived}，请改用其他名称`,
  };
}

function duplicateCodeIssue(code: string, name?: string): FieldIssue {
  return {
    path: 'code',
    message: name
      ? `单位代码“${code}”已被“${name}”使用，请核对后重新填写`
      : `单位代码“${code}”已被其他单位使用，请核对后重新填写`,
  };
}

/** A unique index that fired between our check and our write (two requests at once) is still a 422 on the field. */
export function rethrowUnique(config: TenantConfig, values: UnitValues) {
  return (err: unknown): never => {
    for (let e = err as { message?: string; cause?: unknown } | null, depth = 0; e && depth < 5; depth++) {
      const message = String(e.message ?? '');
      if (/UNIQUE constraint failed: units\.parent_id, units\.name/.test(message)) {
        throw validationError([duplicateNameIssue(config, values.name)]);
      }
      if (/UNIQUE constraint failed: units\.code/.test(message)) {
        throw validationError([duplicateCodeIssue(values.code ?? '')]);
      }
      e = e.cause as typeof e;
    }
    throw err;
  };
}

/** What GET /units/:id and every write answer: the unit with its parent, zone, children and inspectors. */
export async function describeUnit(db: TenantDb, tenant: TenantRecord, id: string) {
  const { config } = tenant;
  const row = await findUnit(db, config, id);
  const [[parent], [zone], [children], inspectors] = await Promise.all([
    row.parentId
      ? db
          .select({ id: units.id, name: units.name, status: units.status })
          .from(units)
          .where(eq(units.id, row.parentId))
          .limit(1)
      : Promise.resolve([]),
    row.zoneId
      ? db.select({ id: zones.id, name: zones.name }).from(zones).where(eq(zones.id, row.zoneId)).limit(1)
      : Promise.resolve([]),
    db
      .select({
        active: sql<number>`coalesce(sum(${units.status} = 'active'), 0)`,
        all: count(),
      })
      .from(units)
      .where(eq(units.parentId, id)),
    inspectorsForUnit(db, id),
  ]);
  const kind = kindByKey(config, row.kind);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    kindLabel: kind?.label ?? row.kind,
    isGroup: kind?.isGroup ?? false,
    parent: parent ?? null,
    zone: zone ?? null,
    address: row.address,
    headName: row.headName,
    phone: row.phone,
    enrolment: row.enrolment,
    staffCount: row.staffCount,
    status: row.status,
    childCount: Number(children?.active ?? 0),
    archivedChildCount: Number(children?.all ?? 0) - Number(children?.active ?? 0),
    inspectors: inspectors.map((i) => ({
      id: i.id,
      name: i.name,
      type: i.type,
      typeLabel: INSPECTOR_TYPE_LABELS[i.type],
      phone: i.phone,
      direct: i.direct,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
