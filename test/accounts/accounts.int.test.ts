import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, units, users } from '../../db/schema/tenant';
import { api, cookieFrom, expectErrorShape, signInPlatform, tenantDbOf } from '../support/api';
import { adminCookie, createUser, suffix, uniqueUsername } from './fixtures';

const HOME = 'test-county';
const OTHER = 'test-college';
const base = `/api/t/${HOME}/users`;

let admin = '';
let activeUnitId = '';
let archivedUnitId = '';
beforeAll(async () => {
  admin = await adminCookie(HOME);
  const db = await tenantDbOf(HOME);
  const [unit] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.status, 'active'), eq(units.kind, 'primary')))
    .limit(1);
  if (!unit) throw new Error('no active primary school in test-county');
  activeUnitId = unit.id;
  archivedUnitId = crypto.randomUUID();
  await db.insert(units).values({
    id: archivedUnitId,
    name: `账号测试已归档${suffix()}`,
    kind: 'teaching_point',
    status: 'archived',
    updatedAt: new Date().toISOString(),
  });
});

function issuePaths(res: { body: { error: { details?: { issues?: { path: string }[] } } } }) {
  return (res.body.error.details?.issues ?? []).map((i) => i.path);
}

async function auditOf(entityId: string, action?: string) {
  const db = await tenantDbOf(HOME);
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'user'),
        eq(auditLog.entityId, entityId),
        action ? eq(auditLog.action, action) : undefined,
      ),
    );
}

async function userRow(id: string) {
  const db = await tenantDbOf(HOME);
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

async function userCount() {
  const db = await tenantDbOf(HOME);
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

async function login(username: string, password: string, tenant = HOME) {
  return api(`/api/t/${tenant}/auth/login`, { body: { username, password } });
}

/** Signs a new account in with its one-time password and sets a permanent one; returns the session. */
async function activate(username: string, initialPassword: string, tenant = HOME) {
  const res = await login(username, initialPassword, tenant);
  expect(res.status).toBe(200);
  const cookie = cookieFrom(res);
  const newPassword = `Perm-${suffix()}-2026`;
  const changed = await api(`/api/t/${tenant}/auth/password`, {
    cookie,
    body: { currentPassword: initialPassword, newPassword },
  });
  expect(changed.status).toBe(200);
  return { cookie, password: newPassword };
}

describe('POST /users', () => {
  it('creates an account with a one-time password shown once, never stored in clear nor audited', async () => {
    const username = uniqueUsername('Create').toUpperCase();
    const res = await api(base, {
      cookie: admin,
      body: {
        username: ` ${username} `,
        displayName: ' 李校长 ',
        role: 'unit_manager',
        unitId: activeUnitId,
        phone: '139 0561 0002',
      },
    });
    expect(res.status).toBe(201);
    const { user, initialPassword } = res.body;
    expect(initialPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(user).toMatchObject({
      username: username.toLowerCase(),
      displayName: '李校长',
      role: 'unit_manager',
      roleLabel: '单位负责人',
      unit: { id: activeUnitId },
      phone: '13905610002',
      status: 'active',
      mustChangePassword: true,
      lockedUntil: null,
    });
    expect(typeof user.unit.name).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|password_hash|pbkdf2/);
    const row = await userRow(user.id);
    expect(row?.passwordHash).toMatch(/^pbkdf2_sha256\$/);
    expect(row?.passwordHash).not.toContain(initialPassword);
    const audit = await auditOf(user.id, 'user.create');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ username: username.toLowerCase(), role: 'unit_manager' });
    expect(JSON.stringify(audit[0])).not.toContain(initialPassword);
    expect(JSON.stringify(audit[0])).not.toMatch(/password/i);

    // The detail and the list say the same, and never carry the hash.
    const detail = await api(`${base}/${user.id}`, { cookie: admin });
    expect(detail.status).toBe(200);
    expect(detail.body.user).toMatchObject({ id: user.id, mustChangePassword: true });
    expect(JSON.stringify(detail.body)).not.toMatch(/passwordHash|pbkdf2|failedLogins/);
  });

  it('the new user signs in with it and must change it before anything else', async () => {
    const { username, initialPassword } = await createUser(HOME, { role: 'viewer' });
    const res = await login(username, initialPassword);
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    const cookie = cookieFrom(res);
    expectErrorShape(await api(`/api/t/${HOME}/units`, { cookie }), 403, 'PASSWORD_CHANGE_REQUIRED');
    const changed = await api(`/api/t/${HOME}/auth/password`, {
      cookie,
      body: { currentPassword: initialPassword, newPassword: `Nouveau-${suffix()}9` },
    });
    expect(changed.status).toBe(200);
    expect((await api(`/api/t/${HOME}/units`, { cookie })).status).toBe(200);
  });

  it('422 on username for a duplicate (any case), and nothing is written', async () => {
    const { username } = await createUser();
    const before = await userCount();
    const res = await api(base, {
      cookie: admin,
      body: { username: username.toUpperCase(), displayName: '重复用户名', role: 'viewer' },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuePaths(res)).toEqual(['username']);
    expect(res.body.error.details.issues[0].message).toMatch(/已被使用/);
    expect(await userCount()).toBe(before);
    const db = await tenantDbOf(HOME);
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(rows.filter((r) => (r.details as { displayName?: string })?.displayName === '重复用户名')).toEqual(
      [],
    );
  });

  it('two requests creating the same username at once: one account, the other a 422', async () => {
    const username = uniqueUsername('race');
    const body = { username, displayName: '并发创建', role: 'viewer' };
    const results = await Promise.all([
      api(base, { cookie: admin, body }),
      api(base, { cookie: admin, body }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const db = await tenantDbOf(HOME);
    const rows = await db.select().from(users).where(eq(users.username, username));
    expect(rows).toHaveLength(1);
    expect(await auditOf(rows[0]?.id as string, 'user.create')).toHaveLength(1);
  });

  it('422 with field paths and Chinese messages for bad fields; nothing written', async () => {
    const before = await userCount();
    const res = await api(base, {
      cookie: admin,
      body: { username: '张三', displayName: '', role: 'chief', phone: '12345' },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuePaths(res).sort()).toEqual(['displayName', 'phone', 'role', 'username']);
    for (const issue of res.body.error.details.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await userCount()).toBe(before);
  });

  it('unit managers and teachers need an existing unit in use; others may have none', async () => {
    const before = await userCount();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ role: 'unit_manager' }, /必须选择所属单位/],
      [{ role: 'teacher', unitId: null }, /必须选择所属单位/],
      [{ role: 'teacher', unitId: crypto.randomUUID() }, /不存在/],
      [{ role: 'teacher', unitId: 'not-a-uuid' }, /不存在/],
      [{ role: 'viewer', unitId: archivedUnitId }, /已归档/],
    ];
    for (const [fields, message] of cases) {
      const res = await api(base, {
        cookie: admin,
        body: { username: uniqueUsername(), displayName: '缺单位', ...fields },
      });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(issuePaths(res)).toEqual(['unitId']);
      expect(res.body.error.details.issues[0].message).toMatch(message);
    }
    // A unit of another tenant does not exist here.
    const college = await tenantDbOf(OTHER);
    const [collegeUnit] = await college.select({ id: units.id }).from(units).limit(1);
    const res = await api(base, {
      cookie: admin,
      body: { username: uniqueUsername(), displayName: '他校', role: 'teacher', unitId: collegeUnit?.id },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(await userCount()).toBe(before);
    const inspector = await api(base, {
      cookie: admin,
      body: { username: uniqueUsername(), displayName: '无单位督学', role: 'inspector' },
    });
    expect(inspector.status).toBe(201);
    expect(inspector.body.user.unit).toBeNull();
  });
});

describe('GET /users', () => {
  it('searches username, name and phone; filters role, status and unit; pages with a total', async () => {
    const tag = suffix();
    const a = await createUser(HOME, { displayName: `检索${tag}甲`, role: 'teacher', unitId: activeUnitId });
    const b = await createUser(HOME, {
      displayName: `检索${tag}乙`,
      role: 'inspector',
      phone: '13912340000',
    });
    const c = await createUser(HOME, { displayName: `检索${tag}丙`, role: 'inspector' });
    await api(`${base}/${c.id}/disable`, { method: 'POST', cookie: admin });

    const byName = await api(`${base}?q=${encodeURIComponent(`检索${tag}`)}`, { cookie: admin });
    expect(byName.status).toBe(200);
    expect(byName.body.total).toBe(3);
    expect(byName.body.items.map((u: { displayName: string }) => u.displayName)).toEqual(
      [`检索${tag}丙`, `检索${tag}乙`, `检索${tag}甲`].sort(),
    );
    const row = byName.body.items.find((u: { id: string }) => u.id === a.id);
    expect(Object.keys(row).sort()).toEqual(
      [
        'createdAt',
        'displayName',
        'id',
        'lockedUntil',
        'mustChangePassword',
        'phone',
        'quotaRole',
        'role',
        'roleLabel',
        'status',
        'unit',
        'updatedAt',
        'username',
      ].sort(),
    );
    expect(row).toMatchObject({ role: 'teacher', roleLabel: '教师', unit: { id: activeUnitId } });

    const byUsername = await api(`${base}?q=${a.username.toUpperCase()}`, { cookie: admin });
    expect(byUsername.body.items.map((u: { id: string }) => u.id)).toEqual([a.id]);
    const byPhone = await api(`${base}?q=13912340000`, { cookie: admin });
    expect(byPhone.body.items.map((u: { id: string }) => u.id)).toContain(b.id);

    const q = encodeURIComponent(`检索${tag}`);
    const inspectors = await api(`${base}?q=${q}&role=inspector`, { cookie: admin });
    expect(inspectors.body.items.map((u: { id: string }) => u.id).sort()).toEqual([b.id, c.id].sort());
    const disabled = await api(`${base}?q=${q}&status=disabled`, { cookie: admin });
    expect(disabled.body.items.map((u: { id: string }) => u.id)).toEqual([c.id]);
    const inUnit = await api(`${base}?q=${q}&unitId=${activeUnitId}`, { cookie: admin });
    expect(inUnit.body.items.map((u: { id: string }) => u.id)).toEqual([a.id]);

    const page1 = await api(`${base}?q=${q}&pageSize=2`, { cookie: admin });
    const page2 = await api(`${base}?q=${q}&pageSize=2&page=2`, { cookie: admin });
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items).toHaveLength(1);
    // A search term with LIKE wildcards matches them literally.
    const wild = await api(`${base}?q=${encodeURIComponent('%_')}`, { cookie: admin });
    expect(wild.body.total).toBe(0);
  });

  it('422 for bad filters and paging', async () => {
    for (const qs of ['pageSize=101', 'page=0', 'role=chief', 'status=gone', `q=${'长'.repeat(51)}`]) {
      const res = await api(`${base}?${qs}`, { cookie: admin });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
    }
  });
});

describe('another tenant’s or an unknown id', () => {
  it('404 on every account endpoint, and nothing changes in the other tenant', async () => {
    const foreign = await createUser(OTHER);
    const calls: [string, string, unknown?][] = [
      ['GET', `${base}/${foreign.id}`],
      ['PATCH', `${base}/${foreign.id}`, { displayName: '越权' }],
      ['POST', `${base}/${foreign.id}/disable`],
      ['POST', `${base}/${foreign.id}/enable`],
      ['POST', `${base}/${foreign.id}/reset-password`],
      ['GET', `${base}/${crypto.randomUUID()}`],
      ['GET', `${base}/not-an-id`],
    ];
    for (const [method, path, body] of calls) {
      const res = await api(path, {
        method,
        cookie: admin,
        body: method === 'GET' ? undefined : (body ?? {}),
      });
      expectErrorShape(res, 404, 'NOT_FOUND');
    }
    const college = await tenantDbOf(OTHER);
    const [row] = await college.select().from(users).where(eq(users.id, foreign.id));
    expect(row).toMatchObject({ status: 'active', mustChangePassword: true });
    expect(row?.displayName).not.toBe('越权');
  });
});

describe('PATCH /users/:id', () => {
  it('edits name, phone and unit as user.update, a role change as user.role_change with from/to', async () => {
    const u = await createUser(HOME, { role: 'viewer', phone: '13900000011' });
    const res = await api(`${base}/${u.id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { displayName: '改过的名字', phone: '', role: 'teacher', unitId: activeUnitId },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      displayName: '改过的名字',
      phone: null,
      role: 'teacher',
      roleLabel: '教师',
      unit: { id: activeUnitId },
    });
    const [roleChange] = await auditOf(u.id, 'user.role_change');
    expect(roleChange?.details).toMatchObject({ from: 'viewer', to: 'teacher' });
    const [update] = await auditOf(u.id, 'user.update');
    expect(update?.details).toMatchObject({
      changes: {
        displayName: { to: '改过的名字' },
        phone: { from: '13900000011', to: null },
        unitId: { from: null, to: activeUnitId },
      },
    });
    // The same values again change nothing and write no audit row.
    const again = await api(`${base}/${u.id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { displayName: '改过的名字', role: 'teacher' },
    });
    expect(again.status).toBe(200);
    expect(await auditOf(u.id)).toHaveLength(3);
  });

  it('refuses a unit role without a unit, a bad phone, and removing one’s own admin role; nothing changes', async () => {
    const u = await createUser(HOME, { role: 'viewer' });
    const noUnit = await api(`${base}/${u.id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { role: 'unit_manager' },
    });
    expectErrorShape(noUnit, 422, 'VALIDATION_FAILED');
    expect(issuePaths(noUnit)).toEqual(['unitId']);
    const badPhone = await api(`${base}/${u.id}`, { method: 'PATCH', cookie: admin, body: { phone: '555' } });
    expectErrorShape(badPhone, 422, 'VALIDATION_FAILED');
    expect(issuePaths(badPhone)).toEqual(['phone']);
    expect((await userRow(u.id))?.role).toBe('viewer');
    expect(await auditOf(u.id)).toHaveLength(1);

    const me = await api(`/api/t/${HOME}/me`, { cookie: admin });
    const self = await api(`${base}/${me.body.user.id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { role: 'viewer' },
    });
    expectErrorShape(self, 422, 'VALIDATION_FAILED');
    expect(issuePaths(self)).toEqual(['role']);
    expect(self.body.error.details.issues[0].message).toMatch(/自己/);
    expect((await userRow(me.body.user.id))?.role).toBe('admin');
  });
});

describe('disable and enable', () => {
  it('a disabled user’s session stops working at once; they cannot sign in until enabled', async () => {
    const u = await createUser(HOME, { role: 'viewer' });
    const { cookie, password } = await activate(u.username, u.initialPassword);
    expect((await api(`/api/t/${HOME}/me`, { cookie })).status).toBe(200);

    const res = await api(`${base}/${u.id}/disable`, { method: 'POST', cookie: admin });
    expect(res.status).toBe(200);
    expect(res.body.user.status).toBe('disabled');
    expectErrorShape(await api(`/api/t/${HOME}/me`, { cookie }), 401, 'UNAUTHENTICATED');
    const db = await tenantDbOf(HOME);
    expect(await db.select().from(sessions).where(eq(sessions.userId, u.id))).toEqual([]);
    expectErrorShape(await login(u.username, password), 403, 'ACCOUNT_DISABLED');
    expect(await auditOf(u.id, 'user.disable')).toHaveLength(1);
    // Twice changes nothing.
    expect((await api(`${base}/${u.id}/disable`, { method: 'POST', cookie: admin })).status).toBe(200);
    expect(await auditOf(u.id, 'user.disable')).toHaveLength(1);

    const enabled = await api(`${base}/${u.id}/enable`, { method: 'POST', cookie: admin });
    expect(enabled.body.user.status).toBe('active');
    expect(await auditOf(u.id, 'user.enable')).toHaveLength(1);
    expect((await login(u.username, password)).status).toBe(200);
  });

  it('an admin cannot disable themselves (409, Chinese reason), and nothing is written', async () => {
    const me = await api(`/api/t/${HOME}/me`, { cookie: admin });
    const res = await api(`${base}/${me.body.user.id}/disable`, { method: 'POST', cookie: admin });
    expectErrorShape(res, 409, 'CONFLICT');
    expect(res.body.error.message).toMatch(/自己/);
    expect((await userRow(me.body.user.id))?.status).toBe('active');
    expect(await auditOf(me.body.user.id, 'user.disable')).toHaveLength(0);
  });
});

describe('POST /users/:id/reset-password', () => {
  it('gives a new one-time password once, lifts a lockout, ends sessions and forces a change', async () => {
    const u = await createUser(HOME, { role: 'viewer' });
    const { cookie, password } = await activate(u.username, u.initialPassword);
    const db = await tenantDbOf(HOME);
    await db
      .update(users)
      .set({ failedLogins: 3, lockedUntil: new Date(Date.now() + 10 * 60_000) })
      .where(eq(users.id, u.id));
    expectErrorShape(await login(u.username, password), 423, 'ACCOUNT_LOCKED');
    const listed = await api(`${base}/${u.id}`, { cookie: admin });
    expect(listed.body.user.lockedUntil).not.toBeNull();

    const res = await api(`${base}/${u.id}/reset-password`, { method: 'POST', cookie: admin });
    expect(res.status).toBe(200);
    const fresh = res.body.initialPassword as string;
    expect(fresh).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(res.body.user).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect(await userRow(u.id)).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
      mustChangePassword: true,
    });
    expectErrorShape(await api(`/api/t/${HOME}/me`, { cookie }), 401, 'UNAUTHENTICATED');
    const [audit] = await auditOf(u.id, 'user.password_reset');
    expect(JSON.stringify(audit)).not.toContain(fresh);

    expectErrorShape(await login(u.username, password), 401, 'INVALID_CREDENTIALS');
    const signedIn = await login(u.username, fresh);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    const next = cookieFrom(signedIn);
    expectErrorShape(await api(`/api/t/${HOME}/units`, { cookie: next }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectErrorShape(await api(`/api/t/${HOME}/audit`, { cookie: next }), 403, 'FORBIDDEN');
    const changed = await api(`/api/t/${HOME}/auth/password`, {
      cookie: next,
      body: { currentPassword: fresh, newPassword: `After-${suffix()}-1` },
    });
    expect(changed.status).toBe(200);
    expect((await api(`/api/t/${HOME}/units`, { cookie: next })).status).toBe(200);
  });

  it('an admin does not reset their own password here', async () => {
    const me = await api(`/api/t/${HOME}/me`, { cookie: admin });
    const res = await api(`${base}/${me.body.user.id}/reset-password`, { method: 'POST', cookie: admin });
    expectErrorShape(res, 409, 'CONFLICT');
  });
});

describe('the last active admin', () => {
  // A tenant of its own, so the count of admins is known: its only admin comes from the approval.
  let slug = '';
  let first = { cookie: '', id: '' };
  beforeAll(async () => {
    slug = `acct-${Date.now().toString(36)}${suffix()}`.slice(0, 30);
    const submitted = await api('/api/signup', {
      body: {
        orgName: `${slug}督导室`,
        kind: 'district',
        regionCode: '340603',
        province: '安徽省',
        city: '淮北市',
        contactName: '账号测试',
        contactPhone: '13800001234',
        desiredSlug: slug,
      },
    });
    expect(submitted.status).toBe(201);
    const operator = await signInPlatform('operator');
    const approved = await api(`/api/province/signups/${submitted.body.application.id}/approve`, {
      method: 'POST',
      cookie: operator,
    });
    expect(approved.status).toBe(200);
    const { cookie } = await activate('admin', approved.body.admin.initialPassword, slug);
    const me = await api(`/api/t/${slug}/me`, { cookie });
    first = { cookie, id: me.body.user.id };
  }, 60_000);

  async function activeAdmins() {
    const db = await tenantDbOf(slug);
    return db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  }

  it('two admins demoting or disabling each other at once: one wins, one admin always remains', async () => {
    const path = `/api/t/${slug}/users`;
    for (const action of ['demote', 'disable'] as const) {
      const created = await api(path, {
        cookie: first.cookie,
        body: { username: uniqueUsername('adm'), displayName: '第二管理员', role: 'admin' },
      });
      expect(created.status).toBe(201);
      const second = {
        ...(await activate(created.body.user.username, created.body.initialPassword, slug)),
        id: created.body.user.id as string,
      };
      expect(await activeAdmins()).toHaveLength(2);
      const act = (cookie: string, target: string) =>
        action === 'demote'
          ? api(`${path}/${target}`, { method: 'PATCH', cookie, body: { role: 'viewer' } })
          : api(`${path}/${target}/disable`, { method: 'POST', cookie });
      const results = await Promise.all([act(first.cookie, second.id), act(second.cookie, first.id)]);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) {
        // Refused by the guard in the batch (409), or by the loser's own lost role/session.
        expect([401, 403, 409]).toContain(r.status);
        if (r.status === 409) expect(r.body.error.message).toMatch(/最后一个/);
      }
      const remaining = await activeAdmins();
      expect(remaining).toHaveLength(1);
      // Whoever lost, the remaining admin carries on as `first`.
      if (remaining[0]?.id !== first.id) first = { cookie: second.cookie, id: second.id };
      // Only the change that happened is audited.
      const db = await tenantDbOf(slug);
      const audits = await db
        .select({ n: count() })
        .from(auditLog)
        .where(eq(auditLog.action, action === 'demote' ? 'user.role_change' : 'user.disable'));
      expect(audits[0]?.n).toBe(1);
    }
    // Alone, the admin can neither demote nor disable themselves.
    const self = await api(`${path}/${first.id}`, {
      method: 'PATCH',
      cookie: first.cookie,
      body: { role: 'director' },
    });
    expectErrorShape(self, 422, 'VALIDATION_FAILED');
    expectErrorShape(
      await api(`${path}/${first.id}/disable`, { method: 'POST', cookie: first.cookie }),
      409,
      'CONFLICT',
    );
    expect(await activeAdmins()).toHaveLength(1);
  });
});
