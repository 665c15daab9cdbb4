import { eq, sql } from 'drizzle-orm';
import { teachingChecks } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { authorizeEdit, CHECK_NOT_FOUND, findVisibleCheck } from './records';

/** Removes a check entered by mistake (its recorder, or a director or admin); the audit row keeps its content. */
export async function deleteCheck(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'teaching_checks.record');
  const { db } = ctx;
  const check = await findVisibleCheck(ctx, id);
  authorizeEdit(ctx, check);
  const [deleted] = await db.batch([
    db.delete(teachingChecks).where(eq(teachingChecks.id, id)).returning({ id: teachingChecks.id }),
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: 'teaching_check.delete',
        entityType: 'teaching_check',
        entityId: id,
        details: {
          teacherId: check.teacherId,
          teacherName: check.teacherName,
          unitId: check.unitId,
          link: check.link,
          checkedOn: check.checkedOn,
          score: check.score,
          sampledCount: check.sampledCount,
          comment: check.comment,
          semester: check.semester,
        },
      },
      sql`changes() = 1`,
    ),
  ]);
  if (deleted.length === 0) throw new AppError('NOT_FOUND', CHECK_NOT_FOUND);
  return { deleted: true };
}
