import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units } from '../../db/schema/tenant';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { newGroupUnit, newUnit, newZone, suffix, unitsAdminCookie } from './fixtures';

const T = 'test-county';
let cookie = '';
beforeAll(async () => {
  cookie = await unitsAdminCookie(T);
});

const unitsPath = `/api/t/${T}/units`;

async function unitRows(name: string) {
  const db = await tenantDbOf(T);
  return db.select().from(units).where(eq(units.name, name));
}

async function auditOf(entityId: string, action?: string) {
  const db = await tenantDbOf(T);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), action ? eq(auditLog.action, action) : undefined));
}

function issues(res: { body: { error: { details: { issues: { path: string; message: string }[] } } } }) {
  return res.body.error.details.issues;
}

describe('POST /units', () => {
  it('creates a school under a township, with code, zone and counts, and audits it', async () => {
    const parentId = await newGroupUnit();
    const zoneId = await newZone();
    const name = `新建小学${suffix()}`;
    const code = `C-${suffix()}`;
    const res = await api(unitsPath, {
      cookie,
      body: {
        name,
        code,
        kind: 'primary',
        parentId,
        zoneId,
        address: '城关镇人民路 1 号',
        headName: '王校长',
        phone: '0561-6010001',
        enrolment: 420,
        staffCount: 31,
      },
    });
    expect(res.status).toBe(201);
    const unit = res.body.unit;
    expect(unit).toMatchObject({
      name,
      code,
      kind: 'primary',
      kindLabel: '小学',
      isGroup: false,
      parent: { id: parentId },
      zone: { id: zoneId },
      phone: '0561-6010001',
      enrolment: 420,
      staffCount: 31,
      status: 'active',
      childCount: 0,
      inspectors: [],
    });
    const audit = await auditOf(unit.id, 'unit.create');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ name, code, parentId, zoneId });

    const parent = await api(`${unitsPath}/${parentId}`, { cookie });
    expect(parent.body.unit).toMatchObject({ isGroup: true, childCount: 1, parent: null });
  });

  it('accepts the kind by its label and blanks as empty fields', async () => {
    const name = `标签类型${suffix()}`;
    const res = await api(unitsPath, {
      cookie,
      body: { name, kind: '幼儿园', phone: '', code: '', address: '' },
    });
    expect(res.status).toBe(201);
    expect(res.body.unit).toMatchObject({ kind: 'preschool', phone: null, code: null, address: null });
  });

  it('422 on a duplicate name under the same parent, naming it; nothing written', async () => {
    const parentId = await newGroupUnit();
    const name = `重名小学${suffix()}`;
    await newUnit(T, { name, parentId });
    const res = await api(unitsPath, { cookie, body: { name, kind: 'junior', parentId } });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issues(res)).toEqual([{ path: 'name', message: expect.stringContaining(`“${name}”`) }]);
    expect(await unitRows(name)).toHaveLength(1);
    // The same name under another parent is fine.
    const other = await api(unitsPath, {
      cookie,
      body: { name, kind: 'primary', parentId: await newGroupUnit() },
    });
    expect(other.status).toBe(201);
  });

  it('422 on a duplicate name at the root, where SQL NULLs do not collide', async () => {
    const name = `根级重名${suffix()}`;
    await newUnit(T, { name });
    const res = await api(unitsPath, { cookie, body: { name, kind: 'primary' } });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issues(res)[0]?.path).toBe('name');
    expect(await unitRows(name)).toHaveLength(1);
  });

  it('422 on a duplicate code, on an unknown kind listing the allowed ones, on a bad phone', async () => {
    const code = `DUP-${suffix()}`;
    await newUnit(T, { code });
    const name = `坏输入${suffix()}`;
    const dup = await api(unitsPath, { cookie, body: { name, kind: 'primary', code } });
    expectErrorShape(dup, 422, 'VALIDATION_FAILED');
    expect(issues(dup)).toEqual([{ path: 'code', message: expect.stringContaining(code) }]);

    const kind = await api(unitsPath, { cookie, body: { name, kind: 'castle' } });
    expectErrorShape(kind, 422, 'VALIDATION_FAILED');
    expect(issues(kind)[0]?.path).toBe('kind');
    expect(issues(kind)[0]?.message).toContain('小学');
    expect(issues(kind)[0]?.message).toContain('初中');

    const phone = await api(unitsPath, { cookie, body: { name, kind: 'primary', phone: '12345' } });
    expectErrorShape(phone, 422, 'VALIDATION_FAILED');
    expect(issues(phone)[0]).toEqual({ path: 'phone', message: expect.stringMatching(/联系电话格式不正确/) });

    const missing = await api(unitsPath, { cookie, body: { kind: 'primary' } });
    expectErrorShape(missing, 422, 'VALIDATION_FAILED');
    expect(issues(missing)[0]?.path).toBe('name');

    expect(await unitRows(name)).toHaveLength(0);
  });

  it('422 when the parent is not a group, is archived, or does not exist; and for an unknown zone', async () => {
    const name = `坏上级${suffix()}`;
    const school = await newUnit();
    const notGroup = await api(unitsPath, { cookie, body: { name, kind: 'primary', parentId: school } });
    expectErrorShape(notGroup, 422, 'VALIDATION_FAILED');
    expect(issues(notGroup)[0]).toEqual({ path: 'parentId', message: expect.stringContaining('乡镇') });

    const archivedGroup = await newGroupUnit();
    await api(`${unitsPath}/${archivedGroup}/archive`, { method: 'POST', cookie });
    const archived = await api(unitsPath, {
      cookie,
      body: { name, kind: 'primary', parentId: archivedGroup },
    });
    expect(issues(archived)[0]?.path).toBe('parentId');

    const unknown = await api(unitsPath, {
      cookie,
      body: { name, kind: 'primary', parentId: crypto.randomUUID(), zoneId: 'nope' },
    });
    expectErrorShape(unknown, 422, 'VALIDATION_FAILED');
    expect(issues(unknown).map((i) => i.path)).toEqual(['parentId', 'zoneId']);
    expect(await unitRows(name)).toHaveLength(0);
  });

  it('403 for an inspector and a viewer', async () => {
    for (const user of ['role_inspector', 'role_viewer']) {
      const res = await api(unitsPath, {
        cookie: await signIn(T, user),
        body: { name: `越权${suffix()}`, kind: 'primary' },
      });
      expectErrorShape(res, 403, 'FORBIDDEN');
    }
  });
});

describe('GET /units/:id', () => {
  it('shows a demo school with its township, zone and the zone’s responsible inspector', async () => {
    const db = await tenantDbOf(T);
    const [row] = await db.select().from(units).where(eq(units.name, '示范县城关第一小学')).limit(1);
    const id = row?.id;
    expect(id).toBeTruthy();
    const res = await api(`${unitsPath}/${id}`, { cookie: await signIn(T, 'role_viewer') });
    expect(res.status).toBe(200);
    const unit = res.body.unit;
    expect(unit.zone?.name).toMatch(/责任区/);
    expect(unit.parent?.name).toBeTruthy();
    expect(unit.inspectors.length).toBeGreaterThan(0);
    expect(unit.inspectors[0]).toMatchObject({
      name: expect.any(String),
      type: expect.any(String),
      typeLabel: expect.stringContaining('督学'),
    });
    expect(unit.inspectors[0]).toHaveProperty('phone');
  });

  it('404 for an unknown id, a malformed id and another tenant’s unit', async () => {
    expectErrorShape(await api(`${unitsPath}/${crypto.randomUUID()}`, { cookie }), 404, 'NOT_FOUND');
    expectErrorShape(await api(`${unitsPath}/abc`, { cookie }), 404, 'NOT_FOUND');
    const collegeUnit = await newUnit('test-college');
    expectErrorShape(await api(`${unitsPath}/${collegeUnit}`, { cookie }), 404, 'NOT_FOUND');
    const patch = await api(`${unitsPath}/${collegeUnit}`, {
      method: 'PATCH',
      cookie,
      body: { enrolment: 1 },
    });
    expectErrorShape(patch, 404, 'NOT_FOUND');
    expectErrorShape(
      await api(`${unitsPath}/${collegeUnit}/archive`, { method: 'POST', cookie }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('PATCH /units/:id', () => {
  it('changes only the fields sent and audits before/after', async () => {
    const id = await newUnit(T, { enrolment: 100, headName: '原校长' });
    const res = await api(`${unitsPath}/${id}`, {
      method: 'PATCH',
      cookie,
      body: { enrolment: 150, phone: '13800138000' },
    });
    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({ enrolment: 150, phone: '13800138000', headName: '原校长' });
    const [audit] = await auditOf(id, 'unit.update');
    expect(audit?.details).toMatchObject({
      changes: { enrolment: { before: 100, after: 150 }, phone: { before: null, after: '13800138000' } },
    });
    expect(Object.keys((audit?.details as { changes: object } | undefined)?.changes ?? {})).toEqual([
      'phone',
      'enrolment',
    ]);
    // Sending the same values again writes nothing.
    await api(`${unitsPath}/${id}`, { method: 'PATCH', cookie, body: { enrolment: 150 } });
    expect(await auditOf(id, 'unit.update')).toHaveLength(1);
  });

  it('refuses a unit as its own ancestor, a duplicate name and a bad phone; nothing saved', async () => {
    const top = await newGroupUnit();
    const middle = await newGroupUnit(T, { parentId: top });
    const self = await api(`${unitsPath}/${top}`, { method: 'PATCH', cookie, body: { parentId: top } });
    expectErrorShape(self, 422, 'VALIDATION_FAILED');
    expect(issues(self)[0]?.path).toBe('parentId');
    const loop = await api(`${unitsPath}/${top}`, { method: 'PATCH', cookie, body: { parentId: middle } });
    expectErrorShape(loop, 422, 'VALIDATION_FAILED');
    expect(issues(loop)[0]?.message).toContain('下级');

    const sibling = `兄弟学校${suffix()}`;
    await newUnit(T, { name: sibling, parentId: top });
    const other = await newUnit(T, { parentId: top, enrolment: 9 });
    const dup = await api(`${unitsPath}/${other}`, {
      method: 'PATCH',
      cookie,
      body: { name: sibling, enrolment: 10 },
    });
    expectErrorShape(dup, 422, 'VALIDATION_FAILED');
    expect(issues(dup)[0]).toEqual({ path: 'name', message: expect.stringContaining(sibling) });
    const phone = await api(`${unitsPath}/${other}`, {
      method: 'PATCH',
      cookie,
      body: { phone: '010-12', enrolment: 10 },
    });
    expect(issues(phone)[0]?.path).toBe('phone');
    const db = await tenantDbOf(T);
    const [row] = await db.select().from(units).where(eq(units.id, other));
    expect(row?.enrolment).toBe(9);
    expect(await auditOf(other, 'unit.update')).toHaveLength(0);
    expect(await auditOf(top, 'unit.update')).toHaveLength(0);
  });

  it('a township with schools cannot become a school', async () => {
    const group = await newGroupUnit();
    await newUnit(T, { parentId: group });
    const res = await api(`${unitsPath}/${group}`, { method: 'PATCH', cookie, body: { kind: 'primary' } });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issues(res)[0]?.path).toBe('kind');
  });
});

describe('archive and restore', () => {
  it('refuses to archive a township with active schools, naming them; archives in order; restores', async () => {
    const group = await newGroupUnit();
    const childName = `在用学校${suffix()}`;
    const child = await newUnit(T, { name: childName, parentId: group });
    const refused = await api(`${unitsPath}/${group}/archive`, { method: 'POST', cookie });
    expectErrorShape(refused, 422, 'VALIDATION_FAILED');
    expect(issues(refused)[0]?.message).toContain(childName);
    expect(await auditOf(group, 'unit.archive')).toHaveLength(0);

    const archivedChild = await api(`${unitsPath}/${child}/archive`, { method: 'POST', cookie });
    expect(archivedChild.body.unit.status).toBe('archived');
    const archivedGroup = await api(`${unitsPath}/${group}/archive`, { method: 'POST', cookie });
    expect(archivedGroup.status).toBe(200);
    expect(archivedGroup.body.unit).toMatchObject({
      status: 'archived',
      childCount: 0,
      archivedChildCount: 1,
    });

    // Nothing is deleted; the child cannot come back under an archived township.
    const early = await api(`${unitsPath}/${child}/restore`, { method: 'POST', cookie });
    expectErrorShape(early, 422, 'VALIDATION_FAILED');
    expect(issues(early)[0]?.path).toBe('parentId');
    expect((await api(`${unitsPath}/${group}/restore`, { method: 'POST', cookie })).status).toBe(200);
    const restored = await api(`${unitsPath}/${child}/restore`, { method: 'POST', cookie });
    expect(restored.body.unit).toMatchObject({ status: 'active', parent: { id: group } });
    expect(await auditOf(child, 'unit.archive')).toHaveLength(1);
    expect(await auditOf(child, 'unit.restore')).toHaveLength(1);
    // Twice is a no-op.
    await api(`${unitsPath}/${child}/restore`, { method: 'POST', cookie });
    expect(await auditOf(child, 'unit.restore')).toHaveLength(1);
  });
});

describe('GET /units filters', () => {
  it('filters by parent, zone, status (all) and group kinds', async () => {
    const group = await newGroupUnit();
    const zoneId = await newZone();
    const a = await newUnit(T, { parentId: group, zoneId });
    const b = await newUnit(T, { parentId: group });
    await api(`${unitsPath}/${b}/archive`, { method: 'POST', cookie });
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((u) => u.id).sort();

    const byParent = await api(`${unitsPath}?parentId=${group}`, { cookie });
    expect(ids(byParent)).toEqual([a]);
    expect(byParent.body.items[0]).toMatchObject({ parentId: group, zoneId });
    const all = await api(`${unitsPath}?parentId=${group}&status=all`, { cookie });
    expect(ids(all)).toEqual([a, b].sort());
    const archived = await api(`${unitsPath}?parentId=${group}&status=archived`, { cookie });
    expect(ids(archived)).toEqual([b]);
    const byZone = await api(`${unitsPath}?zoneId=${zoneId}`, { cookie });
    expect(ids(byZone)).toEqual([a]);
    const groups = await api(`${unitsPath}?group=true&pageSize=100`, { cookie });
    for (const u of groups.body.items) expect(u.kind).toBe('township');
    expectErrorShape(await api(`${unitsPath}?zoneId=x`, { cookie }), 422, 'VALIDATION_FAILED');
    expectErrorShape(await api(`${unitsPath}?status=gone`, { cookie }), 422, 'VALIDATION_FAILED');
  });
});
