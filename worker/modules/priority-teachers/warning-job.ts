import { and, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { notifications, users } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import { beijingDate } from '../../dates';
import { semesterKeyOf, semesterLabel } from '../../semesters';
import { activeFlag, flagsWithStats } from './records';
import { WARNING_LABELS } from './schemas';
import type { PriorityWarning } from './warnings';

/** Rows per insert statement: well under SQLite's limit of bound values. */
const CHUNK = 500;

const KIND: Record<PriorityWarning, string> = {
  not_observed: 'priority_not_observed',
  course_ending: 'priority_course_ending',
};

/**
 * The daily step of the priority-teacher warnings (run with the overdue job): every active flag of
 * today's semester that warns tells the active directors and inspectors, once per teacher, warning
 * kind and semester. Notifications are unique per (user, kind, entity), and the entity here is
 * `<semester>:<teacher id>`, so re-runs, and a teacher flagged for two reasons, tell nobody twice.
 * Nothing in the summer holiday, nor when the teaching module is off.
 */
export async function notifyPriorityWarnings(
  db: TenantDb,
  config: TenantConfig,
  now: Date = new Date(),
): Promise<{ notified: number }> {
  if (!config.modules.teaching) return { notified: 0 };
  const today = beijingDate(now);
  const semester = semesterKeyOf(today, config.semesters);
  if (!semester) return { notified: 0 };
  const [flags, recipients] = await Promise.all([
    flagsWithStats(db, semester, today, activeFlag),
    db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.role, ['director', 'inspector']), eq(users.status, 'active'))),
  ]);
  if (recipients.length === 0) return { notified: 0 };

  const warned = new Map<
    string,
    { teacherName: string; teacherId: string; kind: PriorityWarning; endsOn: string | null }
  >();
  for (const flag of flags) {
    for (const w of flag.warnings) {
      warned.set(`${flag.teacherId}|${w.key}`, {
        teacherId: flag.teacherId,
        teacherName: flag.teacherName,
        kind: w.key,
        endsOn: flag.courseEndsOn,
      });
    }
  }
  const at = now.toISOString();
  const rows = [...warned.values()].flatMap((w) =>
    recipients.map((r) => ({
      id: crypto.randomUUID(),
      userId: r.id,
      kind: KIND[w.kind],
      entityType: 'priority_teacher',
      entityId: `${semester}:${w.teacherId}`,
      title: `重点关注教师：${w.teacherName}${WARNING_LABELS[w.kind]}`,
      body:
        w.kind === 'not_observed'
          ? `${w.teacherName}是${semesterLabel(semester)}的重点关注教师，本学期还没有听课记录，请安排听课。`
          : `${w.teacherName}的课程将于 ${w.endsOn} 结束，标记重点关注后还没有听过课，请在课程结束前安排听课。`,
      link: 'teaching/priority-teachers',
      createdAt: at,
      readAt: null,
    })),
  );
  if (rows.length === 0) return { notified: 0 };
  const target = [notifications.userId, notifications.kind, notifications.entityId];
  const statements = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    statements.push(
      db
        .insert(notifications)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoNothing({ target })
        .returning({ id: notifications.id }),
    );
  }
  const [first, ...rest] = statements;
  if (!first) return { notified: 0 };
  const results = await db.batch([first, ...rest]);
  return { notified: results.reduce((n, r) => n + r.length, 0) };
}
