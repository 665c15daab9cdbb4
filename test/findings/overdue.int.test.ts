import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, findingEvents, findings, notifications, units, users } from '../../db/schema/tenant';
import { addDays, beijingDate } from '../../worker/dates';
import { createUser } from '../accounts/fixtures';
import { stack, tenantDbOf } from '../support/api';
import { TEST_TENANTS } from '../support/tenants';

const T = 'test-county';
const OTHER = 'test-college';
const OVERDUE_CRON = '0 17 * * *';

/** Fires the Worker's daily Cron Trigger once, through Miniflare's scheduled(). */
async function runDailyJob() {
  const res = await fetch(`${stack.schedulerUrl}?cron=${encodeURIComponent(OVERDUE_CRON)}`, {
    method: 'POST',
  });
  expect(await res.json()).toMatchObject({ outcome: 'ok' });
}

function configOf(slug: string) {
  const config = TEST_TENANTS.find((t) => t.slug === slug)?.config;
  if (!config) throw new Error(`no test tenant ${slug}`);
  return config;
}

/** A new unit of the tenant, so only this test's unit managers and findings belong to it. */
async function freshUnit(slug: string) {
  const kind = configOf(slug).unitKinds.find((k) => !k.isGroup)?.key ?? 'primary';
  const db = await tenantDbOf(slug);
  const id = crypto.randomUUID();
  await db.insert(units).values({
    id,
    name: `逾期测试单位${id.slice(0, 6)}`,
    kind,
    status: 'active',
    updatedAt: new Date().toISOString(),
  });
  return id;
}

async function userId(slug: string, username: string) {
  const db = await tenantDbOf(slug);
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/** A finding written straight to the database in the given state (the API refuses past deadlines). */
async function findingIn(
  slug: string,
  unitId: string,
  fields: Partial<typeof findings.$inferInsert> & Pick<typeof findings.$inferInsert, 'status' | 'deadline'>,
) {
  const db = await tenantDbOf(slug);
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  await db.insert(findings).values({
    id,
    module: 'safety',
    unitId,
    category: '消防器材',
    severity: 'major',
    description: '教学楼二层灭火器过期未更换',
    createdBy: await userId(slug, 'role_inspector'),
    createdAt: at,
    updatedAt: at,
    issuedAt: fields.status === 'open' ? null : at,
    ...fields,
  });
  return id;
}

async function rowOf(slug: string, id: string) {
  const db = await tenantDbOf(slug);
  const [row] = await db.select().from(findings).where(eq(findings.id, id));
  if (!row) throw new Error(`no finding ${id}`);
  return row;
}

async function eventsOf(slug: string, id: string) {
  const db = await tenantDbOf(slug);
  return db
    .select()
    .from(findingEvents)
    .where(eq(findingEvents.findingId, id))
    .orderBy(asc(findingEvents.id));
}

async function noticesOf(slug: string, id: string) {
  const db = await tenantDbOf(slug);
  return db.select().from(notifications).where(eq(notifications.entityId, id));
}

async function auditOf(slug: string, id: string) {
  const db = await tenantDbOf(slug);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'finding'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));
}

async function activeDirectors(slug: string) {
  const db = await tenantDbOf(slug);
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'director'), eq(users.status, 'active')));
  return rows.map((r) => r.id).sort();
}

describe('daily overdue job', () => {
  const today = beijingDate();
  const late = addDays(today, -3);
  let unitId = '';
  let manager = '';
  let disabledManager = '';

  beforeAll(async () => {
    unitId = await freshUnit(T);
    manager = (await createUser(T, { role: 'unit_manager', unitId })).id;
    disabledManager = (await createUser(T, { role: 'unit_manager', unitId })).id;
    const db = await tenantDbOf(T);
    await db.update(users).set({ status: 'disabled' }).where(eq(users.id, disabledManager));
  });

  it('marks an issued finding past its deadline, tells the unit head, later the director, and nobody twice', async () => {
    const overdue = await findingIn(T, unitId, {
      status: 'issued',
      deadline: late,
      noticeNo: '督整〔2026〕第901号',
    });

    await runDailyJob();
    const marked = await rowOf(T, overdue);
    expect(marked.escalation).toBe(1);
    expect(marked.overdueAt).not.toBeNull();
    expect(Date.now() - Date.parse(marked.overdueAt ?? '')).toBeLessThan(120_000);
    expect(marked.status).toBe('issued');

    const events = await eventsOf(T, overdue);
    expect(events.map((e) => e.action)).toEqual(['overdue']);
    expect(events[0]).toMatchObject({ actorId: null, actorName: '系统（每日逾期检查）' });
    expect(events[0]?.note).toContain(late);

    const audit = await auditOf(T, overdue);
    expect(audit.map((a) => a.action)).toEqual(['finding.overdue']);
    expect(audit[0]).toMatchObject({ actorId: null, actorName: '系统（每日逾期检查）' });
    expect(audit[0]?.details).toMatchObject({ unitId, module: 'safety', deadline: late });

    // Only the unit's active manager, not the disabled one, not the directors (yet).
    let notices = await noticesOf(T, overdue);
    expect(notices.map((n) => [n.userId, n.kind])).toEqual([[manager, 'finding_overdue']]);
    expect(notices[0]).toMatchObject({
      entityType: 'finding',
      link: `my-findings/safety/${overdue}`,
      readAt: null,
    });
    expect(notices[0]?.title).toContain('消防器材');
    expect(notices[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const firstNotice = notices[0];

    // A re-run the same day changes nothing and tells nobody again.
    await runDailyJob();
    expect(await rowOf(T, overdue)).toEqual(marked);
    expect(await eventsOf(T, overdue)).toHaveLength(1);
    expect(await auditOf(T, overdue)).toHaveLength(1);
    expect(await noticesOf(T, overdue)).toEqual([firstNotice]);

    // Overdue for the tenant's escalation period: the directors are told too.
    const wait = configOf(T).visits.escalateToDirectorAfterDays ?? 7;
    const db = await tenantDbOf(T);
    const longAgo = new Date(Date.now() - (wait + 1) * 24 * 3600_000).toISOString();
    await db.update(findings).set({ overdueAt: longAgo }).where(eq(findings.id, overdue));
    await runDailyJob();

    const escalated = await rowOf(T, overdue);
    expect(escalated.escalation).toBe(2);
    expect(escalated.overdueAt).toBe(longAgo);
    expect((await eventsOf(T, overdue)).map((e) => e.action)).toEqual(['overdue', 'escalated']);
    expect((await auditOf(T, overdue)).map((a) => a.action)).toEqual(['finding.overdue', 'finding.escalate']);
    notices = await noticesOf(T, overdue);
    const directors = await activeDirectors(T);
    expect(directors.length).toBeGreaterThan(0);
    expect(
      notices
        .filter((n) => n.kind === 'finding_escalated')
        .map((n) => n.userId)
        .sort(),
    ).toEqual(directors);
    expect(notices.filter((n) => n.kind === 'finding_escalated')[0]?.link).toBe(`safety/findings/${overdue}`);
    expect(notices.filter((n) => n.kind === 'finding_overdue')).toEqual([firstNotice]);

    // And again: nothing more.
    await runDailyJob();
    expect(await rowOf(T, overdue)).toEqual(escalated);
    expect(await eventsOf(T, overdue)).toHaveLength(2);
    expect(await auditOf(T, overdue)).toHaveLength(2);
    expect(await noticesOf(T, overdue)).toHaveLength(notices.length);
  });

  it('does not escalate before the tenant’s waiting period is over', async () => {
    const wait = configOf(T).visits.escalateToDirectorAfterDays ?? 7;
    const db = await tenantDbOf(T);
    const id = await findingIn(T, unitId, { status: 'issued', deadline: addDays(today, -20) });
    await runDailyJob();
    const recent = new Date(Date.now() - (wait - 1) * 24 * 3600_000).toISOString();
    await db.update(findings).set({ overdueAt: recent }).where(eq(findings.id, id));
    await runDailyJob();
    expect((await rowOf(T, id)).escalation).toBe(1);
    expect((await noticesOf(T, id)).map((n) => n.kind)).toEqual(['finding_overdue']);
  });

  it('leaves alone reported, closed, open and not-yet-due findings, and those of a module that is off', async () => {
    const reported = await findingIn(T, unitId, { status: 'reported', deadline: late, reportedAt: today });
    const closed = await findingIn(T, unitId, { status: 'closed', deadline: late, closedAt: today });
    const draft = await findingIn(T, unitId, { status: 'open', deadline: late });
    const dueToday = await findingIn(T, unitId, { status: 'issued', deadline: today });
    // test-county has the study module off.
    expect(configOf(T).modules.study).toBe(false);
    const moduleOff = await findingIn(T, unitId, { status: 'issued', deadline: late, module: 'study' });
    const ids = [reported, closed, draft, dueToday, moduleOff];
    const db = await tenantDbOf(T);
    const before = await db
      .select()
      .from(findings)
      .where(inArray(findings.id, ids))
      .orderBy(asc(findings.id));

    await runDailyJob();

    const after = await db.select().from(findings).where(inArray(findings.id, ids)).orderBy(asc(findings.id));
    expect(after).toEqual(before);
    for (const id of ids) {
      expect(await eventsOf(T, id)).toEqual([]);
      expect(await noticesOf(T, id)).toEqual([]);
      expect(await auditOf(T, id)).toEqual([]);
    }
  });

  it('walks every active tenant: the other tenant’s overdue finding is marked in its own database', async () => {
    const collegeUnit = await freshUnit(OTHER);
    const collegeManager = (await createUser(OTHER, { role: 'unit_manager', unitId: collegeUnit })).id;
    const id = await findingIn(OTHER, collegeUnit, { status: 'issued', deadline: late, module: 'teaching' });

    await runDailyJob();

    expect((await rowOf(OTHER, id)).escalation).toBe(1);
    expect((await noticesOf(OTHER, id)).map((n) => n.userId)).toEqual([collegeManager]);
    const county = await tenantDbOf(T);
    expect(await county.select().from(notifications).where(eq(notifications.entityId, id))).toEqual([]);
  });
});
