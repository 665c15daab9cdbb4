import { eq } from 'drizzle-orm';
import { suggestions } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { findVisibleSuggestion, isOffice, takeStep, wrongState } from './records';
import type { AnswerInput } from './schemas';

/** The unit it was forwarded to answers (its manager, or the office on the unit's behalf). */
export async function answerSuggestion(ctx: ServiceContext, id: string, input: AnswerInput) {
  authorize(ctx.actor, 'suggestions.answer');
  const before = await findVisibleSuggestion(ctx, id);
  const office = isOffice(ctx);
  // A manager sees a suggestion of their unit, or their own: their own sent elsewhere is not theirs to answer.
  if (!office && (!ctx.actor.unitId || before.unitId !== ctx.actor.unitId)) {
    throw new AppError('NOT_FOUND', '未找到该建议，或它没有转交给您的单位。');
  }
  if (before.status !== 'forwarded') throw wrongState(before, '答复');
  const at = new Date().toISOString();
  return takeStep(ctx, before, {
    from: ['forwarded'],
    where: office ? undefined : eq(suggestions.unitId, ctx.actor.unitId ?? ''),
    set: { status: 'answered', answer: input.answer, answeredBy: ctx.actor.id, answeredAt: at },
    audit: { action: 'suggestion.answer', details: { unitId: before.unitId, length: input.answer.length } },
    doing: '答复',
  });
}
