import { eq, sql } from 'drizzle-orm';
import { developmentTargets } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { findVisibleTarget, refuseArchived, schoolYearLabel, TARGET_NOT_FOUND } from './records';

/** Removes a target entered by mistake; the audit row keeps what it said. */
export async function deleteTarget(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'targets.manage');
  const { db } = ctx;
  const { target, unit } = await findVisibleTarget(ctx, id);
  refuseArchived(unit);
  const [deleted] = await db.batch([
    db
      .delete(developmentTargets)
      .where(eq(developmentTargets.id, id))
      .returning({ id: developmentTargets.id }),
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: 'development_target.delete',
        entityType: 'development_target',
        entityId: id,
        details: {
          unitId: unit.id,
          unitName: unit.name,
          year: schoolYearLabel(target.schoolYear),
          title: target.title,
          measure: target.measure,
          indicatorKey: target.indicatorKey,
          status: target.status,
          progress: target.progress,
          adjustment: target.adjustment,
        },
      },
      sql`changes() = 1`,
    ),
  ]);
  if (deleted.length === 0) throw new AppError('NOT_FOUND', TARGET_NOT_FOUND);
  return { deleted: true };
}
