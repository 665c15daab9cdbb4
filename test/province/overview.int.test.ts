import { and, count, eq, notInArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { localDbUrl } from '../../db/provider';
import { tenantMetricSnapshots, tenants } from '../../db/schema/control';
import { units, users } from '../../db/schema/tenant';
import { ensurePlatformAccount } from '../../tenants/platform-accounts';
import { presetFor } from '../../tenants/presets';
import { api, databases, expectErrorShape, signInPlatform, stack, tenantDbOf } from '../support/api';

describe('province sign-in', () => {
  it('signs in a provincial account and answers /me', async () => {
    const cookie = await signInPlatform('province');
    const me = await api('/api/province/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.account).toMatchObject({ username: 'province', role: 'province' });
  });

  it('refuses a wrong password with the same rules as tenants', async () => {
    const res = await api('/api/province/auth/login', { body: { username: 'province', password: 'wrong' } });
    expectErrorShape(res, 401, 'INVALID_CREDENTIALS');
  });

  it('does not accept a tenant account', async () => {
    const res = await api('/api/province/auth/login', {
      body: { username: 'admin', password: stack.password },
    });
    expectErrorShape(res, 401, 'INVALID_CREDENTIALS');
  });
});

describe('GET /api/province/tenants', () => {
  it('lists every tenant with counts read from its own database', async () => {
    const cookie = await signInPlatform('province');
    const res = await api('/api/province/tenants', { cookie });
    expect(res.status).toBe(200);
    const county = res.body.tenants.find((t: { slug: string }) => t.slug === 'test-county');
    const college = res.body.tenants.find((t: { slug: string }) => t.slug === 'test-college');
    expect(county).toMatchObject({ kind: 'county', regionCode: '340622', status: 'active', reachable: true });
    expect(college).toMatchObject({ kind: 'college', province: '江苏省', reachable: true });
    expect(county.schemaVersion).toBe(res.body.latestSchemaVersion);
    const db = await tenantDbOf('test-county');
    const [row] = await db.select({ n: count() }).from(users).where(eq(users.status, 'active'));
    expect(county.userCount).toBe(row?.n);
    const groupKinds = presetFor('county')
      .unitKinds.filter((k) => k.isGroup)
      .map((k) => k.key);
    const [schools] = await db
      .select({ n: count() })
      .from(units)
      .where(and(eq(units.status, 'active'), notInArray(units.kind, groupKinds)));
    // Other suites import schools into this tenant, so the figure is read, not fixed.
    expect(schools?.n).toBeGreaterThanOrEqual(20);
    expect(county.unitCount).toBe(schools?.n);
    expect(JSON.stringify(res.body)).not.toMatch(/username|displayName|headName/);
  });

  it('keeps an unreachable tenant as a marked row with its last snapshot, instead of failing the page', async () => {
    const control = databases().control();
    const id = crypto.randomUUID();
    await control.insert(tenants).values({
      id,
      slug: 'ghost-county',
      name: '失联县',
      kind: 'county',
      regionCode: '340699',
      province: '安徽省',
      city: '淮北市',
      dbName: 't-ghost-county',
      dbUrl: localDbUrl('t-ghost-county'),
      status: 'active',
      config: presetFor('county'),
      schemaVersion: 1,
      updatedAt: new Date().toISOString(),
    });
    await control.insert(tenantMetricSnapshots).values({
      tenantId: id,
      takenAt: '2026-11-01T00:00:00.000Z',
      schemaVersion: 1,
      unitCount: 12,
      userCount: 30,
    });
    const res = await api('/api/province/tenants', { cookie: await signInPlatform('province') });
    expect(res.status).toBe(200);
    const ghost = res.body.tenants.find((t: { slug: string }) => t.slug === 'ghost-county');
    expect(ghost).toMatchObject({
      reachable: false,
      unitCount: 12,
      userCount: 30,
      snapshotAt: '2026-11-01T00:00:00.000Z',
    });
    expect(ghost.error).toMatch(/无法连接/);
    expect(res.body.tenants.find((t: { slug: string }) => t.slug === 'test-county').reachable).toBe(true);
    // Its own users get a 503 in Chinese, not a bare 500.
    const login = await api('/api/t/ghost-county/auth/login', {
      body: { username: 'admin', password: 'whatever' },
    });
    expectErrorShape(login, 503, 'DATABASE_UNAVAILABLE');
  });
});

describe('a provincial account sees only its own province', () => {
  it("filters tenants by the account's region code prefix", async () => {
    await ensurePlatformAccount(
      databases().control(),
      {
        username: 'jiangsu',
        displayName: '江苏省教育督导室',
        role: 'province',
        regionPrefix: '32',
        password: stack.password,
      },
      { actorId: null, actorName: 'test', requestId: 'test' },
    );
    const res = await api('/api/province/tenants', { cookie: await signInPlatform('jiangsu') });
    expect(res.status).toBe(200);
    const slugs = res.body.tenants.map((t: { slug: string }) => t.slug);
    expect(slugs).toContain('test-college');
    expect(slugs).not.toContain('test-county');
    for (const t of res.body.tenants) expect(t.regionCode.startsWith('32')).toBe(true);
  });
});
