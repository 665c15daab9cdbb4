import { and, eq, isNull, sql } from 'drizzle-orm';
import { priorityTeachers } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { FLAG_NOT_FOUND, flagsWithStats } from './records';

/** Ends a flag before its semester does (the teacher no longer needs watching). Once only: 409 after. */
export async function clearFlag(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'priority_teachers.manage');
  const { db } = ctx;
  const [flag] = await db.select().from(priorityTeachers).where(eq(priorityTeachers.id, id)).limit(1);
  if (!flag) throw new AppError('NOT_FOUND', FLAG_NOT_FOUND);
  const now = new Date().toISOString();
  const [updated] = await db.batch([
    db
      .update(priorityTeachers)
      .set({ clearedAt: now, clearedBy: ctx.actor.id })
      .where(and(eq(priorityTeachers.id, id), isNull(priorityTeachers.clearedAt)))
      .returning({ id: priorityTeachers.id }),
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: 'priority_teacher.clear',
        entityType: 'priority_teacher',
        entityId: id,
        details: { teacherId: flag.teacherId, reason: flag.reason, semester: flag.semester },
      },
      sql`changes() = 1`,
    ),
  ]);
  if (updated.length === 0) {
    throw new AppError('CONFLICT', '该教师的这条重点关注已经取消，请刷新列表。');
  }
  const [item] = await flagsWithStats(db, flag.semester, beijingDate(), eq(priorityTeachers.id, id));
  return { flag: item };
}
