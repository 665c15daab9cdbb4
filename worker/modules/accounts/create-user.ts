import { users } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { generatePassword } from '../../auth/one-time-password';
import { hashPassword } from '../../auth/password';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { assertUsernameFree, checkQuotaRole, checkUnit, loadUser, rethrowUnique } from './records';
import type { UserInput } from './schemas';

/**
 * An admin opens an account. The server makes a one-time password, returned in this answer only
 * (never stored in clear, never audited); the user must change it at first sign-in.
 */
export async function createUser(ctx: ServiceContext, input: UserInput) {
  authorize(ctx.actor, 'users.manage');
  const { db } = ctx;
  const quotaRole = checkQuotaRole(ctx.tenant.config, input.quotaRole);
  const unitId = await checkUnit(db, input.role, input.unitId);
  await assertUsernameFree(db, input.username);
  const initialPassword = generatePassword();
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const values = {
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    phone: input.phone ?? null,
    unitId,
    quotaRole,
  };
  await db
    .batch([
      db.insert(users).values({
        id,
        ...values,
        passwordHash: await hashPassword(initialPassword),
        status: 'active',
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      }),
      tenantAudit(db, actorWho(ctx), {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        details: values,
      }),
    ])
    .catch(rethrowUnique);
  return { user: await loadUser(db, id), initialPassword };
}
