import { and, asc, eq } from 'drizzle-orm';
import { surveyResponses, surveyTextAnswers } from '../../../db/schema/tenant';
import {
  overallPercent,
  type Question,
  type QuestionSummary,
  resultsVisible,
  summarize,
} from '../../../tenants/surveys/questions';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { linkCounts, readableSurvey, reviewsTexts, surveySummary } from './records';

export const TEXT_STATUS_LABELS = { pending: '待审核', approved: '已公开', hidden: '不公开' } as const;

/**
 * A survey's results for the actor. Below `minResponses` everyone (the office too) gets the count
 * and `hidden: true` only; past it, per-question figures, the overall rating and the free-text
 * answers (the office all with their review status, anyone else only approved ones). A class gets
 * its own figures only when that class alone reaches the threshold.
 */
export async function surveyResults(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'surveys.read');
  const survey = await readableSurvey(ctx, id);
  const office = reviewsTexts(ctx.actor);
  const [links, responses] = await Promise.all([
    linkCounts(ctx.db, id),
    ctx.db
      .select({ linkId: surveyResponses.linkId, answers: surveyResponses.answers })
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, id)),
  ]);
  const base = {
    survey: surveySummary(survey),
    responseCount: responses.length,
    minResponses: survey.minResponses,
    links: links.map((l) => ({ id: l.id, label: l.label, total: l.total, used: Number(l.used) })),
  };
  if (!resultsVisible(responses.length, survey.minResponses)) {
    return { ...base, hidden: true as const };
  }
  const questions = survey.questions as Question[];
  const answers = responses.map((r) => r.answers as Record<string, unknown>);
  const questionsSummary = summarize(questions, answers);
  const texts = await ctx.db
    .select({
      id: surveyTextAnswers.id,
      questionKey: surveyTextAnswers.questionKey,
      body: surveyTextAnswers.body,
      status: surveyTextAnswers.status,
    })
    .from(surveyTextAnswers)
    .where(
      and(eq(surveyTextAnswers.surveyId, id), office ? undefined : eq(surveyTextAnswers.status, 'approved')),
    )
    // By question, then by the random id: never in the order students answered.
    .orderBy(asc(surveyTextAnswers.questionKey), asc(surveyTextAnswers.id));
  const byClass = links
    .map((l) => ({ link: l, rows: responses.filter((r) => r.linkId === l.id) }))
    .filter((c) => resultsVisible(c.rows.length, survey.minResponses))
    .map((c) => {
      const summary = summarize(
        questions.filter((q) => q.kind !== 'text'),
        c.rows.map((r) => r.answers as Record<string, unknown>),
      );
      return {
        linkId: c.link.id,
        label: c.link.label,
        responseCount: c.rows.length,
        overallPercent: overallPercent(summary),
        questions: summary,
      };
    });
  return {
    ...base,
    hidden: false as const,
    overallPercent: overallPercent(questionsSummary),
    questions: questionsSummary.map((q: QuestionSummary) =>
      q.kind === 'text'
        ? {
            ...q,
            answers: texts
              .filter((t) => t.questionKey === q.key)
              .map((t) =>
                office
                  ? { id: t.id, body: t.body, status: t.status, statusLabel: TEXT_STATUS_LABELS[t.status] }
                  : { id: t.id, body: t.body },
              ),
          }
        : q,
    ),
    byClass,
  };
}
