import { and, asc, eq, inArray } from 'drizzle-orm';
import { users } from '../../../../db/schema/tenant';
import { authorize, TENANT_PERMISSIONS } from '../../../auth/permissions';
import type { ServiceContext } from '../../../context';

/** Active accounts that may sit on a review team (督学 and the office), for the round form. */
export async function reviewerOptions(ctx: ServiceContext) {
  authorize(ctx.actor, 'evaluation.manage');
  const items = await ctx.db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.status, 'active'), inArray(users.role, [...TENANT_PERMISSIONS['evaluation.review']])))
    .orderBy(asc(users.displayName))
    .limit(1000);
  return { items };
}
