import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { units, users } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { containsText } from '../../text-search';
import { describeUser, USER_COLUMNS } from './records';
import type { ListUsersQuery } from './schemas';

/** Accounts of the tenant, filtered and paged; the page and the total come from one round trip. */
export async function listUsers(ctx: ServiceContext, query: ListUsersQuery) {
  authorize(ctx.actor, 'users.read');
  const { db } = ctx;
  const filters: SQL[] = [];
  if (query.q) {
    filters.push(containsText(query.q.toLowerCase(), users.username, users.displayName, users.phone));
  }
  if (query.role) filters.push(eq(users.role, query.role));
  if (query.status) filters.push(eq(users.status, query.status));
  if (query.unitId) filters.push(eq(users.unitId, query.unitId));
  const where = filters.length ? and(...filters) : undefined;
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const [rows, totals] = await db.batch([
    db
      .select(USER_COLUMNS)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  const now = new Date();
  return {
    items: rows.map((r) => describeUser(r, now)),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}
