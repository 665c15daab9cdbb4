import { eq } from 'drizzle-orm';
import { teachingChecks, users } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { managedUnitIds } from '../../auth/managed-units';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { findVisibleCheck, semesterOfCheck } from './records';
import type { RecordCheckInput } from './schemas';

/** Roles whose teaching is checked: teachers, and unit heads who teach. */
const TAUGHT_BY = new Set(['teacher', 'unit_manager']);

function invalidTeacher(message: string) {
  return validationError([{ path: 'teacherId', message }], message);
}

/**
 * Records one check of one link of a teacher's work. The semester comes from the day; the teacher
 * must be an active teacher of the tenant, and of the recorder's own unit when a unit manager
 * records. The check and its audit row go in one batch.
 */
export async function recordCheck(ctx: ServiceContext, input: RecordCheckInput) {
  authorize(ctx.actor, 'teaching_checks.record');
  const { db, actor } = ctx;
  const semester = semesterOfCheck(ctx, input.checkedOn);
  const [teacher] = await db
    .select({
      id: users.id,
      name: users.displayName,
      role: users.role,
      status: users.status,
      unitId: users.unitId,
    })
    .from(users)
    .where(eq(users.id, input.teacherId))
    .limit(1);
  if (teacher?.status !== 'active' || !TAUGHT_BY.has(teacher.role)) {
    throw invalidTeacher('所选教师不存在、已停用或不是教师账号，请重新选择。');
  }
  if (teacher.id === actor.id) throw invalidTeacher('不能检查自己的教学工作，请选择被检查的教师。');
  if (
    actor.role === 'unit_manager' &&
    !(teacher.unitId && (await managedUnitIds(ctx.db, actor.unitId)).has(teacher.unitId))
  ) {
    throw invalidTeacher('您只能登记本部门教师的教学常规检查，请选择本部门的教师。');
  }
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db.batch([
    db.insert(teachingChecks).values({
      id,
      teacherId: teacher.id,
      unitId: teacher.unitId,
      semester,
      link: input.link,
      checkedOn: input.checkedOn,
      score: input.score,
      comment: input.comment || null,
      sampledCount: input.sampledCount ?? null,
      checkedBy: actor.id,
      createdAt: now,
      updatedAt: now,
    }),
    tenantAudit(db, actorWho(ctx), {
      action: 'teaching_check.record',
      entityType: 'teaching_check',
      entityId: id,
      details: {
        teacherId: teacher.id,
        teacherName: teacher.name,
        unitId: teacher.unitId,
        link: input.link,
        checkedOn: input.checkedOn,
        score: input.score,
        sampledCount: input.sampledCount ?? null,
        semester,
      },
    }),
  ]);
  return findVisibleCheck(ctx, id);
}
