import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema/tenant';
import { api, cookieFrom, expectErrorShape, signIn, stack, tenantDbOf } from '../support/api';

const TENANT = 'test-county';

describe('tenant sign-in', () => {
  it('signs in, sets an HttpOnly cookie scoped to the tenant, and /me answers the user', async () => {
    const res = await api(`/api/t/${TENANT}/auth/login`, {
      body: { username: 'inspector1', password: stack.password },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'inspector1', role: 'inspector' });
    expect(res.body.tenant).toMatchObject({ slug: TENANT, kind: 'county' });
    const header = res.headers.get('set-cookie') ?? '';
    expect(header).toContain('HttpOnly');
    expect(header).toContain(`Path=/api/t/${TENANT}`);
    expect(header).toContain('SameSite=Lax');
    const me = await api(`/api/t/${TENANT}/me`, { cookie: cookieFrom(res) });
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('inspector1');
    expect(me.body.user).not.toHaveProperty('passwordHash');
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const res = await api(`/api/t/${TENANT}/auth/login`, {
      body: { username: '  Inspector1 ', password: stack.password },
    });
    expect(res.status).toBe(200);
  });

  it('stores only a hash of the token: the stored id does not open a session', async () => {
    const cookie = await signIn(TENANT, 'inspector2');
    const token = cookie.split('=')[1] as string;
    const db = await tenantDbOf(TENANT);
    const stored = await db.select().from(sessions);
    expect(stored.some((s) => s.id === token)).toBe(false);
    for (const row of stored.slice(0, 5)) {
      const res = await api(`/api/t/${TENANT}/me`, { cookie: `dudao_session=${row.id}` });
      expect(res.status).toBe(401);
      const scoped = await api(`/api/t/${TENANT}/me`, { cookie: `dudao_session=${TENANT}.${row.id}` });
      expect(scoped.status).toBe(401);
    }
  });

  it('logs out: the session is gone from the database and the old cookie no longer works', async () => {
    const cookie = await signIn(TENANT, 'inspector3');
    const out = await api(`/api/t/${TENANT}/auth/logout`, { method: 'POST', cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expectErrorShape(await api(`/api/t/${TENANT}/me`, { cookie }), 401, 'UNAUTHENTICATED');
  });

  it('writes sign-in and sign-out to the audit log', async () => {
    const cookie = await signIn(TENANT, 'inspector4');
    await api(`/api/t/${TENANT}/auth/logout`, { method: 'POST', cookie });
    const db = await tenantDbOf(TENANT);
    const user = await db.query.users.findFirst({ where: eq(users.username, 'inspector4') });
    const actions = (
      await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.actorId, user?.id ?? ''))
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']));
  });

  it('answers a wrong password and an unknown user alike, in Chinese', async () => {
    const wrong = await api(`/api/t/${TENANT}/auth/login`, {
      body: { username: 'director1', password: 'nope-nope' },
    });
    expectErrorShape(wrong, 401, 'INVALID_CREDENTIALS');
    const unknown = await api(`/api/t/${TENANT}/auth/login`, {
      body: { username: 'ghost', password: 'nope-nope' },
    });
    expectErrorShape(unknown, 401, 'INVALID_CREDENTIALS');
    // A correct sign-in afterwards resets the counter.
    await signIn(TENANT, 'director1');
  });

  it('locks the account after 5 wrong passwords and says until when; the right password is refused while locked', async () => {
    const attempt = (password: string) =>
      api(`/api/t/${TENANT}/auth/login`, { body: { username: 'lock_a', password } });
    for (let i = 1; i <= 4; i++) {
      const res = await attempt('wrong-password');
      expectErrorShape(res, 401, 'INVALID_CREDENTIALS');
      expect(res.body.error.message).toContain('连续输错 5 次');
    }
    const locking = await attempt('wrong-password');
    expectErrorShape(locking, 423, 'ACCOUNT_LOCKED');
    expect(locking.body.error.message).toMatch(/北京时间 \d{2}:\d{2}/);
    const until = new Date(locking.body.error.details.lockedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expectErrorShape(await attempt(stack.password), 423, 'ACCOUNT_LOCKED');
    const db = await tenantDbOf(TENANT);
    const user = await db.query.users.findFirst({ where: eq(users.username, 'lock_a') });
    const actions = (
      await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, user?.id ?? ''))
    ).map((r) => r.action);
    expect(actions).toContain('auth.locked');
    const failures = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, user?.id ?? ''));
    expect(failures.every((r) => r.requestId)).toBe(true);
  });

  it('counts parallel guesses exactly: 12 at once lock the account', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () =>
        api(`/api/t/${TENANT}/auth/login`, { body: { username: 'lock_d', password: 'wrong-password' } }),
      ),
    );
    expect(guesses.filter((g) => g.status === 423).length).toBeGreaterThanOrEqual(1);
    expectErrorShape(
      await api(`/api/t/${TENANT}/auth/login`, { body: { username: 'lock_d', password: stack.password } }),
      423,
      'ACCOUNT_LOCKED',
    );
  });

  it('refuses a disabled account even with the right password', async () => {
    const db = await tenantDbOf(TENANT);
    await db.update(users).set({ status: 'disabled' }).where(eq(users.username, 'lock_b'));
    const res = await api(`/api/t/${TENANT}/auth/login`, {
      body: { username: 'lock_b', password: stack.password },
    });
    expectErrorShape(res, 403, 'ACCOUNT_DISABLED');
  });

  it('ends the sessions of an account that gets disabled', async () => {
    const cookie = await signIn(TENANT, 'lock_c');
    const db = await tenantDbOf(TENANT);
    await db.update(users).set({ status: 'disabled' }).where(eq(users.username, 'lock_c'));
    expectErrorShape(await api(`/api/t/${TENANT}/me`, { cookie }), 401, 'UNAUTHENTICATED');
  });
});

describe('sign-in input', () => {
  const path = `/api/t/${TENANT}/auth/login`;

  it('422 with field paths for missing and mistyped fields', async () => {
    const res = await api(path, { body: { username: 42 } });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password']));
    for (const issue of res.body.error.details.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('422 in Chinese for a body that is JSON but not an object', async () => {
    for (const rawBody of ['42', 'null', '[]', '"admin"']) {
      const res = await api(path, { rawBody, headers: { 'content-type': 'application/json' } });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(res.body.error.details.issues[0].message).toBe('请求内容应为 JSON 对象');
    }
  });

  it('400 for malformed JSON', async () => {
    expectErrorShape(
      await api(path, { rawBody: '{"username": ', headers: { 'content-type': 'application/json' } }),
      400,
      'INVALID_JSON',
    );
  });

  it('415 for a form post', async () => {
    expectErrorShape(
      await api(path, {
        rawBody: 'username=a&password=b',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('413 for an oversized body', async () => {
    const res = await api(path, { body: { username: 'admin', password: 'x'.repeat(70 * 1024) } });
    expectErrorShape(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('422 for an absurdly long password, without hashing it', async () => {
    expectErrorShape(
      await api(path, { body: { username: 'admin', password: 'x'.repeat(5000) } }),
      422,
      'VALIDATION_FAILED',
    );
  });

  it('403 CSRF_REJECTED for a state-changing request from another site, and nothing is written', async () => {
    const db = await tenantDbOf(TENANT);
    const before = (await db.select().from(sessions)).length;
    const res = await api(path, {
      body: { username: 'admin', password: stack.password },
      headers: { origin: 'https://evil.example' },
    });
    expectErrorShape(res, 403, 'CSRF_REJECTED');
    const crossSite = await api(path, {
      body: { username: 'admin', password: stack.password },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expectErrorShape(crossSite, 403, 'CSRF_REJECTED');
    expect((await db.select().from(sessions)).length).toBe(before);
  });

  it('accepts a same-origin browser request', async () => {
    const res = await api(path, {
      body: { username: 'admin', password: stack.password },
      headers: { origin: stack.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(200);
  });

  it('treats a tampered cookie as no session', async () => {
    const cookie = await signIn(TENANT, 'admin');
    const tampered = `${cookie.slice(0, -3)}${cookie.endsWith('a') ? 'b' : 'a'}zz`;
    expectErrorShape(await api(`/api/t/${TENANT}/me`, { cookie: tampered }), 401, 'UNAUTHENTICATED');
    expectErrorShape(
      await api(`/api/t/${TENANT}/me`, { cookie: 'dudao_session=garbage' }),
      401,
      'UNAUTHENTICATED',
    );
  });
});
