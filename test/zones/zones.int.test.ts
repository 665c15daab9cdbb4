import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units, zones } from '../../db/schema/tenant';
import { isGuardFailure, zoneCapacityGuard } from '../../worker/modules/zones/guard';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { newUnit, newZone, suffix, unitsAdminCookie } from '../units/fixtures';

const T = 'test-county';
const LIMIT = 20; // the county preset's zones.maxUnitsPerZone
let cookie = '';
beforeAll(async () => {
  cookie = await unitsAdminCookie(T);
});

const zonesPath = `/api/t/${T}/zones`;

function issues(res: { body: { error: { details: { issues: { path: string; message: string }[] } } } }) {
  return res.body.error.details.issues;
}

async function auditOf(entityId: string, action: string) {
  const db = await tenantDbOf(T);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
}

async function zoneOfUnits(ids: string[]) {
  const db = await tenantDbOf(T);
  const rows = await db
    .select({ id: units.id, zoneId: units.zoneId })
    .from(units)
    .where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r.zoneId]));
}

async function zoneSummary(id: string) {
  const res = await api(zonesPath, { cookie });
  return res.body.items.find((z: { id: string }) => z.id === id);
}

/** A zone filled to the limit with fresh units (through the API, as an office would). */
async function fullZone() {
  const zoneId = await newZone();
  const ids = await Promise.all(Array.from({ length: LIMIT }, () => newUnit()));
  const res = await api(`${zonesPath}/${zoneId}/units`, { cookie, body: { add: ids } });
  expect(res.status).toBe(200);
  expect(res.body.zone).toMatchObject({ unitCount: LIMIT, limit: LIMIT, full: true });
  return { zoneId, ids };
}

describe('GET /zones', () => {
  it('lists zones with active unit counts, the limit and their inspectors', async () => {
    const res = await api(zonesPath, { cookie: await signIn(T, 'role_inspector') });
    expect(res.status).toBe(200);
    expect(res.body.limit).toBe(LIMIT);
    const city = res.body.items.find((z: { name: string }) => z.name === '城区第一责任区');
    expect(city.unitCount).toBeGreaterThan(0);
    expect(city.limit).toBe(LIMIT);
    expect(city.inspectors.map((i: { name: string }) => i.name)).toContain('李明');
  });
});

describe('POST /zones and PATCH /zones/:id', () => {
  it('creates, renames and annotates a zone, audited; a taken name is a 422 and writes nothing', async () => {
    const name = `新责任区${suffix()}`;
    const created = await api(zonesPath, { cookie, body: { name, note: '城东片' } });
    expect(created.status).toBe(201);
    expect(created.body.zone).toMatchObject({ name, note: '城东片', unitCount: 0, inspectors: [] });
    const id = created.body.zone.id;
    expect(await auditOf(id, 'zone.create')).toHaveLength(1);

    const dup = await api(zonesPath, { cookie, body: { name } });
    expectErrorShape(dup, 422, 'VALIDATION_FAILED');
    expect(issues(dup)).toEqual([{ path: 'name', message: expect.stringContaining(name) }]);
    const db = await tenantDbOf(T);
    expect(await db.select().from(zones).where(eq(zones.name, name))).toHaveLength(1);

    const renamed = `${name}改`;
    const patch = await api(`${zonesPath}/${id}`, { method: 'PATCH', cookie, body: { name: renamed } });
    expect(patch.body.zone).toMatchObject({ name: renamed, note: '城东片' });
    const [audit] = await auditOf(id, 'zone.update');
    expect(audit?.details).toMatchObject({ changes: { name: { before: name, after: renamed } } });

    const other = await newZone();
    const clash = await api(`${zonesPath}/${other}`, { method: 'PATCH', cookie, body: { name: renamed } });
    expectErrorShape(clash, 422, 'VALIDATION_FAILED');
    expect(await auditOf(other, 'zone.update')).toHaveLength(0);

    expectErrorShape(await api(zonesPath, { cookie, body: { name: '' } }), 422, 'VALIDATION_FAILED');
    expectErrorShape(
      await api(zonesPath, { cookie: await signIn(T, 'role_viewer'), body: { name: `越权${suffix()}` } }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('POST /zones/:id/units', () => {
  it('assigns and unassigns units, moving them from another zone, audited', async () => {
    const from = await newZone();
    const to = await newZone();
    const a = await newUnit(T, { zoneId: from });
    const b = await newUnit();
    const res = await api(`${zonesPath}/${to}/units`, { cookie, body: { add: [a, b] } });
    expect(res.status).toBe(200);
    expect(res.body.zone.unitCount).toBe(2);
    expect((await zoneSummary(from)).unitCount).toBe(0);
    const [audit] = await auditOf(to, 'zone.assign');
    expect(audit?.details).toMatchObject({
      added: [
        { id: a, fromZoneId: from },
        { id: b, fromZoneId: null },
      ],
    });

    const out = await api(`${zonesPath}/${to}/units`, { cookie, body: { remove: [a] } });
    expect(out.body.zone.unitCount).toBe(1);
    expect((await zoneOfUnits([a, b])).get(a)).toBeNull();
  });

  it('is all or nothing: one unknown unit, or one in both lists, and no unit moves', async () => {
    const zoneId = await newZone();
    const good = await newUnit();
    const unknown = await api(`${zonesPath}/${zoneId}/units`, {
      cookie,
      body: { add: [good, crypto.randomUUID()] },
    });
    expectErrorShape(unknown, 422, 'VALIDATION_FAILED');
    expect(issues(unknown)[0]?.path).toBe('add.1');
    const both = await api(`${zonesPath}/${zoneId}/units`, { cookie, body: { add: [good], remove: [good] } });
    expectErrorShape(both, 422, 'VALIDATION_FAILED');
    const tooMany = await api(`${zonesPath}/${zoneId}/units`, {
      cookie,
      body: { add: Array.from({ length: 201 }, () => crypto.randomUUID()) },
    });
    expectErrorShape(tooMany, 422, 'VALIDATION_FAILED');
    expect((await zoneOfUnits([good])).get(good)).toBeNull();
    expect(await auditOf(zoneId, 'zone.assign')).toHaveLength(0);
  });

  it(`refuses a zone over its limit (${LIMIT}) by every path, in Chinese with the counts; nothing partly saved`, async () => {
    const { zoneId, ids } = await fullZone();
    const extra = await newUnit();
    const other = await newUnit();

    // Adding two: neither moves.
    const over = await api(`${zonesPath}/${zoneId}/units`, { cookie, body: { add: [extra, other] } });
    expectErrorShape(over, 422, 'VALIDATION_FAILED');
    expect(issues(over)[0]?.path).toBe('add');
    expect(issues(over)[0]?.message).toContain(`最多 ${LIMIT} 个学校`);
    expect(issues(over)[0]?.message).toContain(`${LIMIT + 2} 个`);
    const after = await zoneOfUnits([extra, other]);
    expect(after.get(extra)).toBeNull();
    expect(after.get(other)).toBeNull();
    expect(await auditOf(zoneId, 'zone.assign')).toHaveLength(1);

    // Creating a unit in the full zone, or moving one there.
    const name = `满区新校${suffix()}`;
    const create = await api(`/api/t/${T}/units`, { cookie, body: { name, kind: 'primary', zoneId } });
    expectErrorShape(create, 422, 'VALIDATION_FAILED');
    expect(issues(create)[0]?.path).toBe('zoneId');
    const db = await tenantDbOf(T);
    expect(await db.select().from(units).where(eq(units.name, name))).toHaveLength(0);
    const move = await api(`/api/t/${T}/units/${extra}`, { method: 'PATCH', cookie, body: { zoneId } });
    expectErrorShape(move, 422, 'VALIDATION_FAILED');
    expect((await zoneOfUnits([extra])).get(extra)).toBeNull();

    // Swapping one out and one in is within the limit.
    const swap = await api(`${zonesPath}/${zoneId}/units`, {
      cookie,
      body: { add: [extra], remove: [ids[0]] },
    });
    expect(swap.status).toBe(200);
    expect(swap.body.zone.unitCount).toBe(LIMIT);

    // Archived units leave the count; restoring into the full zone again is refused.
    const archived = ids[1] as string;
    await api(`/api/t/${T}/units/${archived}/archive`, { method: 'POST', cookie });
    expect((await zoneSummary(zoneId)).unitCount).toBe(LIMIT - 1);
    expect((await api(`${zonesPath}/${zoneId}/units`, { cookie, body: { add: [other] } })).status).toBe(200);
    const restore = await api(`/api/t/${T}/units/${archived}/restore`, { method: 'POST', cookie });
    expectErrorShape(restore, 422, 'VALIDATION_FAILED');
    expect(issues(restore)[0]?.message).toContain(`${LIMIT + 1} 个`);
    const [row] = await db.select().from(units).where(eq(units.id, archived));
    expect(row?.status).toBe('archived');
    expect(await auditOf(archived, 'unit.restore')).toHaveLength(0);
  });

  it('holds the limit when requests race', async () => {
    const zoneId = await newZone();
    // Sixty writers at once on one database: more than sqld's own write queue survives without
    // the Worker's write turns (db/write-turns.ts), which must also keep every answer a 2xx/4xx.
    const ids = await Promise.all(Array.from({ length: 60 }, () => newUnit()));
    const results = await Promise.all(
      ids.map((id) => api(`/api/t/${T}/units/${id}`, { method: 'PATCH', cookie, body: { zoneId } })),
    );
    const ok = results.filter((r) => r.status === 200).length;
    for (const r of results) expect([200, 409, 422]).toContain(r.status);
    expect(ok).toBeLessThanOrEqual(LIMIT);
    expect((await zoneSummary(zoneId)).unitCount).toBe(ok);
  });

  it('the batch guard rolls back a write that overfills a zone, whatever the checks before it saw', async () => {
    const { zoneId } = await fullZone();
    const extra = await newUnit();
    const db = await tenantDbOf(T);
    const guard = zoneCapacityGuard(db, [zoneId], LIMIT);
    if (!guard) throw new Error('no guard');
    const failure = await db.batch([db.update(units).set({ zoneId }).where(eq(units.id, extra)), guard]).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isGuardFailure(failure)).toBe(true);
    expect((await zoneOfUnits([extra])).get(extra)).toBeNull();
    // Within the limit the same guard lets the batch through.
    const roomy = await newZone();
    const passing = zoneCapacityGuard(db, [roomy], LIMIT);
    if (!passing) throw new Error('no guard');
    await db.batch([db.update(units).set({ zoneId: roomy }).where(eq(units.id, extra)), passing]);
    expect((await zoneOfUnits([extra])).get(extra)).toBe(roomy);
  });

  it('404 for another tenant’s zone', async () => {
    const collegeZone = await newZone('test-college');
    const res = await api(`${zonesPath}/${collegeZone}/units`, { cookie, body: { add: [] } });
    expectErrorShape(res, 404, 'NOT_FOUND');
    expectErrorShape(
      await api(`${zonesPath}/${collegeZone}`, { method: 'PATCH', cookie, body: { note: 'x' } }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('POST /zones/:id/delete', () => {
  it('deletes an empty zone (audited) and refuses one with units, archived ones included', async () => {
    const zoneId = await newZone();
    const unit = await newUnit(T, { zoneId });
    await api(`/api/t/${T}/units/${unit}/archive`, { method: 'POST', cookie });
    const refused = await api(`${zonesPath}/${zoneId}/delete`, { method: 'POST', cookie });
    expectErrorShape(refused, 422, 'VALIDATION_FAILED');
    expect(issues(refused)[0]?.message).toContain('1 个学校');

    const empty = await newZone();
    expect((await api(`${zonesPath}/${empty}/delete`, { method: 'POST', cookie })).status).toBe(200);
    expect(await zoneSummary(empty)).toBeUndefined();
    expect(await auditOf(empty, 'zone.delete')).toHaveLength(1);
  });
});
