import { and, asc, eq, inArray } from 'drizzle-orm';
import { inspectors, users } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { containsText } from '../../text-search';
import { LINKABLE_ROLES } from './records';
import type { LinkableAccountsQuery } from './schemas';

const LIMIT = 50;

/**
 * Sign-in accounts an inspector record can be linked to (active 督学 and 主任 accounts), searched by
 * name or username. Whoever manages inspectors needs this even without the accounts page, and sees
 * only what the link needs: no phones, no other roles.
 */
export async function listLinkableAccounts(ctx: ServiceContext, query: LinkableAccountsQuery) {
  authorize(ctx.actor, 'inspectors.manage');
  const { db } = ctx;
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      inspectorId: inspectors.id,
      inspectorName: inspectors.name,
    })
    .from(users)
    .leftJoin(inspectors, eq(inspectors.userId, users.id))
    .where(
      and(
        eq(users.status, 'active'),
        inArray(users.role, [...LINKABLE_ROLES]),
        query.q ? containsText(query.q.toLowerCase(), users.username, users.displayName) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.username))
    .limit(LIMIT);
  return {
    items: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      role: r.role,
      linkedInspector: r.inspectorId ? { id: r.inspectorId, name: r.inspectorName } : null,
    })),
  };
}
