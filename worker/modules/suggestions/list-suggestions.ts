import { and, count, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { suggestions } from '../../../db/schema/tenant';
import { authorize, can } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { containsText } from '../../text-search';
import { shape, suggestionSelect } from './records';
import type { ListSuggestionsQuery } from './schemas';

/** Which rows a box holds; 403 for a box this role may not open. */
function boxFilter(ctx: ServiceContext, query: ListSuggestionsQuery): SQL | undefined {
  const { actor } = ctx;
  switch (query.box) {
    case 'mine':
      return eq(suggestions.authorId, actor.id);
    case 'office':
      if (!can(actor, 'suggestions.triage')) {
        throw new AppError('FORBIDDEN', '只有督导室（管理员、主任）可以查看全部建议。');
      }
      return query.unitId ? eq(suggestions.unitId, query.unitId) : undefined;
    case 'unit':
      if (can(actor, 'suggestions.triage')) {
        return query.unitId ? eq(suggestions.unitId, query.unitId) : isNotNull(suggestions.unitId);
      }
      if (actor.role !== 'unit_manager') {
        throw new AppError('FORBIDDEN', '只有单位负责人可以查看转交本单位的建议。');
      }
      // A manager with no unit has nothing forwarded to them.
      return actor.unitId ? eq(suggestions.unitId, actor.unitId) : sql`0`;
  }
}

/** 我提交的 (any role), 督导室处理 (the office) or 转交本单位 (a unit's manager), newest first. */
export async function listSuggestions(ctx: ServiceContext, query: ListSuggestionsQuery) {
  authorize(ctx.actor, 'suggestions.submit');
  const { db } = ctx;
  const filters: (SQL | undefined)[] = [boxFilter(ctx, query)];
  if (query.status) filters.push(eq(suggestions.status, query.status));
  if (query.category) filters.push(eq(suggestions.category, query.category));
  if (query.q) {
    filters.push(containsText(query.q, suggestions.title, suggestions.body));
  }
  const where = and(...filters);
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const [rows, totals] = await db.batch([
    suggestionSelect(db)
      .where(where)
      .orderBy(desc(suggestions.createdAt), desc(suggestions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(suggestions).where(where),
  ]);
  return {
    box: query.box,
    items: rows.map((r) => shape(ctx, r)),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}
