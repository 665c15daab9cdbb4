import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { surveyResponses, surveys, users } from '../../../db/schema/tenant';
import { inManagedUnits } from '../../auth/managed-units';
import { authorize, can } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { surveySummary } from './records';
import type { ListSurveysQuery } from './schemas';

/** Surveys the actor may read, newest first, with the rated teacher's name and the response count. */
export async function listSurveys(ctx: ServiceContext, query: ListSurveysQuery) {
  authorize(ctx.actor, 'surveys.read');
  const { actor, db } = ctx;
  const conditions: (SQL | undefined)[] = [];
  if (query.status) conditions.push(eq(surveys.status, query.status));
  if (query.kind) conditions.push(eq(surveys.kind, query.kind));
  if (!can(actor, 'surveys.manage')) {
    if (actor.role === 'unit_manager') conditions.push(inManagedUnits(surveys.unitId, actor.unitId));
    else conditions.push(eq(surveys.kind, 'teaching_rating'), eq(surveys.teacherId, actor.id));
  }
  const where = and(...conditions);
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const [rows, totals] = await db.batch([
    db
      .select({
        survey: surveys,
        teacherName: users.displayName,
        responses: db.$count(surveyResponses, eq(surveyResponses.surveyId, surveys.id)),
      })
      .from(surveys)
      .leftJoin(users, eq(users.id, surveys.teacherId))
      .where(where)
      .orderBy(desc(surveys.createdAt), desc(surveys.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(surveys).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...surveySummary(r.survey),
      teacherName: r.teacherName,
      responseCount: r.responses,
    })),
    total: totals[0]?.n ?? 0,
    page,
    pageSize,
  };
}
