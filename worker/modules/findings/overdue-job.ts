import { and, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { ControlDb, TenantDb } from '../../../db/client';
import { tenants } from '../../../db/schema/control';
import { findings } from '../../../db/schema/tenant';
import { MODULE_KEYS, type TenantConfig } from '../../../tenants/config/schema';
import { addDays, beijingDate } from '../../dates';
import { toTenantRecord } from '../../platform/directory';
import { notifyPriorityWarnings } from '../priority-teachers/warning-job';
import { mapLimited, withTimeout } from '../province/tenant-metrics';

/** The Cron Trigger of this job: 17:00 UTC is 01:00 in Beijing, the first hour of the new day. */
export const OVERDUE_CRON = '0 17 * * *';

/** How the job appears in finding events and audit records. */
export const SYSTEM_ACTOR_NAME = '系统（每日逾期检查）';

export interface OverdueOutcome {
  /** Findings newly past their deadline (escalation 1: the unit's managers told). */
  marked: number;
  /** Findings overdue long enough for the directors to be told (escalation 2). */
  escalated: number;
}

/** A UUID-shaped id made by SQLite, one per inserted row (notification ids are UUIDs, see ID_PATTERN). */
const SQL_UUID = sql.raw(
  `lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
   || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
   || '-' || lower(hex(randomblob(6)))`,
);

/** The step's finding_events rows for the findings `marker` picks (in the same batch as the update). */
function eventRows(action: string, note: SQL, marker: SQL, at: string) {
  return sql`INSERT INTO finding_events (finding_id, at, actor_id, actor_name, action, note, evidence)
    SELECT f.id, ${at}, NULL, ${SYSTEM_ACTOR_NAME}, ${action}, ${note}, NULL
    FROM findings f WHERE ${marker}`;
}

/** One audit row per finding `marker` picks, by the system actor. */
function auditRows(action: string, marker: SQL, at: string, requestId: string) {
  return sql`INSERT INTO audit_log (at, actor_id, actor_name, action, entity_type, entity_id, details, request_id, ip)
    SELECT ${at}, NULL, ${SYSTEM_ACTOR_NAME}, ${action}, 'finding', f.id,
      json_object('unitId', f.unit_id, 'module', f.module, 'deadline', f.deadline, 'noticeNo', f.notice_no),
      ${requestId}, NULL
    FROM findings f WHERE ${marker}`;
}

/**
 * Notifications to the active users of `role` (of the finding's own unit for unit managers) about
 * the findings `marker` picks. Unique per (user, kind, finding) like every notification (see
 * notifications/notify.ts): a finding the job has already stepped is never picked again, and one
 * that comes round again (a rejected report with a new deadline resets the count) raises the
 * existing notification anew instead of adding a second.
 */
function notificationRows(
  role: 'unit_manager' | 'director',
  kind: string,
  parts: { title: SQL; body: SQL; link: SQL },
  marker: SQL,
  at: string,
) {
  const sameUnit = role === 'unit_manager' ? sql`AND u.unit_id = f.unit_id` : sql``;
  return sql`INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, title, body, link, created_at, read_at)
    SELECT ${SQL_UUID}, u.id, ${kind}, 'finding', f.id, ${parts.title}, ${parts.body}, ${parts.link}, ${at}, NULL
    FROM findings f
      JOIN units un ON un.id = f.unit_id
      JOIN users u ON u.role = ${role} AND u.status = 'active' ${sameUnit}
    WHERE ${marker}
    ON CONFLICT (user_id, kind, entity_id) DO UPDATE SET
      title = excluded.title, body = excluded.body, link = excluded.link,
      created_at = excluded.created_at, read_at = NULL`;
}

/**
 * One tenant's daily step, all in one batch (one transaction, one round trip however many findings):
 *  - escalation 2: `issued` findings still past their deadline, overdue since at least
 *    `visits.escalateToDirectorAfterDays` Beijing days: the directors are told;
 *  - escalation 1: `issued` findings whose deadline (a Beijing day) is before today get `overdue_at`
 *    and the unit's managers are told.
 * Each update is guarded by the escalation it moves from, and every event, audit row and
 * notification is written only for the rows that update just stamped (`updated_at` = this run's
 * time), so a re-run the same day, or any later day, tells nobody twice. Findings of modules the
 * tenant has off are left alone (their pages are refused).
 */
export async function markOverdueFindings(
  db: TenantDb,
  config: TenantConfig,
  now: Date = new Date(),
): Promise<OverdueOutcome> {
  const modulesOn = MODULE_KEYS.filter((m) => config.modules[m]);
  if (modulesOn.length === 0) return { marked: 0, escalated: 0 };
  const today = beijingDate(now);
  const at = now.toISOString();
  const requestId = `cron-overdue-${today}`;
  const escalateAfter = config.visits.escalateToDirectorAfterDays;
  // Overdue since this Beijing day or earlier means the director's wait is over.
  const escalateIfOverdueOn = addDays(today, -escalateAfter);
  const daysLate = sql`CAST(julianday(${today}) - julianday(f.deadline) AS INTEGER)`;

  const stillOverdue = and(
    eq(findings.status, 'issued'),
    lt(findings.deadline, today),
    inArray(findings.module, modulesOn),
  );
  const escalatedNow = sql`f.escalation = 2 AND f.updated_at = ${at}`;
  const markedNow = sql`f.escalation = 1 AND f.overdue_at = ${at} AND f.updated_at = ${at}`;

  const [escalated, , , , marked] = await db.batch([
    // Escalation 2 first: a finding marked today is never also escalated today.
    db
      .update(findings)
      .set({ escalation: 2, updatedAt: at })
      .where(
        and(
          stillOverdue,
          eq(findings.escalation, 1),
          sql`${findings.overdueAt} IS NOT NULL AND date(${findings.overdueAt}, '+8 hours') <= ${escalateIfOverdueOn}`,
        ),
      )
      .returning({ id: findings.id }),
    db.run(
      eventRows(
        'escalated',
        sql`'超过整改期限 ' || ${daysLate} || ' 天仍未提交整改报告，已告知督导室主任'`,
        escalatedNow,
        at,
      ),
    ),
    db.run(auditRows('finding.escalate', escalatedNow, at, requestId)),
    db.run(
      notificationRows(
        'director',
        'finding_escalated',
        {
          title: sql`'整改严重逾期：' || un.name`,
          body: sql`f.category || '：' || substr(f.description, 1, 60) || '。整改期限 ' || f.deadline || '，已逾期 ' || ${daysLate} || ' 天仍未整改。'`,
          link: sql`f.module || '/findings/' || f.id`,
        },
        escalatedNow,
        at,
      ),
    ),
    db
      .update(findings)
      .set({ overdueAt: at, escalation: 1, updatedAt: at })
      .where(and(stillOverdue, eq(findings.escalation, 0)))
      .returning({ id: findings.id }),
    db.run(
      eventRows('overdue', sql`'已超过整改期限（' || f.deadline || '），尚未提交整改报告'`, markedNow, at),
    ),
    db.run(auditRows('finding.overdue', markedNow, at, requestId)),
    db.run(
      notificationRows(
        'unit_manager',
        'finding_overdue',
        {
          title: sql`'整改已逾期：' || f.category`,
          body: sql`substr(f.description, 1, 60) || '。整改期限 ' || f.deadline || ' 已过，请尽快整改并提交整改报告。'`,
          link: sql`'my-findings/' || f.module || '/' || f.id`,
        },
        markedNow,
        at,
      ),
    ),
  ]);
  return { marked: marked.length, escalated: escalated.length };
}

export interface OverdueJobResult extends OverdueOutcome {
  ok: number;
  failed: number;
  /** Notifications about priority teachers not yet observed or whose course ends soon. */
  priorityWarnings: number;
}

/**
 * Cron Trigger (daily, `OVERDUE_CRON`): every active tenant's overdue step. A tenant that fails
 * (unreachable, bad config) is logged and skipped; the others go on. `openTenant` opens a tenant's
 * database: the Worker's client in production, a local one from `worker/local/run-overdue.ts`.
 */
export async function runOverdueJob(
  control: ControlDb,
  openTenant: (dbUrl: string) => TenantDb,
  now: Date = new Date(),
): Promise<OverdueJobResult> {
  const rows = await control.select().from(tenants).where(eq(tenants.status, 'active'));
  const outcomes = await mapLimited(rows, 4, async (row) => {
    try {
      const db = openTenant(row.dbUrl);
      const config = toTenantRecord(row).config;
      const findingsOutcome = await withTimeout(
        markOverdueFindings(db, config, now),
        30_000,
        `tenant ${row.slug}`,
      );
      // The daily warning about priority teachers rides on the same run (one job, one cron).
      const priority = await withTimeout(
        notifyPriorityWarnings(db, config, now),
        30_000,
        `tenant ${row.slug}`,
      );
      const outcome = { ...findingsOutcome, priorityWarnings: priority.notified };
      if (outcome.marked + outcome.escalated + outcome.priorityWarnings > 0) {
        console.log(JSON.stringify({ level: 'info', job: 'overdue', tenant: row.slug, ...outcome }));
      }
      return outcome;
    } catch (error) {
      console.warn(JSON.stringify({ level: 'warn', job: 'overdue', tenant: row.slug, error: String(error) }));
      return null;
    }
  });
  const done = outcomes.filter((o) => o !== null);
  return {
    ok: done.length,
    failed: outcomes.length - done.length,
    marked: done.reduce((n, o) => n + o.marked, 0),
    escalated: done.reduce((n, o) => n + o.escalated, 0),
    priorityWarnings: done.reduce((n, o) => n + o.priorityWarnings, 0),
  };
}
