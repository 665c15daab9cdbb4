import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { observations, units } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { validationError } from '../../errors';
import { labelsOf, listColumns, observer, teacher, visibleTo } from './records';
import type { ListObservationsQuery } from './schemas';

/**
 * One page of the records the actor may see, the latest lesson first. The query narrows what the
 * actor sees and never widens it: a teacher asking for another teacher's records gets none.
 */
export async function listObservations(ctx: ServiceContext, query: ListObservationsQuery) {
  authorize(ctx.actor, 'observations.read');
  const { db } = ctx;
  if (query.from && query.to && query.from > query.to) {
    throw validationError([{ path: 'to', message: '结束日期不能早于开始日期' }], '结束日期不能早于开始日期');
  }
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const conditions: (SQL | undefined)[] = [visibleTo(ctx.actor)];
  if (query.teacherId) conditions.push(eq(observations.teacherId, query.teacherId));
  if (query.observerId) conditions.push(eq(observations.observerId, query.observerId));
  if (query.unitId) conditions.push(eq(observations.unitId, query.unitId));
  if (query.semester) conditions.push(eq(observations.semester, query.semester));
  if (query.from) conditions.push(gte(observations.observedOn, query.from));
  if (query.to) conditions.push(lte(observations.observedOn, query.to));
  const where = and(...conditions);
  const [rows, totals] = await db.batch([
    db
      .select(listColumns)
      .from(observations)
      .innerJoin(observer, eq(observer.id, observations.observerId))
      .innerJoin(teacher, eq(teacher.id, observations.teacherId))
      .leftJoin(units, eq(units.id, observations.unitId))
      .where(where)
      .orderBy(desc(observations.observedOn), desc(observations.period), desc(observations.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(observations).where(where),
  ]);
  return {
    items: rows.map((row) => ({ ...row, ...labelsOf(row) })),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}
