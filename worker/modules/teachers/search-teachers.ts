import { and, asc, eq, inArray } from 'drizzle-orm';
import { units, users } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { containsText } from '../../text-search';
import type { SearchTeachersQuery } from './schemas';

/** A picker shows a handful; typing more of the name narrows it. */
export const TEACHER_SEARCH_LIMIT = 20;

/** Roles whose lessons are observed (the same as the record verb accepts): teachers and unit heads. */
const TAUGHT_BY = ['teacher', 'unit_manager'] as const;

/**
 * Teachers an observer may pick on the observation form, by name: active teachers and unit heads
 * of the tenant, with their unit so two of one name can be told apart. Only what the picker needs:
 * no usernames, phones or roles.
 */
export async function searchTeachers(ctx: ServiceContext, query: SearchTeachersQuery) {
  authorize(ctx.actor, 'observations.record');
  const rows = await ctx.db
    .select({ id: users.id, name: users.displayName, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.status, 'active'),
        inArray(users.role, [...TAUGHT_BY]),
        query.q ? containsText(query.q, users.displayName) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(TEACHER_SEARCH_LIMIT);
  return { items: rows };
}
