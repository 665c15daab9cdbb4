import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema/tenant';
import { api, expectErrorShape, signIn, stack, tenantDbOf } from '../support/api';

const TENANT = 'test-college';
const path = `/api/t/${TENANT}/auth/password`;

describe('POST /api/t/:tenant/auth/password', () => {
  it('changes the password, clears the must-change flag, ends other sessions and keeps this one', async () => {
    const db = await tenantDbOf(TENANT);
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'teacher6'));
    const elsewhere = await signIn(TENANT, 'teacher6');
    const here = await signIn(TENANT, 'teacher6');
    const res = await api(path, {
      cookie: here,
      body: { currentPassword: stack.password, newPassword: 'Kecheng2026' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(false);
    expect((await api(`/api/t/${TENANT}/me`, { cookie: here })).status).toBe(200);
    expectErrorShape(await api(`/api/t/${TENANT}/me`, { cookie: elsewhere }), 401, 'UNAUTHENTICATED');
    const login = await api(`/api/t/${TENANT}/auth/login`, {
      body: { username: 'teacher6', password: 'Kecheng2026' },
    });
    expect(login.body.user.mustChangePassword).toBe(false);
    const user = await db.query.users.findFirst({ where: eq(users.username, 'teacher6') });
    const audit = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, user?.id ?? ''));
    expect(audit.map((a) => a.action)).toContain('user.password_change');
  });

  it('holds a user with a one-time password to changing it: other data answers 403 until then', async () => {
    const db = await tenantDbOf(TENANT);
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'pw_viewer'));
    const cookie = await signIn(TENANT, 'pw_viewer');
    expectErrorShape(await api(`/api/t/${TENANT}/units`, { cookie }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await api(`/api/t/${TENANT}/config`, { cookie })).status).toBe(200);
    expect((await api(`/api/t/${TENANT}/me`, { cookie })).body.user.mustChangePassword).toBe(true);
    const changed = await api(path, {
      cookie,
      body: { currentPassword: stack.password, newPassword: 'Duban2026x' },
    });
    expect(changed.status).toBe(200);
    expect((await api(`/api/t/${TENANT}/units`, { cookie })).status).toBe(200);
  });

  it('422 with the field for a wrong current password, a weak or unchanged new one; nothing changes', async () => {
    const cookie = await signIn(TENANT, 'teacher5');
    const wrong = await api(path, { cookie, body: { currentPassword: 'nope', newPassword: 'Kecheng2026' } });
    expectErrorShape(wrong, 422, 'VALIDATION_FAILED');
    expect(wrong.body.error.details.issues[0]).toEqual({
      path: 'currentPassword',
      message: '当前密码不正确',
    });
    const weak = await api(path, { cookie, body: { currentPassword: stack.password, newPassword: 'short' } });
    expect(weak.body.error.details.issues.map((i: { path: string }) => i.path)).toContain('newPassword');
    const same = await api(path, {
      cookie,
      body: { currentPassword: stack.password, newPassword: stack.password },
    });
    expectErrorShape(same, 422, 'VALIDATION_FAILED');
    const withName = await api(path, {
      cookie,
      body: { currentPassword: stack.password, newPassword: 'teacher5abc1' },
    });
    expect(withName.body.error.details.issues[0].message).toBe('新密码不能包含用户名');
    expect(
      (await api(`/api/t/${TENANT}/auth/login`, { body: { username: 'teacher5', password: stack.password } }))
        .status,
    ).toBe(200);
  });
});

describe('guessing the current password', () => {
  it('counts like sign-in guesses: the fifth wrong one locks the account and ends its sessions', async () => {
    const cookie = await signIn(TENANT, 'lock_c');
    for (let i = 1; i < 5; i++) {
      const res = await api(path, {
        cookie,
        body: { currentPassword: `guess-${i}`, newPassword: 'Kecheng2026' },
      });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
    }
    const locked = await api(path, {
      cookie,
      body: { currentPassword: 'guess-5', newPassword: 'Kecheng2026' },
    });
    expectErrorShape(locked, 423, 'ACCOUNT_LOCKED');
    expectErrorShape(await api(`/api/t/${TENANT}/me`, { cookie }), 401, 'UNAUTHENTICATED');
  });
});
