import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  inspectors,
  inspectorUnits,
  inspectorZones,
  units,
  users,
  zones,
} from '../../db/schema/tenant';
import { api, expectErrorShape, signIn, stack, tenantDbOf } from '../support/api';
import { adminCookie, newInspector, suffix, tinyPng } from './fixtures';

const HOME = 'test-county';
const base = `/api/t/${HOME}/inspectors`;

let director = '';
let viewer = '';
beforeAll(async () => {
  [director, viewer] = await Promise.all([signIn(HOME, 'director1'), signIn(HOME, 'role_viewer')]);
});

async function auditOf(entityId: string, action?: string) {
  const db = await tenantDbOf(HOME);
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'inspector'),
        eq(auditLog.entityId, entityId),
        action ? eq(auditLog.action, action) : undefined,
      ),
    );
}

async function inspectorRow(id: string) {
  const db = await tenantDbOf(HOME);
  const [row] = await db.select().from(inspectors).where(eq(inspectors.id, id));
  return row;
}

/** Fresh active units of the county, in no zone, made for one test. */
async function freshUnits(n: number) {
  const db = await tenantDbOf(HOME);
  const tag = suffix();
  const rows = Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `督学分配测试${tag}-${i + 1}`,
    kind: 'teaching_point',
    updatedAt: new Date().toISOString(),
  }));
  await db.insert(units).values(rows);
  return rows.map((r) => r.id);
}

/** A fresh account with the given role, for linking. */
async function freshUser(
  role: 'inspector' | 'director' | 'teacher',
  status: 'active' | 'disabled' = 'active',
) {
  const db = await tenantDbOf(HOME);
  const id = crypto.randomUUID();
  await db.insert(users).values({
    id,
    username: `insp_link_${suffix()}`,
    displayName: `关联测试${suffix()}`,
    role,
    status,
    passwordHash: 'x',
    updatedAt: new Date().toISOString(),
  });
  return id;
}

function issuePaths(res: {
  body: { error: { details?: { issues?: { path: string; message: string }[] } } };
}) {
  return (res.body.error.details?.issues ?? []).map((i) => i.path);
}

describe('create and edit', () => {
  it('creates an inspector with every field, answers the detail, and audits the creation', async () => {
    const cert = `DX-${suffix()}`;
    const res = await api(base, {
      cookie: director,
      body: {
        name: ' 王测试 ',
        type: 'responsible',
        certificateNo: cert,
        termStart: '2025-09-01',
        termEnd: '2028-08-31',
        trainingHours: 24.5,
        phone: '139 0561 0001',
        email: 'wang@example.cn',
        workplace: '县实验小学',
      },
    });
    expect(res.status).toBe(201);
    const inspector = res.body.inspector;
    expect(inspector).toMatchObject({
      name: '王测试',
      type: 'responsible',
      typeLabel: '责任督学',
      certificateNo: cert,
      term: { start: '2025-09-01', end: '2028-08-31' },
      trainingHours: 24.5,
      phone: '13905610001',
      email: 'wang@example.cn',
      status: 'active',
      hasPhoto: false,
      zones: [],
      units: [],
      unitCount: 0,
      warning: null,
      user: null,
    });
    expect(inspector).not.toHaveProperty('photoKey');
    const detail = await api(`${base}/${inspector.id}`, { cookie: viewer });
    expect(detail.status).toBe(200);
    expect(detail.body.inspector.name).toBe('王测试');
    const audit = await auditOf(inspector.id, 'inspector.create');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ name: '王测试', certificateNo: cert });
  });

  it('edits only the fields sent, audits what changed, and changes nothing when nothing differs', async () => {
    const id = await newInspector(HOME, { phone: '13900000001', trainingHours: 8 });
    const res = await api(`${base}/${id}`, {
      method: 'PATCH',
      cookie: director,
      body: { trainingHours: 16, email: 'edit@example.cn' },
    });
    expect(res.status).toBe(200);
    expect(res.body.inspector).toMatchObject({
      trainingHours: 16,
      email: 'edit@example.cn',
      phone: '13900000001',
    });
    const [audit] = await auditOf(id, 'inspector.update');
    expect(audit?.details).toEqual({
      changes: { trainingHours: { from: 8, to: 16 }, email: { from: null, to: 'edit@example.cn' } },
    });
    const again = await api(`${base}/${id}`, {
      method: 'PATCH',
      cookie: director,
      body: { trainingHours: 16 },
    });
    expect(again.status).toBe(200);
    expect(await auditOf(id, 'inspector.update')).toHaveLength(1);
    // An empty text clears the field.
    const cleared = await api(`${base}/${id}`, { method: 'PATCH', cookie: director, body: { email: '' } });
    expect(cleared.body.inspector.email).toBeNull();
  });

  it('refuses a duplicate certificate number with 422 on certificateNo, on create and on edit', async () => {
    const cert = `DUP-${suffix()}`;
    const first = await newInspector(HOME, { certificateNo: cert });
    const res = await api(base, {
      cookie: director,
      body: { name: '重复证号', type: 'part_time', certificateNo: cert },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuePaths(res)).toEqual(['certificateNo']);
    expect(res.body.error.details.issues[0].message).toMatch(/督学证号已被/);
    const other = await newInspector();
    const edit = await api(`${base}/${other}`, {
      method: 'PATCH',
      cookie: director,
      body: { certificateNo: cert },
    });
    expectErrorShape(edit, 422, 'VALIDATION_FAILED');
    expect(issuePaths(edit)).toEqual(['certificateNo']);
    expect((await inspectorRow(other))?.certificateNo).toBeNull();
    // Saving the record with its own number is not a duplicate.
    const self = await api(`${base}/${first}`, {
      method: 'PATCH',
      cookie: director,
      body: { certificateNo: cert, trainingHours: 2 },
    });
    expect(self.status).toBe(200);
  });

  it('422 with field paths and Chinese messages for a bad phone, email, date and type; nothing written', async () => {
    const name = `坏输入${suffix()}`;
    const res = await api(base, {
      cookie: director,
      body: {
        name,
        type: 'chief',
        phone: '12345',
        email: 'not-an-email',
        termStart: '2026-02-30',
        trainingHours: -1,
      },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuePaths(res).sort()).toEqual(['email', 'phone', 'termStart', 'trainingHours', 'type']);
    for (const issue of res.body.error.details.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    const db = await tenantDbOf(HOME);
    expect(await db.select().from(inspectors).where(eq(inspectors.name, name))).toHaveLength(0);
    const missing = await api(base, { cookie: director, body: { type: 'special' } });
    expectErrorShape(missing, 422, 'VALIDATION_FAILED');
    expect(issuePaths(missing)).toContain('name');
  });

  it('refuses a term that ends before it starts, also when only one end changes', async () => {
    const name = `聘期${suffix()}`;
    const res = await api(base, {
      cookie: director,
      body: { name, type: 'part_time', termStart: '2026-09-01', termEnd: '2026-08-31' },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuePaths(res)).toEqual(['termEnd']);
    expect(res.body.error.details.issues[0].message).toBe('聘期结束日期不能早于开始日期');
    const id = await newInspector(HOME, { termStart: '2026-09-01', termEnd: '2029-08-31' });
    const edit = await api(`${base}/${id}`, {
      method: 'PATCH',
      cookie: director,
      body: { termEnd: '2025-01-01' },
    });
    expectErrorShape(edit, 422, 'VALIDATION_FAILED');
    expect(issuePaths(edit)).toEqual(['termEnd']);
    expect((await inspectorRow(id))?.termEnd).toBe('2029-08-31');
    expect(await auditOf(id, 'inspector.update')).toHaveLength(0);
  });

  it('links an active inspector or director account once; refuses other roles, disabled and taken accounts', async () => {
    const account = await freshUser('inspector');
    const id = await newInspector(HOME, { userId: account });
    const detail = await api(`${base}/${id}`, { cookie: director });
    expect(detail.body.inspector.user).toMatchObject({
      id: account,
      username: expect.stringMatching(/^insp_link_/),
    });

    const taken = await api(base, {
      cookie: director,
      body: { name: '重复关联', type: 'part_time', userId: account },
    });
    expectErrorShape(taken, 422, 'VALIDATION_FAILED');
    expect(issuePaths(taken)).toEqual(['userId']);
    expect(taken.body.error.details.issues[0].message).toMatch(/已关联督学/);

    for (const userId of [
      await freshUser('teacher'),
      await freshUser('director', 'disabled'),
      crypto.randomUUID(),
      'not-an-id',
    ]) {
      const res = await api(base, {
        cookie: director,
        body: { name: `关联${suffix()}`, type: 'part_time', userId },
      });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(issuePaths(res)).toEqual(['userId']);
    }
    const directorAccount = await freshUser('director');
    const other = await newInspector();
    const relink = await api(`${base}/${other}`, {
      method: 'PATCH',
      cookie: director,
      body: { userId: directorAccount },
    });
    expect(relink.status).toBe(200);
    expect(relink.body.inspector.user.id).toBe(directorAccount);
  });

  it('offers only active 督学 and 主任 accounts to link, says which are taken, and shows no phones', async () => {
    const db = await tenantDbOf(HOME);
    const [free, taken, teacher, disabled] = [
      await freshUser('inspector'),
      await freshUser('inspector'),
      await freshUser('teacher'),
      await freshUser('director', 'disabled'),
    ];
    const takenBy = await newInspector(HOME, { userId: taken });
    const rows = await db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(inArray(users.id, [free, taken, teacher, disabled]));
    const nameOf = (id: string) => rows.find((r) => r.id === id)?.displayName as string;

    const found = async (q: string) => {
      const res = await api(`${base}/linkable-accounts?q=${encodeURIComponent(q)}`, { cookie: director });
      expect(res.status).toBe(200);
      return res.body.items as { id: string; linkedInspector: { id: string } | null }[];
    };
    expect((await found(nameOf(free))).map((a) => a.id)).toEqual([free]);
    expect((await found(nameOf(taken)))[0]?.linkedInspector?.id).toBe(takenBy);
    expect(await found(nameOf(teacher))).toEqual([]);
    expect(await found(nameOf(disabled))).toEqual([]);
    // A typed % is a letter, not a wildcard.
    expect(await found('%')).toEqual([]);
    const all = await api(`${base}/linkable-accounts`, { cookie: director });
    expect(JSON.stringify(all.body)).not.toMatch(/phone|passwordHash/);

    const tooLong = await api(`${base}/linkable-accounts?q=${'长'.repeat(51)}`, { cookie: director });
    expectErrorShape(tooLong, 422, 'VALIDATION_FAILED');
  });

  it('403 for a viewer creating or editing, and 404 for an unknown or malformed id', async () => {
    expectErrorShape(
      await api(base, { cookie: viewer, body: { name: 'x', type: 'special' } }),
      403,
      'FORBIDDEN',
    );
    expectErrorShape(await api(`${base}/${crypto.randomUUID()}`, { cookie: director }), 404, 'NOT_FOUND');
    expectErrorShape(await api(`${base}/abc`, { cookie: director }), 404, 'NOT_FOUND');
  });
});

describe('list', () => {
  it('searches by name, phone and certificate; filters by type, zone and status; pages', async () => {
    const tag = suffix();
    const a = await newInspector(HOME, { name: `列表${tag}甲`, type: 'special', phone: '13911112222' });
    const b = await newInspector(HOME, {
      name: `列表${tag}乙`,
      type: 'full_time',
      certificateNo: `LIST-${tag}`,
    });
    const byName = await api(`${base}?q=${encodeURIComponent(`列表${tag}`)}`, { cookie: viewer });
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a, b].sort());
    const row = byName.body.items.find((i: { id: string }) => i.id === a);
    expect(row).toMatchObject({
      typeLabel: '特约督学',
      zones: [],
      unitCount: 0,
      warning: null,
      hasPhoto: false,
    });
    expect(row).toHaveProperty('trainingHours');
    expect(row).toHaveProperty('term');

    const byCert = await api(`${base}?q=LIST-${tag}`, { cookie: viewer });
    expect(byCert.body.items.map((i: { id: string }) => i.id)).toEqual([b]);
    const byType = await api(`${base}?type=special&q=${encodeURIComponent(`列表${tag}`)}`, {
      cookie: viewer,
    });
    expect(byType.body.items.map((i: { id: string }) => i.id)).toEqual([a]);
    const paged = await api(`${base}?pageSize=1&page=2&q=${encodeURIComponent(`列表${tag}`)}`, {
      cookie: viewer,
    });
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);
    const wildcard = await api(`${base}?q=${encodeURIComponent('%')}`, { cookie: viewer });
    expect(wildcard.body.total).toBe(0);

    // The demo county's responsible inspectors: each holds one zone.
    const db = await tenantDbOf(HOME);
    const [zone] = await db.select().from(zones).where(eq(zones.name, '城区第一责任区'));
    const byZone = await api(`${base}?zoneId=${zone?.id}`, { cookie: viewer });
    expect(byZone.body.items.length).toBeGreaterThan(0);
    for (const i of byZone.body.items)
      expect(i.zones.map((z: { name: string }) => z.name)).toContain('城区第一责任区');
    expect(byZone.body.items.some((i: { unitCount: number }) => i.unitCount > 0)).toBe(true);

    await api(`${base}/${a}/archive`, { method: 'POST', cookie: director });
    const active = await api(`${base}?q=${encodeURIComponent(`列表${tag}`)}`, { cookie: viewer });
    expect(active.body.items.map((i: { id: string }) => i.id)).toEqual([b]);
    const archived = await api(`${base}?status=archived&q=${encodeURIComponent(`列表${tag}`)}`, {
      cookie: viewer,
    });
    expect(archived.body.items.map((i: { id: string }) => i.id)).toEqual([a]);
  });

  it('422 for a bad filter', async () => {
    for (const q of ['type=chief', 'pageSize=1000', 'page=0', 'status=deleted']) {
      expectErrorShape(await api(`${base}?${q}`, { cookie: viewer }), 422, 'VALIDATION_FAILED');
    }
  });
});

describe('archive and restore', () => {
  it('takes an inspector off the active list and brings them back with their assignments, audited', async () => {
    const [unit] = await freshUnits(1);
    const id = await newInspector();
    await api(`${base}/${id}/assignments`, { cookie: director, body: { zoneIds: [], unitIds: [unit] } });
    const archived = await api(`${base}/${id}/archive`, { method: 'POST', cookie: director });
    expect(archived.status).toBe(200);
    expect(archived.body.inspector.status).toBe('archived');
    // Twice is harmless and not audited again.
    expect((await api(`${base}/${id}/archive`, { method: 'POST', cookie: director })).status).toBe(200);
    const assign = await api(`${base}/${id}/assignments`, {
      cookie: director,
      body: { zoneIds: [], unitIds: [] },
    });
    expectErrorShape(assign, 409, 'CONFLICT');
    const restored = await api(`${base}/${id}/restore`, { method: 'POST', cookie: director });
    expect(restored.body.inspector).toMatchObject({ status: 'active', unitCount: 1 });
    expect(restored.body.inspector.units.map((u: { id: string }) => u.id)).toEqual([unit]);
    expect((await auditOf(id, 'inspector.archive')).length).toBe(1);
    expect((await auditOf(id, 'inspector.restore')).length).toBe(1);
  });
});

describe('assignments', () => {
  it('replaces both sets, marks direct and zone units, and audits before/after', async () => {
    const db = await tenantDbOf(HOME);
    const [zone] = await db.select().from(zones).where(eq(zones.name, '城区第二责任区'));
    const zoneUnits = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.zoneId, zone?.id as string), eq(units.status, 'active')));
    const [u1, u2] = await freshUnits(2);
    const id = await newInspector();

    const first = await api(`${base}/${id}/assignments`, {
      cookie: director,
      body: { zoneIds: [zone?.id], unitIds: [u1, u1] },
    });
    expect(first.status).toBe(200);
    expect(first.body.unitCount).toBe(zoneUnits.length + 1);
    expect(first.body.zones).toEqual([{ id: zone?.id, name: '城区第二责任区' }]);
    const direct = first.body.units.find((u: { id: string }) => u.id === u1);
    expect(direct).toMatchObject({ direct: true, viaZone: null, kindLabel: '教学点' });
    const viaZone = first.body.units.find((u: { id: string }) => u.id === zoneUnits[0]?.id);
    expect(viaZone).toMatchObject({ direct: false, viaZone: { name: '城区第二责任区' } });

    const second = await api(`${base}/${id}/assignments`, {
      cookie: director,
      body: { zoneIds: [], unitIds: [u2] },
    });
    expect(second.body).toMatchObject({ unitCount: 1, zones: [], warning: null });
    expect(second.body.units.map((u: { id: string }) => u.id)).toEqual([u2]);
    const [zRows, uRows] = await Promise.all([
      db.select().from(inspectorZones).where(eq(inspectorZones.inspectorId, id)),
      db.select().from(inspectorUnits).where(eq(inspectorUnits.inspectorId, id)),
    ]);
    expect(zRows).toHaveLength(0);
    expect(uRows.map((r) => r.unitId)).toEqual([u2]);

    const audits = await auditOf(id, 'inspector.assign');
    expect(audits).toHaveLength(2);
    const last = audits.find((a) => (a.details as { after: { unitIds: string[] } }).after.unitIds[0] === u2);
    expect(last?.details).toMatchObject({
      before: { zoneIds: [zone?.id], unitIds: [u1] },
      after: { zoneIds: [], unitIds: [u2] },
    });
    const detail = await api(`${base}/${id}`, { cookie: viewer });
    expect(detail.body.inspector.unitCount).toBe(1);
  });

  it('warns (and still saves) when an inspector holds more units than the ratio of 5', async () => {
    const six = await freshUnits(6);
    const id = await newInspector();
    const five = await api(`${base}/${id}/assignments`, {
      cookie: director,
      body: { zoneIds: [], unitIds: six.slice(0, 5) },
    });
    expect(five.body).toMatchObject({ unitCount: 5, warning: null });
    const res = await api(`${base}/${id}/assignments`, {
      cookie: director,
      body: { zoneIds: [], unitIds: six },
    });
    expect(res.status).toBe(200);
    expect(res.body.unitCount).toBe(6);
    expect(res.body.warning).toEqual({ code: 'OVER_RATIO', message: expect.stringContaining('超过') });
    expect(res.body.warning.message).toContain('6 个学校');
    const list = await api(`${base}?q=${encodeURIComponent((await inspectorRow(id))?.name ?? '')}`, {
      cookie: viewer,
    });
    expect(list.body.items[0]).toMatchObject({ id, unitCount: 6, warning: { code: 'OVER_RATIO' } });
  });

  it('422 naming the bad id for unknown zones and units and archived units; nothing changes', async () => {
    const db = await tenantDbOf(HOME);
    const [good, archived] = await freshUnits(2);
    await db
      .update(units)
      .set({ status: 'archived' })
      .where(eq(units.id, archived as string));
    const id = await newInspector();
    await api(`${base}/${id}/assignments`, { cookie: director, body: { zoneIds: [], unitIds: [good] } });
    const ghost = crypto.randomUUID();
    const res = await api(`${base}/${id}/assignments`, {
      cookie: director,
      body: { zoneIds: [ghost], unitIds: [good, archived, 'nope'] },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuePaths(res)).toEqual(['zoneIds.0', 'unitIds.1', 'unitIds.2']);
    expect(res.body.error.details.issues[1].message).toMatch(/已归档/);
    const rows = await db.select().from(inspectorUnits).where(eq(inspectorUnits.inspectorId, id));
    expect(rows.map((r) => r.unitId)).toEqual([good]);
    expect(await auditOf(id, 'inspector.assign')).toHaveLength(1);

    const tooMany = await api(`${base}/${id}/assignments`, {
      cookie: director,
      body: { zoneIds: [], unitIds: Array.from({ length: 201 }, () => crypto.randomUUID()) },
    });
    expectErrorShape(tooMany, 422, 'VALIDATION_FAILED');
    expect(issuePaths(tooMany)).toEqual(['unitIds']);
    const missing = await api(`${base}/${id}/assignments`, { cookie: director, body: { zoneIds: [] } });
    expectErrorShape(missing, 422, 'VALIDATION_FAILED');
  });
});

describe('photo', () => {
  const upload = async (id: string, bytes: Uint8Array, contentType: string, cookie?: string) =>
    api(`${base}/${id}/photo`, {
      method: 'POST',
      cookie: cookie ?? director,
      rawBody: bytes,
      headers: { 'content-type': contentType },
    });

  it('stores a PNG, serves it back with its type and nosniff, replaces it, and audits', async () => {
    const id = await newInspector();
    const png = tinyPng();
    const res = await upload(id, png, 'image/png');
    expect(res.status).toBe(200);
    expect(res.body.photo).toMatchObject({ contentType: 'image/png', bytes: png.byteLength });
    const key = (await inspectorRow(id))?.photoKey;
    expect(key).toMatch(new RegExp(`^t/${HOME}/inspectors/${id}/`));

    const served = await fetchPhoto(id, viewer);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(served.bytes)).toEqual(png);
    const detail = await api(`${base}/${id}`, { cookie: viewer });
    expect(detail.body.inspector.hasPhoto).toBe(true);

    // A replacement: the type comes from the bytes, never the label.
    const again = await upload(id, png, 'image/jpeg');
    expect(again.body.photo.contentType).toBe('image/png');
    expect((await inspectorRow(id))?.photoKey).not.toBe(key);
    expect(await auditOf(id, 'inspector.photo')).toHaveLength(2);
  });

  it('415 for a text file labelled image/jpeg, 413 over 5 MB, 400 for an empty body; nothing written', async () => {
    const id = await newInspector();
    const text = new TextEncoder().encode('this is not a photo at all');
    expectErrorShape(await upload(id, text, 'image/jpeg'), 415, 'UNSUPPORTED_FILE');
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(tinyPng());
    expectErrorShape(await upload(id, big, 'image/png'), 413, 'PAYLOAD_TOO_LARGE');
    expectErrorShape(await upload(id, new Uint8Array(0), 'image/png'), 400, 'BAD_REQUEST');
    expect((await inspectorRow(id))?.photoKey).toBeNull();
    expect(await auditOf(id, 'inspector.photo')).toHaveLength(0);
    expectErrorShape(await api(`${base}/${id}/photo`, { cookie: director }), 404, 'NOT_FOUND');
  });
});

async function fetchPhoto(id: string, cookie: string) {
  const res = await fetch(`${stack.url}${base}/${id}/photo`, { headers: { cookie, connection: 'close' } });
  return { status: res.status, headers: res.headers, bytes: await res.arrayBuffer() };
}

describe('tenant isolation', () => {
  it('answers 404 for another tenant’s inspector on every route, and changes nothing there', async () => {
    const foreign = await newInspector('test-college');
    const cookie = await adminCookie(HOME);
    const calls = [
      api(`${base}/${foreign}`, { cookie }),
      api(`${base}/${foreign}`, { method: 'PATCH', cookie, body: { trainingHours: 1 } }),
      api(`${base}/${foreign}/archive`, { method: 'POST', cookie }),
      api(`${base}/${foreign}/restore`, { method: 'POST', cookie }),
      api(`${base}/${foreign}/assignments`, { cookie, body: { zoneIds: [], unitIds: [] } }),
      api(`${base}/${foreign}/photo`, {
        method: 'POST',
        cookie,
        rawBody: tinyPng(),
        headers: { 'content-type': 'image/png' },
      }),
      api(`${base}/${foreign}/photo`, { cookie }),
    ];
    for (const res of await Promise.all(calls)) expectErrorShape(res, 404, 'NOT_FOUND');
    const college = await tenantDbOf('test-college');
    const [row] = await college.select().from(inspectors).where(eq(inspectors.id, foreign));
    expect(row).toMatchObject({ trainingHours: 0, status: 'active', photoKey: null });
    const home = await tenantDbOf(HOME);
    expect(
      await home
        .select()
        .from(auditLog)
        .where(inArray(auditLog.entityId, [foreign])),
    ).toHaveLength(0);
  });
});
