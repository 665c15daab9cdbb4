import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { findVisibleSuggestion, takeStep, wrongState } from './records';
import type { CloseInput } from './schemas';

const FROM = ['submitted', 'forwarded', 'answered'] as const;

/**
 * The office closes a suggestion with a note the sender reads: handled by the office itself, merged
 * with another, or wrapped up after the unit's answer.
 */
export async function closeSuggestion(ctx: ServiceContext, id: string, input: CloseInput) {
  authorize(ctx.actor, 'suggestions.triage');
  const before = await findVisibleSuggestion(ctx, id);
  if (!(FROM as readonly string[]).includes(before.status)) throw wrongState(before, '办结');
  return takeStep(ctx, before, {
    from: FROM,
    set: { status: 'closed', officeNote: input.officeNote },
    audit: { action: 'suggestion.close', details: { fromStatus: before.status } },
    doing: '办结',
  });
}
