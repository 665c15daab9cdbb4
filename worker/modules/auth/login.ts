import { eq } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { sessions, users } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { checkCredentials } from '../../auth/credentials';
import { type SessionPolicy, sessionExpiry } from '../../auth/lucia';
import { newSessionToken, sessionIdOf } from '../../auth/session-token';
import type { Actor, TenantRecord } from '../../context';
import type { LoginInput } from './schemas';

export interface AnonymousContext {
  tenant: TenantRecord;
  db: TenantDb;
  requestId: string;
  clientIp: string | null;
}

function toActor(user: typeof users.$inferSelect): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Signs a user in: on success the session row, the reset counters and the audit record commit together. */
export async function login(
  ctx: AnonymousContext,
  input: LoginInput,
  policy: SessionPolicy,
): Promise<{ token: string; actor: Actor }> {
  const { db } = ctx;
  const now = new Date();
  const account = await db.query.users.findFirst({ where: eq(users.username, input.username) });
  const user = await checkCredentials({
    account,
    password: input.password,
    now,
    ledger: { client: db.$client, target: 'tenant', requestId: ctx.requestId, clientIp: ctx.clientIp },
    username: input.username,
  });
  const token = newSessionToken(ctx.tenant.slug);
  await db.batch([
    db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, updatedAt: now.toISOString() })
      .where(eq(users.id, user.id)),
    db
      .insert(sessions)
      .values({ id: sessionIdOf(token), userId: user.id, expiresAt: sessionExpiry(policy, now) }),
    tenantAudit(
      db,
      { actorId: user.id, actorName: user.displayName, requestId: ctx.requestId, clientIp: ctx.clientIp },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      },
    ),
  ]);
  return { token, actor: toActor(user) };
}
