import { suggestions } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { suggestionDetail } from './records';
import type { SuggestionInput } from './schemas';

/** A staff member sends a suggestion to the office (督导室发现日). */
export async function submitSuggestion(ctx: ServiceContext, input: SuggestionInput) {
  authorize(ctx.actor, 'suggestions.submit');
  const { db } = ctx;
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  await db.batch([
    db.insert(suggestions).values({
      id,
      authorId: ctx.actor.id,
      title: input.title,
      body: input.body,
      category: input.category ?? null,
      status: 'submitted',
      createdAt: at,
      updatedAt: at,
    }),
    tenantAudit(db, actorWho(ctx), {
      action: 'suggestion.create',
      entityType: 'suggestion',
      entityId: id,
      details: { title: input.title, category: input.category ?? null },
    }),
  ]);
  return suggestionDetail(ctx, id);
}
