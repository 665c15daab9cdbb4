import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { platformAuditLog, signupApplications, tenants } from '../../db/schema/control';
import { auditLog, users } from '../../db/schema/tenant';
import { api, cookieFrom, databases, expectErrorShape, signInPlatform, tenantDbOf } from '../support/api';

function application(slug: string) {
  return {
    orgName: `${slug}教育督导室`,
    kind: 'district',
    regionCode: '340603',
    province: '安徽省',
    city: '淮北市',
    contactName: '张老师',
    contactPhone: '13800001234',
    contactEmail: 'duban@example.cn',
    desiredSlug: slug,
    note: '希望下月开始使用',
  };
}

describe('POST /api/signup', () => {
  it('422 with a Chinese message per field, and nothing is stored', async () => {
    const control = databases().control();
    const [before] = await control.select({ n: count() }).from(signupApplications);
    const res = await api('/api/signup', {
      body: {
        ...application('Bad Slug!'),
        regionCode: '34',
        contactPhone: '123',
        contactEmail: 'nope',
        kind: 'city',
      },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const byPath = Object.fromEntries(
      res.body.error.details.issues.map((i: { path: string; message: string }) => [i.path, i.message]),
    );
    expect(Object.keys(byPath)).toEqual(
      expect.arrayContaining(['desiredSlug', 'regionCode', 'contactPhone', 'contactEmail', 'kind']),
    );
    expect(byPath.regionCode).toContain('6 位数字');
    const [after] = await control.select({ n: count() }).from(signupApplications);
    expect(after?.n).toBe(before?.n);
  });

  it('refuses a code that is taken or reserved', async () => {
    expectErrorShape(await api('/api/signup', { body: application('test-county') }), 409, 'CONFLICT');
    expectErrorShape(await api('/api/signup', { body: application('province') }), 422, 'VALIDATION_FAILED');
  });
});

describe('from application to a working tenant, suspension and resumption', () => {
  it('runs the whole lifecycle', async () => {
    const slug = `new-district-${Date.now().toString(36)}`;
    const submitted = await api('/api/signup', { body: application(slug) });
    expect(submitted.status).toBe(201);
    const id = submitted.body.application.id;
    expectErrorShape(await api('/api/signup', { body: application(slug) }), 409, 'CONFLICT');

    const province = await signInPlatform('province');
    expectErrorShape(
      await api(`/api/province/signups/${id}/approve`, { method: 'POST', cookie: province }),
      403,
      'FORBIDDEN',
    );

    const operator = await signInPlatform('operator');
    const pending = await api('/api/province/signups?status=pending', { cookie: operator });
    expect(pending.body.applications.map((a: { id: string }) => a.id)).toContain(id);

    const approved = await api(`/api/province/signups/${id}/approve`, { method: 'POST', cookie: operator });
    expect(approved.status).toBe(200);
    expect(approved.body.tenant.slug).toBe(slug);
    const initialPassword = approved.body.admin.initialPassword as string;
    expect(initialPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expectErrorShape(
      await api(`/api/province/signups/${id}/approve`, { method: 'POST', cookie: operator }),
      409,
      'CONFLICT',
    );

    // The new office signs in with the one-time password and is asked to change it.
    const login = await api(`/api/t/${slug}/auth/login`, {
      body: { username: 'admin', password: initialPassword },
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    expect(login.body.tenant.kind).toBe('district');
    const admin = cookieFrom(login);
    const config = await api(`/api/t/${slug}/config`, { cookie: admin });
    expect(config.body.config.themeCalendar).toHaveLength(12);

    const db = await tenantDbOf(slug);
    const created = await db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(created).toHaveLength(1);

    // Suspension: every request answers 403, the valid session included; the data stays.
    const suspended = await api(`/api/province/tenants/${slug}/suspend`, {
      method: 'POST',
      cookie: operator,
    });
    expect(suspended.body.tenant.status).toBe('suspended');
    expectErrorShape(await api(`/api/t/${slug}/me`, { cookie: admin }), 403, 'TENANT_SUSPENDED');
    expectErrorShape(
      await api(`/api/t/${slug}/auth/login`, { body: { username: 'admin', password: initialPassword } }),
      403,
      'TENANT_SUSPENDED',
    );
    // The public side closes too: a suspended office's board and complaint box take nothing.
    const someUnit = crypto.randomUUID();
    expectErrorShape(await api(`/api/t/${slug}/public/units/${someUnit}/board`), 403, 'TENANT_SUSPENDED');
    expectErrorShape(
      await api(`/api/t/${slug}/public/units/${someUnit}/complaints`, {
        body: { category: 'complaint', topic: '测试', body: '停用后不应受理' },
      }),
      403,
      'TENANT_SUSPENDED',
    );
    const [kept] = await db.select({ n: count() }).from(users);
    expect(kept?.n).toBe(1);

    const resumed = await api(`/api/province/tenants/${slug}/resume`, { method: 'POST', cookie: operator });
    expect(resumed.body.tenant.status).toBe('active');
    expect((await api(`/api/t/${slug}/me`, { cookie: admin })).status).toBe(200);

    const control = databases().control();
    const row = await control.query.tenants.findFirst({ where: eq(tenants.slug, slug) });
    const actions = (
      await control
        .select()
        .from(platformAuditLog)
        .where(eq(platformAuditLog.entityId, row?.id ?? ''))
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['tenant.create', 'tenant.provisioned', 'tenant.suspend', 'tenant.resume']),
    );
  });

  it('lets only one of two simultaneous approvals through, and the password it returns works', async () => {
    const slug = `race-${Date.now().toString(36)}`;
    const submitted = await api('/api/signup', { body: application(slug) });
    const operator = await signInPlatform('operator');
    const path = `/api/province/signups/${submitted.body.application.id}/approve`;
    const [a, b] = await Promise.all([
      api(path, { method: 'POST', cookie: operator }),
      api(path, { method: 'POST', cookie: operator }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const login = await api(`/api/t/${slug}/auth/login`, {
      body: { username: 'admin', password: winner.body.admin.initialPassword },
    });
    expect(login.status).toBe(200);
    const rejectAfter = await api(`/api/province/signups/${submitted.body.application.id}/reject`, {
      cookie: operator,
      body: { reason: '晚了' },
    });
    expectErrorShape(rejectAfter, 409, 'CONFLICT');
  });

  it('rejects an application with a reason', async () => {
    const slug = `rejected-${Date.now().toString(36)}`;
    const submitted = await api('/api/signup', { body: application(slug) });
    const operator = await signInPlatform('operator');
    expectErrorShape(
      await api(`/api/province/signups/${submitted.body.application.id}/reject`, {
        cookie: operator,
        body: { reason: '' },
      }),
      422,
      'VALIDATION_FAILED',
    );
    const res = await api(`/api/province/signups/${submitted.body.application.id}/reject`, {
      cookie: operator,
      body: { reason: '请由县教育局统一申请' },
    });
    expect(res.body.application.status).toBe('rejected');
    expectErrorShape(await api(`/api/t/${slug}/info`), 404, 'NOT_FOUND');
  });

  it('404 for suspending a tenant that does not exist', async () => {
    const operator = await signInPlatform('operator');
    expectErrorShape(
      await api('/api/province/tenants/no-such-office/suspend', { method: 'POST', cookie: operator }),
      404,
      'NOT_FOUND',
    );
  });
});
