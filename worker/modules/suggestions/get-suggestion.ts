import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { suggestionDetail } from './records';

/** One suggestion, for its author, the office, or the manager of the unit it was forwarded to. */
export async function getSuggestion(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'suggestions.submit');
  return suggestionDetail(ctx, id);
}
