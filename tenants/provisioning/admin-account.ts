import { eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { users } from '../../db/schema/tenant';
import { tenantAudit } from '../../worker/audit';
import { hashPassword } from '../../worker/auth/password';
import type { Who } from './provision';

/**
 * Gives a new tenant its `admin` account with a one-time password that must be changed at the
 * first sign-in. Re-running (after a failed approval) replaces the password that was never handed out.
 */
export async function setInitialAdmin(
  db: TenantDb,
  input: { displayName: string; password: string },
  who: Who,
): Promise<void> {
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(input.password);
  const existing = await db.query.users.findFirst({ where: eq(users.username, 'admin') });
  const id = existing?.id ?? crypto.randomUUID();
  const write = existing
    ? db
        .update(users)
        .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: now })
        .where(eq(users.id, id))
    : db.insert(users).values({
        id,
        username: 'admin',
        displayName: input.displayName,
        role: 'admin',
        passwordHash,
        mustChangePassword: true,
        updatedAt: now,
      });
  await db.batch([
    write,
    tenantAudit(db, who, {
      action: existing ? 'user.password_reset' : 'user.create',
      entityType: 'user',
      entityId: id,
      details: { username: 'admin', role: 'admin', initial: true },
    }),
  ]);
}
