import { and, count, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tenantMigrations } from '../../db/migrations/tenant.gen';
import { applyMigrations } from '../../db/migrator';
import { findingEvents, findings, units, visitInspectors, visits } from '../../db/schema/tenant';
import { ensureBuiltinTemplates } from '../../tenants/checklists/ensure-builtin';
import { demoTenant } from '../../tenants/demo';
import { seedDemoContent } from '../../tenants/demo/seed';
import { beijingDate } from '../../worker/dates';
import { databases } from '../support/api';

const WHO = { actorId: null, actorName: '演示数据', requestId: 'demo-history-test' };

describe('the demo county’s school year so far (npm start)', () => {
  it('has monthly visits with their teams, findings closed and still open, the late ones marked overdue, one school never visited', async () => {
    const dbs = databases();
    const { url } = await dbs.provider.ensureDatabase(`demo-history-${Date.now().toString(36)}`);
    const db = dbs.tenant(url);
    await applyMigrations(db.$client, tenantMigrations);
    await ensureBuiltinTemplates(db, WHO);
    const demo = demoTenant('demo-county');
    if (!demo) throw new Error('no demo county');
    await seedDemoContent(db, url, demo, 'Demo-password-2026', WHO, { history: true });

    const today = beijingDate();
    const [visitCount] = await db.select({ n: count() }).from(visits);
    const [teamCount] = await db.select({ n: count() }).from(visitInspectors);
    expect(visitCount?.n).toBeGreaterThan(20);
    expect(teamCount?.n).toBe(visitCount?.n);
    const [future] = await db.select({ n: count() }).from(visits).where(sql`${visits.visitedOn} >= ${today}`);
    expect(future?.n).toBe(0);

    const states = await db
      .select({ status: findings.status, n: count() })
      .from(findings)
      .groupBy(findings.status);
    expect(states.map((s) => s.status).sort()).toEqual(expect.arrayContaining(['closed', 'issued']));
    // Every finding came from a visit of its unit and has its timeline.
    const [orphans] = await db
      .select({ n: count() })
      .from(findings)
      .where(
        sql`NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = ${findings.visitId} AND v.unit_id = ${findings.unitId})`,
      );
    expect(orphans?.n).toBe(0);
    const [untold] = await db
      .select({ n: count() })
      .from(findings)
      .where(sql`NOT EXISTS (SELECT 1 FROM finding_events e WHERE e.finding_id = ${findings.id})`);
    expect(untold?.n).toBe(0);
    // Notice numbers never repeat, so the next one issued in the app follows on.
    const [dupes] = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM (SELECT notice_no FROM findings WHERE notice_no IS NOT NULL GROUP BY notice_no HAVING count(*) > 1)`,
    );
    expect(dupes?.n).toBe(0);
    // What is past its deadline and not reported is marked overdue, as the daily job would have.
    const late = await db
      .select({ overdueAt: findings.overdueAt })
      .from(findings)
      .where(and(eq(findings.status, 'issued'), lt(findings.deadline, today)));
    expect(late.every((f) => f.overdueAt !== null)).toBe(true);
    expect(late.length).toBeGreaterThan(0);
    // Stored as real instants: the dashboard and the overdue list read them with SQLite's date().
    expect(late.every((f) => /^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/.test(f.overdueAt ?? ''))).toBe(true);
    const [overdueEvents] = await db
      .select({ n: count() })
      .from(findingEvents)
      .where(eq(findingEvents.action, 'overdue'));
    expect(overdueEvents?.n).toBe(late.length);

    // One school of a zone stands out on the dashboard: never visited.
    const never = await db
      .select({ name: units.name })
      .from(units)
      .where(
        and(isNotNull(units.zoneId), sql`NOT EXISTS (SELECT 1 FROM visits v WHERE v.unit_id = ${units.id})`),
      );
    expect(never).toHaveLength(1);
  });
});
