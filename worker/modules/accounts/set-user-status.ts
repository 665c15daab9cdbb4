import { and, eq, sql } from 'drizzle-orm';
import { sessions, users } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import {
  existsUser,
  findUser,
  LAST_ADMIN_MESSAGE,
  loadUser,
  otherActiveAdminExists,
  rowsAffected,
  runBatch,
} from './records';

/**
 * Disabling ends every session of the account in the same transaction, so it stops working at
 * once; nobody disables themselves or the last active admin. Enabling lets them sign in again.
 * Doing either twice changes nothing.
 */
export async function setUserStatus(ctx: ServiceContext, id: string, status: 'active' | 'disabled') {
  authorize(ctx.actor, 'users.manage');
  const { db } = ctx;
  const before = await findUser(db, id);
  if (status === 'disabled' && id === ctx.actor.id) {
    throw new AppError('CONFLICT', '不能停用自己正在使用的账号；如确需停用，请由另一位管理员操作。');
  }
  if (before.status === status) return loadUser(db, id);

  // Every statement holds only while the account is as we read it and, to disable an admin, while
  // another active admin remains; the update comes last, so all read the same state.
  const lastAdminRule = status === 'disabled' && before.role === 'admin';
  const conditions = [eq(users.id, id), eq(users.status, before.status)];
  if (lastAdminRule) conditions.push(otherActiveAdminExists(id));
  const guard = sql`(${sql.join(conditions, sql` and `)})`;
  const audit = guardedTenantAudit(
    db,
    actorWho(ctx),
    {
      action: status === 'disabled' ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: id,
      details: { username: before.username, displayName: before.displayName },
    },
    existsUser(guard),
  );
  const update = db.update(users).set({ status, updatedAt: new Date().toISOString() }).where(guard);
  const results = await runBatch(
    db,
    status === 'disabled'
      ? [audit, db.delete(sessions).where(and(eq(sessions.userId, id), existsUser(guard))), update]
      : [audit, update],
  );
  if (rowsAffected(results[results.length - 1]) === 0 && lastAdminRule) {
    throw new AppError('CONFLICT', LAST_ADMIN_MESSAGE);
  }
  return loadUser(db, id);
}
