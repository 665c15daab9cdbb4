import { and, eq, sql } from 'drizzle-orm';
import { observationRubrics } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { getRubric } from './get-rubric';
import { findRubric } from './rubric-records';

/**
 * Archiving (停用) takes a rubric out of those offered for new observations; its versions stay, so
 * observations scored with it still show it, and restoring brings it back as it was. Shipped rubrics
 * may be archived too (an office using only its own). Twice changes nothing.
 */
export async function setRubricStatus(ctx: ServiceContext, id: string, status: 'active' | 'archived') {
  authorize(ctx.actor, 'observations.rubrics_manage');
  const { db } = ctx;
  const before = await findRubric(db, id);
  if (before.status !== status) {
    await db.batch([
      db
        .update(observationRubrics)
        .set({ status, updatedAt: new Date().toISOString() })
        .where(and(eq(observationRubrics.id, id), eq(observationRubrics.status, before.status))),
      // Two people archiving at once: one change, one record.
      guardedTenantAudit(
        db,
        actorWho(ctx),
        {
          action: status === 'archived' ? 'observation_rubric.archive' : 'observation_rubric.restore',
          entityType: 'observation_rubric',
          entityId: id,
          details: { name: before.name, from: before.status, to: status },
        },
        sql`changes() = 1`,
      ),
    ]);
  }
  return getRubric(ctx, id);
}
