import { eq } from 'drizzle-orm';
import { sessions, users } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { generatePassword } from '../../auth/one-time-password';
import { hashPassword } from '../../auth/password';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { findUser, loadUser } from './records';

/**
 * A new one-time password, returned in this answer only. The user must change it at the next
 * sign-in; a lockout is lifted and every session of the account ends, all in one transaction.
 */
export async function resetPassword(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'users.manage');
  const { db } = ctx;
  const before = await findUser(db, id);
  if (id === ctx.actor.id) {
    throw new AppError('CONFLICT', '不能重置自己的密码，请在“修改密码”页面修改。');
  }
  const initialPassword = generatePassword();
  await db.batch([
    db
      .update(users)
      .set({
        passwordHash: await hashPassword(initialPassword),
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(users.id, id)),
    db.delete(sessions).where(eq(sessions.userId, id)),
    tenantAudit(db, actorWho(ctx), {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      details: { username: before.username, displayName: before.displayName },
    }),
  ]);
  return { user: await loadUser(db, id), initialPassword };
}
