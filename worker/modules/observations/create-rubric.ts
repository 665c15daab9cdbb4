import { maxTotal } from '../../../tenants/observations/rubric';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { getRubric } from './get-rubric';
import { newRubricStatements } from './rubric-records';
import type { CreateRubricInput } from './rubric-schemas';

/** A new office rubric at version 1; the body was validated (items, totals, bands) by the schema. */
export async function createRubric(ctx: ServiceContext, input: CreateRubricInput) {
  authorize(ctx.actor, 'observations.rubrics_manage');
  const { db } = ctx;
  const { id, statements } = newRubricStatements(db, { ...input, createdBy: ctx.actor.id });
  await db.batch([
    ...statements,
    tenantAudit(db, actorWho(ctx), {
      action: 'observation_rubric.create',
      entityType: 'observation_rubric',
      entityId: id,
      details: { name: input.name, maxTotal: maxTotal(input.body) },
    }),
  ]);
  return getRubric(ctx, id);
}
