import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tenantMetricSnapshots, tenants } from '../../db/schema/control';
import { sessions, users } from '../../db/schema/tenant';
import { databases, stack, tenantDbOf } from '../support/api';

describe('Cron Trigger', () => {
  it('snapshots every active tenant and drops expired sessions', async () => {
    const db = await tenantDbOf('test-college');
    const someone = await db.query.users.findFirst({ where: eq(users.username, 'teacher1') });
    const expiredId = `expired-${crypto.randomUUID()}`;
    await db.insert(sessions).values({ id: expiredId, userId: someone?.id ?? '', expiresAt: 1000 });

    const res = await fetch(`${stack.schedulerUrl}?cron=${encodeURIComponent('*/30 * * * *')}`, {
      method: 'POST',
    });
    expect(await res.json()).toMatchObject({ outcome: 'ok' });

    const control = databases().control();
    const college = await control.query.tenants.findFirst({ where: eq(tenants.slug, 'test-college') });
    const [snap] = await control
      .select()
      .from(tenantMetricSnapshots)
      .where(eq(tenantMetricSnapshots.tenantId, college?.id ?? ''))
      .orderBy(desc(tenantMetricSnapshots.takenAt))
      .limit(1);
    expect(snap?.unitCount).toBeGreaterThan(0);
    expect(Date.now() - new Date(snap?.takenAt ?? 0).getTime()).toBeLessThan(60_000);
    expect(await db.query.sessions.findFirst({ where: eq(sessions.id, expiredId) })).toBeUndefined();
  });
});
