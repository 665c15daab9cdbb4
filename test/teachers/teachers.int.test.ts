import { beforeAll, describe, expect, it } from 'vitest';
import { adminCookie, createUser } from '../accounts/fixtures';
import { cookieOf } from '../observations/fixtures';
import { api, expectErrorShape } from '../support/api';
import { newUnit, suffix } from '../units/fixtures';

const TENANTS = ['test-county', 'test-college'] as const;

function searchPath(tenant: string, q: string) {
  return `/api/t/${tenant}/teaching/teachers?q=${encodeURIComponent(q)}`;
}

interface Item {
  id: string;
  name: string;
  unitName: string | null;
}

describe.each(TENANTS)('teacher search in %s', (tenant) => {
  const other = tenant === 'test-county' ? 'test-college' : 'test-county';
  // A name no seeded user has, so the search finds only this file's users.
  const stem = `检索${suffix()}`;
  const unitName = `检索学校${suffix()}`;
  let unitId = '';
  let teacherId = '';
  let managerId = '';

  beforeAll(async () => {
    let otherUnit = '';
    [unitId, otherUnit] = await Promise.all([newUnit(tenant, { name: unitName }), newUnit(other)]);
    const [teacher, manager, disabled] = await Promise.all([
      createUser(tenant, { role: 'teacher', unitId, displayName: `${stem}2老师` }),
      createUser(tenant, { role: 'unit_manager', unitId, displayName: `${stem}1主任` }),
      createUser(tenant, { role: 'teacher', unitId, displayName: `${stem}丙停用` }),
      createUser(tenant, { role: 'viewer', displayName: `${stem}丁观察` }),
      // The same name in the other tenant: never found here.
      createUser(other, { role: 'teacher', unitId: otherUnit, displayName: `${stem}戊外校` }),
    ]);
    teacherId = teacher.id;
    managerId = manager.id;
    const res = await api(`/api/t/${tenant}/users/${disabled.id}/disable`, {
      method: 'POST',
      cookie: await adminCookie(tenant),
    });
    expect(res.status).toBe(200);
  });

  it('finds active teachers and unit heads by name, ordered by name, with their unit', async () => {
    const res = await api<{ items: Item[] }>(searchPath(tenant, stem), {
      cookie: await cookieOf(tenant, 'role_teacher'),
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: managerId, name: `${stem}1主任`, unitName },
      { id: teacherId, name: `${stem}2老师`, unitName },
    ]);
  });

  it('never lists a disabled user, another role or another tenant’s user', async () => {
    const res = await api<{ items: Item[] }>(searchPath(tenant, stem), {
      cookie: await cookieOf(tenant, 'role_inspector'),
    });
    const names = res.body.items.map((i) => i.name);
    expect(names).not.toContain(`${stem}丙停用`);
    expect(names).not.toContain(`${stem}丁观察`);
    expect(names).not.toContain(`${stem}戊外校`);
  });

  it('gives at most 20, and takes % and _ as letters', async () => {
    const all = await api<{ items: Item[] }>(searchPath(tenant, ''), {
      cookie: await cookieOf(tenant, 'role_admin'),
    });
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeLessThanOrEqual(20);
    expect(all.body.items.length).toBeGreaterThan(0);
    const wild = await api<{ items: Item[] }>(searchPath(tenant, '%'), {
      cookie: await cookieOf(tenant, 'role_admin'),
    });
    expect(wild.body.items).toEqual([]);
  });

  it('refuses a search term over 50 characters with a Chinese 422, and a viewer with 403', async () => {
    const long = await api(searchPath(tenant, '长'.repeat(51)), {
      cookie: await cookieOf(tenant, 'role_teacher'),
    });
    expectErrorShape(long, 422, 'VALIDATION_FAILED');
    expect(long.body.error.details.issues).toEqual([{ path: 'q', message: '搜索词不能超过 50 个字' }]);
    expectErrorShape(
      await api(searchPath(tenant, stem), { cookie: await cookieOf(tenant, 'role_viewer') }),
      403,
      'FORBIDDEN',
    );
  });
});
