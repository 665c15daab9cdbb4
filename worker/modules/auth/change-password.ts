import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { recordFailedLogin } from '../../auth/failed-login';
import { lockedMessage } from '../../auth/lockout';
import { hashPassword, verifyPassword } from '../../auth/password';
import { sessionIdOf } from '../../auth/session-token';
import type { ServiceContext } from '../../context';
import { AppError, validationError } from '../../errors';
import { actorWho } from '../../service-context';
import type { ChangePasswordInput } from './schemas';

/**
 * A signed-in user changes their own password. Their other sessions end (a phone left signed in
 * elsewhere); the current one stays. Password, flag, sessions and audit commit together.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: ChangePasswordInput,
  currentToken: string,
) {
  const { db, actor } = ctx;
  const user = await db.query.users.findFirst({ where: eq(users.id, actor.id) });
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    // Guessing the current password from a borrowed session counts like guessing at sign-in.
    const state = await recordFailedLogin(db.$client, 'tenant', user.id, new Date(), {
      requestId: ctx.requestId,
      clientIp: ctx.clientIp,
      username: user.username,
    });
    if (state.lockedUntil) {
      await db.delete(sessions).where(eq(sessions.userId, user.id));
      throw new AppError('ACCOUNT_LOCKED', lockedMessage(state.lockedUntil), {
        lockedUntil: state.lockedUntil.toISOString(),
      });
    }
    throw validationError([{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  if (input.newPassword.toLowerCase().includes(user.username)) {
    throw validationError([{ path: 'newPassword', message: '新密码不能包含用户名' }]);
  }
  const now = new Date().toISOString();
  await db.batch([
    db
      .update(users)
      .set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, updatedAt: now })
      .where(eq(users.id, user.id)),
    db.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionIdOf(currentToken)))),
    tenantAudit(db, actorWho(ctx), { action: 'user.password_change', entityType: 'user', entityId: user.id }),
  ]);
  return { user: { ...actor, mustChangePassword: false } };
}
