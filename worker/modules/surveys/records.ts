import { and, count, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { surveyLinks, surveyResponses, surveys, surveyTokens, units, users } from '../../../db/schema/tenant';
import type { Question } from '../../../tenants/surveys/questions';
import { managedUnitIds } from '../../auth/managed-units';
import { can } from '../../auth/permissions';
import type { Actor, ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { SURVEY_KIND_LABELS, SURVEY_STATUS_LABELS } from './schemas';

export type SurveyRow = typeof surveys.$inferSelect;

export const NOT_FOUND_MESSAGE = '未找到该问卷，可能已被删除或您无权查看。';

/**
 * Whether the actor may read this survey: the office all; a unit manager those of their units; a
 * teacher only 评教 surveys about themselves. Anything else answers 404, as if it did not exist.
 */
async function mayRead(
  ctx: ServiceContext,
  survey: Pick<SurveyRow, 'kind' | 'teacherId' | 'unitId'>,
): Promise<boolean> {
  const { actor } = ctx;
  if (can(actor, 'surveys.manage')) return true;
  if (actor.role === 'unit_manager') {
    return !!survey.unitId && (await managedUnitIds(ctx.db, actor.unitId)).has(survey.unitId);
  }
  if (actor.role === 'teacher') return survey.kind === 'teaching_rating' && survey.teacherId === actor.id;
  return false;
}

/** Whether the actor sees every free-text answer with its review status (the office) or only approved ones. */
export function reviewsTexts(actor: Actor): boolean {
  return can(actor, 'surveys.review');
}

export async function readableSurvey(ctx: ServiceContext, id: string): Promise<SurveyRow> {
  const [row] = await ctx.db.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  if (!row || !(await mayRead(ctx, row))) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return row;
}

/** Per class batch: how many slips, how many answered. */
export async function linkCounts(db: TenantDb, surveyId: string) {
  return db
    .select({
      id: surveyLinks.id,
      label: surveyLinks.label,
      total: surveyLinks.tokenCount,
      used: sql<number>`(SELECT count(*) FROM ${surveyTokens} WHERE ${surveyTokens.linkId} = ${surveyLinks.id} AND ${surveyTokens.usedOn} IS NOT NULL)`,
      createdAt: surveyLinks.createdAt,
    })
    .from(surveyLinks)
    .where(eq(surveyLinks.surveyId, surveyId))
    .orderBy(surveyLinks.createdAt, surveyLinks.label);
}

export async function responseCount(db: TenantDb, surveyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return row?.n ?? 0;
}

async function namesOf(db: TenantDb, row: SurveyRow) {
  const [teacher] = row.teacherId
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(eq(users.id, row.teacherId))
    : [];
  const [unit] = row.unitId
    ? await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, row.unitId))
    : [];
  return { teacher: teacher ?? null, unit: unit ?? null };
}

/** The survey as pages show it; a teacher or unit manager does not get the class batches' ids. */
export async function surveyDetail(ctx: ServiceContext, row: SurveyRow) {
  const [names, links, responses] = await Promise.all([
    namesOf(ctx.db, row),
    linkCounts(ctx.db, row.id),
    responseCount(ctx.db, row.id),
  ]);
  return {
    ...surveySummary(row),
    questions: row.questions as Question[],
    teacher: names.teacher,
    unit: names.unit,
    responseCount: responses,
    links: links.map((l) => ({ ...l, used: Number(l.used) })),
    canManage: can(ctx.actor, 'surveys.manage'),
  };
}

export function surveySummary(row: SurveyRow) {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    kindLabel: SURVEY_KIND_LABELS[row.kind],
    status: row.status,
    statusLabel: SURVEY_STATUS_LABELS[row.status],
    minResponses: row.minResponses,
    teacherId: row.teacherId,
    unitId: row.unitId,
    course: row.course,
    semester: row.semester,
    closesOn: row.closesOn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const surveyWhere = (id: string, status: SurveyRow['status']) =>
  and(eq(surveys.id, id), eq(surveys.status, status));
