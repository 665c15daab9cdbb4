import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { priorityTeachers, users } from '../../../db/schema/tenant';
import { guardedTenantAudit, tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError, validationError } from '../../errors';
import { currentSemesterKey, semesterLabel, semesterSpan } from '../../semesters';
import { actorWho } from '../../service-context';
import { flagsWithStats } from './records';
import { type FlagTeacherInput, PRIORITY_REASON_LABELS } from './schemas';

/** Roles whose lessons are observed (as observations accept): teachers, and unit heads who teach. */
const TAUGHT_BY = new Set(['teacher', 'unit_manager']);

function invalid(path: string, message: string) {
  return validationError([{ path, message }], message);
}

function duplicate(name: string, reason: string, semester: string) {
  return new AppError(
    'CONFLICT',
    `${name}已在${semesterLabel(semester)}以“${reason}”为由列为重点关注教师，无需重复标记；如需补充说明，请在列表中查看该记录。`,
  );
}

/**
 * Flags a teacher for the current semester. The same teacher and reason twice in a semester is a
 * 409; a flag of that reason cleared earlier in the semester is set again (its note and course end
 * replaced) rather than refused, so an office that cleared too early can undo it.
 */
export async function flagTeacher(ctx: ServiceContext, input: FlagTeacherInput) {
  authorize(ctx.actor, 'priority_teachers.manage');
  const { db, tenant } = ctx;
  const today = beijingDate();
  const semester = currentSemesterKey(today, tenant.config.semesters);

  const [teachers, existing] = await db.batch([
    db
      .select({
        id: users.id,
        name: users.displayName,
        role: users.role,
        status: users.status,
        unitId: users.unitId,
      })
      .from(users)
      .where(eq(users.id, input.teacherId))
      .limit(1),
    db
      .select()
      .from(priorityTeachers)
      .where(
        and(
          eq(priorityTeachers.teacherId, input.teacherId),
          eq(priorityTeachers.semester, semester),
          eq(priorityTeachers.reason, input.reason),
        ),
      )
      .limit(1),
  ]);
  const teacher = teachers[0];
  if (teacher?.status !== 'active' || !TAUGHT_BY.has(teacher.role)) {
    throw invalid('teacherId', '所选教师不存在、已停用或不是教师账号，请重新选择。');
  }
  if (input.courseEndsOn) {
    const span = semesterSpan(semester, tenant.config.semesters);
    if (input.courseEndsOn < span.from || input.courseEndsOn > span.to) {
      throw invalid(
        'courseEndsOn',
        `课程结束日期应在${semesterLabel(semester)}内（${span.from} 至 ${span.to}），请核对。`,
      );
    }
  }
  const reasonLabel = PRIORITY_REASON_LABELS[input.reason];
  const flag = existing[0];
  if (flag && !flag.clearedAt) throw duplicate(teacher.name, reasonLabel, semester);

  const now = new Date().toISOString();
  const details = {
    teacherId: teacher.id,
    teacherName: teacher.name,
    reason: input.reason,
    semester,
    courseEndsOn: input.courseEndsOn ?? null,
  };
  const id = flag?.id ?? crypto.randomUUID();
  if (flag) {
    // Set again only if still cleared when the statement runs: a twin request changes nothing.
    const [updated] = await db.batch([
      db
        .update(priorityTeachers)
        .set({
          clearedAt: null,
          clearedBy: null,
          note: input.note || null,
          courseEndsOn: input.courseEndsOn ?? null,
          flaggedBy: ctx.actor.id,
          flaggedAt: now,
        })
        .where(and(eq(priorityTeachers.id, flag.id), isNotNull(priorityTeachers.clearedAt)))
        .returning({ id: priorityTeachers.id }),
      guardedTenantAudit(
        db,
        actorWho(ctx),
        { action: 'priority_teacher.reflag', entityType: 'priority_teacher', entityId: id, details },
        sql`changes() = 1`,
      ),
    ]);
    if (updated.length === 0) throw duplicate(teacher.name, reasonLabel, semester);
  } else {
    try {
      await db.batch([
        db.insert(priorityTeachers).values({
          id,
          teacherId: teacher.id,
          semester,
          reason: input.reason,
          note: input.note || null,
          courseEndsOn: input.courseEndsOn ?? null,
          flaggedBy: ctx.actor.id,
          flaggedAt: now,
          clearedAt: null,
          clearedBy: null,
        }),
        tenantAudit(db, actorWho(ctx), {
          action: 'priority_teacher.flag',
          entityType: 'priority_teacher',
          entityId: id,
          details,
        }),
      ]);
    } catch (err) {
      // The unique index (teacher, semester, reason) refuses a twin written meanwhile.
      if (/UNIQUE|constraint/i.test(String(err))) throw duplicate(teacher.name, reasonLabel, semester);
      throw err;
    }
  }
  const [item] = await flagsWithStats(db, semester, today, eq(priorityTeachers.id, id));
  return { flag: item, created: !flag };
}
