import { and, eq, sql } from 'drizzle-orm';
import { users } from '../../../db/schema/tenant';
import { type AuditEntry, guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError, validationError } from '../../errors';
import { actorWho } from '../../service-context';
import {
  checkQuotaRole,
  checkUnit,
  findUser,
  LAST_ADMIN_MESSAGE,
  loadUser,
  otherActiveAdminExists,
  rowsAffected,
  runBatch,
} from './records';
import { roleNeedsUnit, UNIT_REQUIRED_MESSAGE, type UserPatch } from './schemas';

const EDITABLE = ['displayName', 'phone', 'unitId', 'quotaRole'] as const;

/**
 * Changes the fields sent. A role change is audited on its own (`user.role_change`, from/to); the
 * other fields as `user.update`. Taking the admin role away is refused for oneself, and — checked by
 * the batch itself — for the last active admin.
 */
export async function updateUser(ctx: ServiceContext, id: string, patch: UserPatch) {
  authorize(ctx.actor, 'users.manage');
  const { db } = ctx;
  const before = await findUser(db, id);
  const next = {
    displayName: patch.displayName ?? before.displayName,
    role: patch.role ?? before.role,
    phone: patch.phone !== undefined ? patch.phone : before.phone,
    unitId: patch.unitId !== undefined ? patch.unitId?.trim() || null : before.unitId,
    quotaRole: patch.quotaRole !== undefined ? patch.quotaRole : before.quotaRole,
  };
  // A key the tenant has since removed stays until someone changes it; a new one must exist.
  if (next.quotaRole !== before.quotaRole) next.quotaRole = checkQuotaRole(ctx.tenant.config, next.quotaRole);
  const demoting = before.role === 'admin' && next.role !== 'admin';
  if (demoting && id === ctx.actor.id) {
    throw validationError([
      { path: 'role', message: '不能取消自己的系统管理员角色；如确需更换，请由另一位管理员操作。' },
    ]);
  }
  if (next.unitId !== before.unitId) {
    next.unitId = await checkUnit(db, next.role, next.unitId);
  } else if (roleNeedsUnit(next.role) && !next.unitId) {
    throw validationError([{ path: 'unitId', message: UNIT_REQUIRED_MESSAGE }]);
  }

  const entries: AuditEntry[] = [];
  if (next.role !== before.role) {
    entries.push({
      action: 'user.role_change',
      entityType: 'user',
      entityId: id,
      details: { username: before.username, from: before.role, to: next.role },
    });
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of EDITABLE) {
    if (next[key] !== before[key]) changes[key] = { from: before[key], to: next[key] };
  }
  if (Object.keys(changes).length) {
    entries.push({
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      details: { username: before.username, changes },
    });
  }
  if (entries.length === 0) return loadUser(db, id);

  // A demotion holds only while another active admin remains when the batch runs; the audit rows
  // carry the same condition and come first, so they read the state the update reads.
  const guard = demoting ? otherActiveAdminExists(id) : sql`1`;
  const who = actorWho(ctx);
  const results = await runBatch(db, [
    ...entries.map((entry) => guardedTenantAudit(db, who, entry, guard)),
    db
      .update(users)
      .set({ ...next, updatedAt: new Date().toISOString() })
      .where(and(eq(users.id, id), guard)),
  ]);
  if (rowsAffected(results[results.length - 1]) === 0) {
    if (demoting) throw new AppError('CONFLICT', LAST_ADMIN_MESSAGE);
    throw new AppError('NOT_FOUND', '未找到该账号，可能已被删除，请返回列表刷新。');
  }
  return loadUser(db, id);
}
