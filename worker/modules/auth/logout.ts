import { eq } from 'drizzle-orm';
import { sessions } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { sessionIdOf } from '../../auth/session-token';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';

/** Ends the session behind `token`; the deletion and its audit record commit together. */
export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  const { db, actor } = ctx;
  await db.batch([
    db.delete(sessions).where(eq(sessions.id, sessionIdOf(token))),
    tenantAudit(db, actorWho(ctx), { action: 'auth.logout', entityType: 'user', entityId: actor.id }),
  ]);
}
