import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../../db/client';
import { type TenantRole, units, users } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import { AppError, validationError } from '../../errors';
import { ID_PATTERN } from '../../validation';
import { ROLE_LABELS, roleNeedsUnit, UNIT_REQUIRED_MESSAGE } from './schemas';

export type UserRow = typeof users.$inferSelect;

/** The account with this id, or 404 (also for other tenants' ids: their rows are not in this database). */
export async function findUser(db: TenantDb, id: string): Promise<UserRow> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', '未找到该账号，可能已被删除，请返回列表刷新。');
  return row;
}

/** Columns every answer about an account carries: never the password hash or the failure counter. */
export const USER_COLUMNS = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  phone: users.phone,
  unitId: users.unitId,
  unitName: units.name,
  quotaRole: users.quotaRole,
  status: users.status,
  mustChangePassword: users.mustChangePassword,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: TenantRole;
  phone: string | null;
  unitId: string | null;
  unitName: string | null;
  quotaRole: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  createdAt: string;
  updatedAt: string;
}

/** The JSON shape of an account in lists and details. A lock that has run out is no lock. */
export function describeUser(row: UserSummary, now = new Date()) {
  const { unitId, unitName, lockedUntil, ...rest } = row;
  return {
    ...rest,
    roleLabel: ROLE_LABELS[row.role],
    unit: unitId ? { id: unitId, name: unitName ?? '' } : null,
    lockedUntil: lockedUntil && lockedUntil.getTime() > now.getTime() ? lockedUntil.toISOString() : null,
  };
}

export async function loadUser(db: TenantDb, id: string) {
  const [row] = await db
    .select(USER_COLUMNS)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', '未找到该账号，可能已被删除，请返回列表刷新。');
  return describeUser(row);
}

/**
 * The unit an account belongs to must exist and be in use; unit managers and teachers must have one.
 * Returns the unit id to store (null for none).
 */
export async function checkUnit(db: TenantDb, role: TenantRole, unitId: string | null | undefined) {
  const id = unitId ? unitId.trim() : '';
  if (!id) {
    if (roleNeedsUnit(role)) throw validationError([{ path: 'unitId', message: UNIT_REQUIRED_MESSAGE }]);
    return null;
  }
  const fail = (message: string) => validationError([{ path: 'unitId', message }]);
  if (!ID_PATTERN.test(id)) throw fail('所选单位不存在，请重新选择');
  const [unit] = await db
    .select({ id: units.id, name: units.name, status: units.status })
    .from(units)
    .where(eq(units.id, id))
    .limit(1);
  if (!unit) throw fail('所选单位不存在，请重新选择');
  if (unit.status !== 'active') throw fail(`“${unit.name}”已归档，请选择在用的单位`);
  return unit.id;
}

/**
 * The 听课任务 an account is held to must be one of the tenant's quota roles (or none); returns
 * the key to store.
 */
export function checkQuotaRole(config: TenantConfig, quotaRole: string | null | undefined): string | null {
  if (!quotaRole) return null;
  const roles = config.observationQuotas.roles;
  if (roles.some((r) => r.key === quotaRole)) return quotaRole;
  const choices = roles.length
    ? `可选：${roles.map((r) => r.label).join('、')}，或不设`
    : '本单位未设置听课任务类别，请留空';
  throw validationError([{ path: 'quotaRole', message: `听课类别“${quotaRole}”不存在，${choices}` }]);
}

export async function assertUsernameFree(db: TenantDb, username: string) {
  const [other] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (other) throw usernameTaken(username);
}

function usernameTaken(username?: string) {
  return validationError([
    {
      path: 'username',
      message: username ? `用户名“${username}”已被使用，请换一个` : '该用户名已被使用，请换一个',
    },
  ]);
}

/** Two requests creating the same username at once: the unique index decides, still a 422 on the field. */
export function rethrowUnique(err: unknown): never {
  for (let e = err as { message?: string; cause?: unknown } | null, depth = 0; e && depth < 5; depth++) {
    if (/UNIQUE constraint failed: users\.username/.test(String(e.message ?? ''))) throw usernameTaken();
    e = e.cause as typeof e;
  }
  throw err;
}

/**
 * True in the database, at the moment a statement runs, when taking `userId` out of the active
 * admins still leaves one. Put into the WHERE of every statement of a batch that demotes or
 * disables, so two admins demoting each other at once cannot leave the office without one.
 */
export function otherActiveAdminExists(userId: string): SQL {
  return sql`exists (select 1 from ${users} where ${and(
    eq(users.role, 'admin'),
    eq(users.status, 'active'),
    ne(users.id, userId),
  )})`;
}

export const LAST_ADMIN_MESSAGE =
  '这是最后一个在用的系统管理员账号，不能取消其管理员角色或停用；请先为另一个账号设置管理员角色。';

export type Statement = BatchItem<'sqlite'>;

/** Runs statements built conditionally as one transaction; returns each one's result. */
export function runBatch(db: TenantDb, statements: Statement[]) {
  return db.batch(statements as [Statement, ...Statement[]]) as Promise<unknown[]>;
}

/** Rows changed by a write in a batch result. */
export function rowsAffected(result: unknown): number {
  return Number((result as { rowsAffected?: number } | undefined)?.rowsAffected ?? 0);
}

/** A condition on one account row, usable in statements on other tables of the same batch. */
export function existsUser(condition: SQL): SQL {
  return sql`exists (select 1 from ${users} where ${condition})`;
}
