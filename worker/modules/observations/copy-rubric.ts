import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { copyName } from '../checklists/copy-template';
import { getRubric } from './get-rubric';
import { findRubric, findRubricVersion, newRubricStatements } from './rubric-records';
import type { CopyRubricInput } from './rubric-schemas';

/**
 * A new office rubric from the latest version of another (shipped, own, or archived): the way to
 * change a shipped rubric, which is never edited in place so its updates keep arriving.
 */
export async function copyRubric(ctx: ServiceContext, sourceId: string, input: CopyRubricInput) {
  authorize(ctx.actor, 'observations.rubrics_manage');
  const { db } = ctx;
  const source = await findRubric(db, sourceId);
  const { body, version: fromVersion } = await findRubricVersion(db, source.id, source.latestVersion);
  const name = input.name ?? copyName(source.name);
  const { id, statements } = newRubricStatements(db, { name, body, createdBy: ctx.actor.id });
  await db.batch([
    ...statements,
    tenantAudit(db, actorWho(ctx), {
      action: 'observation_rubric.copy',
      entityType: 'observation_rubric',
      entityId: id,
      details: { name, fromId: source.id, fromName: source.name, fromVersion },
    }),
  ]);
  return getRubric(ctx, id);
}
