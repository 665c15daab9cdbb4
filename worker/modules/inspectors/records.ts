import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { inspectors, inspectorZones, users, zones } from '../../../db/schema/tenant';
import type { TenantRecord } from '../../context';
import { AppError, validationError } from '../../errors';
import { ID_PATTERN } from '../../validation';
import { overRatioWarning } from './coverage';
import { INSPECTOR_TYPE_LABELS } from './schemas';

export type InspectorRow = typeof inspectors.$inferSelect;

/** The inspector with this id, or 404 (also for ids of other tenants: their rows are not in this database). */
export async function findInspector(db: TenantDb, id: string): Promise<InspectorRow> {
  const [row] = await db.select().from(inspectors).where(eq(inspectors.id, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', '未找到该督学，可能已被删除，请返回列表刷新。');
  return row;
}

/** Zones of each inspector, by name, for lists and details. */
export async function zonesByInspector(db: TenantDb, inspectorIds: string[]) {
  const byInspector = new Map<string, { id: string; name: string }[]>();
  if (inspectorIds.length === 0) return byInspector;
  const rows = await db
    .select({ inspectorId: inspectorZones.inspectorId, id: zones.id, name: zones.name })
    .from(inspectorZones)
    .innerJoin(zones, eq(zones.id, inspectorZones.zoneId))
    .where(inArray(inspectorZones.inspectorId, inspectorIds))
    .orderBy(asc(zones.name));
  for (const { inspectorId, ...zone } of rows) {
    const list = byInspector.get(inspectorId) ?? [];
    list.push(zone);
    byInspector.set(inspectorId, list);
  }
  return byInspector;
}

/** The over-ratio warning with the tenant's ratio (default 5) and its word for a unit; none for archived inspectors. */
export function warningFor(tenant: TenantRecord, row: Pick<InspectorRow, 'status'>, unitCount: number) {
  if (row.status !== 'active') return null;
  return overRatioWarning(unitCount, tenant.config.zones.unitsPerInspector, tenant.config.vocabulary.unit);
}

/** What every answer says about an inspector, besides its relations. */
export function inspectorFields(row: InspectorRow) {
  const { photoKey, ...rest } = row;
  return {
    ...rest,
    typeLabel: INSPECTOR_TYPE_LABELS[row.type],
    hasPhoto: photoKey !== null,
    term: { start: row.termStart, end: row.termEnd },
  };
}

export const LINKABLE_ROLES = ['inspector', 'director'] as const;

/**
 * The sign-in account an inspector is linked to must exist, be active, be an inspector's or a
 * director's, and belong to no other inspector. (The unique index on inspectors.user_id holds the
 * last rule under concurrency; see `rethrowUnique`.)
 */
export async function assertLinkableUser(db: TenantDb, userId: string, inspectorId: string | null) {
  const fail = (message: string) => validationError([{ path: 'userId', message }]);
  if (!ID_PATTERN.test(userId)) throw fail('所选账号不存在，请重新选择');
  const [[user], [other]] = await db.batch([
    db
      .select({ id: users.id, role: users.role, status: users.status })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1),
    db
      .select({ id: inspectors.id, name: inspectors.name })
      .from(inspectors)
      .where(and(eq(inspectors.userId, userId), inspectorId ? ne(inspectors.id, inspectorId) : undefined))
      .limit(1),
  ]);
  if (!user) throw fail('所选账号不存在，请重新选择');
  if (user.status !== 'active') throw fail('所选账号已停用，请先启用该账号或选择其他账号');
  if (!(LINKABLE_ROLES as readonly string[]).includes(user.role))
    throw fail('只能关联角色为督学或督导室主任的账号');
  if (other) throw fail(`该账号已关联督学“${other.name}”，一个账号只能关联一名督学`);
}

export async function assertCertificateFree(db: TenantDb, certificateNo: string, inspectorId: string | null) {
  const [other] = await db
    .select({ name: inspectors.name })
    .from(inspectors)
    .where(
      and(
        eq(inspectors.certificateNo, certificateNo),
        inspectorId ? ne(inspectors.id, inspectorId) : undefined,
      ),
    )
    .limit(1);
  if (other) throw certificateTaken(other.name);
}

function certificateTaken(name?: string) {
  return validationError([
    {
      path: 'certificateNo',
      message: name
        ? `督学证号已被“${name}”使用，请核对后重新填写`
        : '督学证号已被其他督学使用，请核对后重新填写',
    },
  ]);
}

/** A unique index that fired between our check and our write (two requests at once) is still a 422 on the field. */
export function rethrowUnique(err: unknown): never {
  for (let e = err as { message?: string; cause?: unknown } | null, depth = 0; e && depth < 5; depth++) {
    const message = String(e.message ?? '');
    if (/UNIQUE constraint failed: inspectors\.certificate_no/.test(message)) throw certificateTaken();
    if (/UNIQUE constraint failed: inspectors\.user_id/.test(message)) {
      throw validationError([{ path: 'userId', message: '该账号已关联其他督学，一个账号只能关联一名督学' }]);
    }
    e = e.cause as typeof e;
  }
  throw err;
}
