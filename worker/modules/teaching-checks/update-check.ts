import { and, eq, sql } from 'drizzle-orm';
import { teachingChecks } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { authorizeEdit, findVisibleCheck, semesterOfCheck } from './records';
import type { UpdateCheckInput } from './schemas';

/**
 * Changes a check (its recorder, or a director or admin). A new day moves it to that day's semester.
 * The update is guarded by the `updatedAt` read, so two edits at once cannot silently overwrite
 * each other: the later one is a 409.
 */
export async function updateCheck(ctx: ServiceContext, id: string, input: UpdateCheckInput) {
  authorize(ctx.actor, 'teaching_checks.record');
  const { db } = ctx;
  const check = await findVisibleCheck(ctx, id);
  authorizeEdit(ctx, check);
  const semester = input.checkedOn ? semesterOfCheck(ctx, input.checkedOn) : check.semester;
  const changes = {
    ...(input.link !== undefined && { link: input.link }),
    ...(input.checkedOn !== undefined && { checkedOn: input.checkedOn }),
    ...(input.score !== undefined && { score: input.score }),
    ...(input.comment !== undefined && { comment: input.comment || null }),
    ...(input.sampledCount !== undefined && { sampledCount: input.sampledCount }),
  };
  const now = new Date().toISOString();
  const [updated] = await db.batch([
    db
      .update(teachingChecks)
      .set({ ...changes, semester, updatedAt: now })
      .where(and(eq(teachingChecks.id, id), eq(teachingChecks.updatedAt, check.updatedAt)))
      .returning({ id: teachingChecks.id }),
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: 'teaching_check.update',
        entityType: 'teaching_check',
        entityId: id,
        details: {
          teacherId: check.teacherId,
          teacherName: check.teacherName,
          before: {
            link: check.link,
            checkedOn: check.checkedOn,
            score: check.score,
            sampledCount: check.sampledCount,
          },
          changes,
        },
      },
      sql`changes() = 1`,
    ),
  ]);
  if (updated.length === 0) {
    throw new AppError('CONFLICT', '这条检查记录刚被他人修改或删除，请刷新后再改。');
  }
  return findVisibleCheck(ctx, id);
}
