import { surveyLinks, surveyTokens } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { readableSurvey } from './records';
import type { LinksInput } from './schemas';
import { newSurveyToken, surveyPath, surveyTokenHash } from './tokens';

/**
 * A batch of single-use response links for one class. The tokens are returned this once: only
 * their hashes are stored, so a lost slip cannot be printed again (make a new batch instead).
 */
export async function createSurveyLinks(ctx: ServiceContext, surveyId: string, input: LinksInput) {
  authorize(ctx.actor, 'surveys.manage');
  const survey = await readableSurvey(ctx, surveyId);
  if (survey.status === 'closed') {
    throw new AppError('CONFLICT', '问卷已结束，不能再生成答卷链接；如需继续收集，请新建问卷。');
  }
  const linkId = crypto.randomUUID();
  const tokens = Array.from({ length: input.count }, newSurveyToken);
  const now = new Date().toISOString();
  await ctx.db.batch([
    ctx.db.insert(surveyLinks).values({
      id: linkId,
      surveyId,
      label: input.label,
      tokenCount: input.count,
      createdBy: ctx.actor.id,
      createdAt: now,
    }),
    ctx.db
      .insert(surveyTokens)
      .values(tokens.map((t) => ({ tokenHash: surveyTokenHash(t), surveyId, linkId, usedOn: null }))),
    tenantAudit(ctx.db, actorWho(ctx), {
      action: 'survey.links',
      entityType: 'survey',
      entityId: surveyId,
      details: { title: survey.title, linkId, label: input.label, count: input.count },
    }),
  ]);
  return {
    link: { id: linkId, label: input.label, total: input.count, used: 0, createdAt: now },
    paths: tokens.map((t) => surveyPath(ctx.tenant.slug, t)),
  };
}
