import { eq } from 'drizzle-orm';
import type { ControlDb } from '../../../db/client';
import { platformAccounts, platformSessions } from '../../../db/schema/control';
import { platformAudit } from '../../audit';
import { checkCredentials } from '../../auth/credentials';
import { type SessionPolicy, sessionExpiry } from '../../auth/lucia';
import { PLATFORM_TOKEN_SCOPE } from '../../auth/policies';
import { newSessionToken, sessionIdOf } from '../../auth/session-token';
import type { PlatformActor } from '../../context';
import type { LoginInput } from '../auth/schemas';

/** Provincial and operator sign-in against the control plane; same rules as tenant sign-in. */
export async function platformLogin(
  ctx: { control: ControlDb; requestId: string; clientIp: string | null },
  input: LoginInput,
  policy: SessionPolicy,
): Promise<{ token: string; actor: PlatformActor }> {
  const { control } = ctx;
  const now = new Date();
  const account = await control.query.platformAccounts.findFirst({
    where: eq(platformAccounts.username, input.username),
  });
  const found = await checkCredentials({
    account,
    password: input.password,
    now,
    ledger: { client: control.$client, target: 'platform', requestId: ctx.requestId, clientIp: ctx.clientIp },
    username: input.username,
  });
  const token = newSessionToken(PLATFORM_TOKEN_SCOPE);
  await control.batch([
    control
      .update(platformAccounts)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(platformAccounts.id, found.id)),
    control
      .insert(platformSessions)
      .values({ id: sessionIdOf(token), userId: found.id, expiresAt: sessionExpiry(policy, now) }),
    platformAudit(
      control,
      { actorId: found.id, actorName: found.displayName, requestId: ctx.requestId },
      {
        action: 'auth.login',
        entityType: 'platform_account',
        entityId: found.id,
      },
    ),
  ]);
  return {
    token,
    actor: {
      id: found.id,
      username: found.username,
      displayName: found.displayName,
      role: found.role,
      regionPrefix: found.regionPrefix,
    },
  };
}

export async function platformLogout(
  ctx: { control: ControlDb; requestId: string; actor: PlatformActor },
  token: string,
) {
  const { control, actor } = ctx;
  await control.batch([
    control.delete(platformSessions).where(eq(platformSessions.id, sessionIdOf(token))),
    platformAudit(
      control,
      { actorId: actor.id, actorName: actor.displayName, requestId: ctx.requestId },
      { action: 'auth.logout', entityType: 'platform_account', entityId: actor.id },
    ),
  ]);
}
