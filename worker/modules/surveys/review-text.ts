import { and, eq, sql } from 'drizzle-orm';
import { surveyTextAnswers } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { readableSurvey } from './records';
import { TEXT_STATUS_LABELS } from './results';
import type { ReviewInput } from './schemas';

/** The office decides whether a free-text answer reaches the rated teacher (approved) or not (hidden). */
export async function reviewTextAnswer(
  ctx: ServiceContext,
  surveyId: string,
  answerId: string,
  input: ReviewInput,
) {
  authorize(ctx.actor, 'surveys.review');
  const survey = await readableSurvey(ctx, surveyId);
  const now = new Date().toISOString();
  const [updated] = await ctx.db.batch([
    ctx.db
      .update(surveyTextAnswers)
      .set({ status: input.status, reviewedBy: ctx.actor.id, reviewedAt: now })
      .where(and(eq(surveyTextAnswers.id, answerId), eq(surveyTextAnswers.surveyId, surveyId)))
      .returning({ id: surveyTextAnswers.id, questionKey: surveyTextAnswers.questionKey }),
    guardedTenantAudit(
      ctx.db,
      actorWho(ctx),
      {
        action: 'survey.text_review',
        entityType: 'survey',
        entityId: surveyId,
        // The answer's id and decision, not its text: the audit log is not a copy of the answers.
        details: { title: survey.title, answerId, status: input.status },
      },
      sql`changes() = 1`,
    ),
  ]);
  const row = updated[0];
  if (!row) throw new AppError('NOT_FOUND', '未找到该条文字意见，请刷新页面。');
  return { answer: { id: row.id, status: input.status, statusLabel: TEXT_STATUS_LABELS[input.status] } };
}
