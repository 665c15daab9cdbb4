import { notifications } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { validationError } from '../../errors';
import { actorWho } from '../../service-context';
import type { Statement } from '../notifications/notify';
import { type ComplianceRow, complianceReport } from './records';
import type { RemindersInput } from './schemas';

export const REMINDER_KIND = 'observation_quota_reminder';

function reminderBody(row: ComplianceRow, semesterLabel: string) {
  return `${semesterLabel}您已听课 ${row.done} 节，按进度应听 ${row.expected} 节，本学期应听 ${row.required} 节（${row.quotaLabel}）。请尽快安排听课，并及时录入听课记录。`;
}

/**
 * Tells everyone behind (or those of `userIds` who are behind) where they stand, once a week at
 * most: the notification's entity is the semester's week (`2026-autumn:w12`), unique per person,
 * so a second press in the same week tells nobody again and is counted as skipped. Only for the
 * current semester: a reminder about a semester that is over (or not begun) helps nobody.
 */
export async function sendReminders(ctx: ServiceContext, input: RemindersInput) {
  authorize(ctx.actor, 'compliance.remind');
  const { db } = ctx;
  const report = await complianceReport(ctx, input.semester ?? undefined);
  const { semester } = report;
  if (!semester.current) {
    throw validationError([
      {
        path: 'semester',
        message: `只能提醒本学期的听课任务；${semester.label}不是当前学期，请选择本学期后再提醒。`,
      },
    ]);
  }
  const named = input.userIds ? new Set(input.userIds) : null;
  const behind = report.rows.filter((r) => r.status === 'behind' && (!named || named.has(r.userId)));
  if (behind.length === 0)
    return { semester: semester.key, week: semester.week, behind: 0, told: 0, skipped: 0 };

  const entityId = `${semester.key}:w${semester.week}`;
  const createdAt = new Date().toISOString();
  const insert = db
    .insert(notifications)
    .values(
      behind.map((row) => ({
        id: crypto.randomUUID(),
        userId: row.userId,
        kind: REMINDER_KIND,
        entityType: 'observation_quota',
        entityId,
        title: '听课任务进度提醒',
        body: reminderBody(row, semester.label),
        link: 'teaching/observations',
        createdAt,
        readAt: null,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.kind, notifications.entityId] })
    .returning({ userId: notifications.userId });
  const statements: Statement[] = [
    insert,
    tenantAudit(db, actorWho(ctx), {
      action: 'observation_quota.remind',
      entityType: 'observation_quota',
      entityId,
      details: {
        semester: semester.key,
        week: semester.week,
        behind: behind.length,
        named: named?.size ?? null,
      },
    }),
  ];
  const [inserted] = (await db.batch(statements as [Statement, ...Statement[]])) as [{ userId: string }[]];
  return {
    semester: semester.key,
    week: semester.week,
    behind: behind.length,
    told: inserted.length,
    skipped: behind.length - inserted.length,
  };
}
