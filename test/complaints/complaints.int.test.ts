import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, complaintEvents, complaints } from '../../db/schema/tenant';
import { api, expectErrorShape, randomClientIp, tenantDbOf } from '../support/api';
import {
  complaintForStaff,
  complaintIdOf,
  cookieOf,
  freshUnit,
  inspectorForUnit,
  linkedInspector,
  spareInspector,
  submit,
  tinyPng,
  VALID,
} from './fixtures';

const T = 'test-county';
const base = `/api/t/${T}`;

async function complaintRows(unitId: string) {
  const db = await tenantDbOf(T);
  return db.select().from(complaints).where(eq(complaints.unitId, unitId));
}

function uploadPhoto(code: string, bytes: Uint8Array, ip = randomClientIp(), type = 'image/png') {
  return api(`${base}/public/complaints/${code}/photo`, {
    rawBody: bytes,
    headers: { 'content-type': type, 'cf-connecting-ip': ip },
  });
}

describe('public complaints', () => {
  it('follows a complaint from the board to closure, and the sender sees 已办结 with the reply', async () => {
    const unitId = await freshUnit();
    const inspectorId = await linkedInspector(T, 'role_inspector');
    await inspectorForUnit(T, unitId, { id: inspectorId });

    const sent = await submit(T, unitId, { ...VALID, contactName: '王女士', contactPhone: '13812345678' });
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe('assigned');
    expect(sent.body.trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(sent.body.hint).toContain(sent.body.trackingCode);
    const code = sent.body.trackingCode as string;
    const id = await complaintIdOf(T, code);

    const inspector = await cookieOf('role_inspector');
    const list = await api(`${base}/complaints?status=assigned&unitId=${unitId}`, { cookie: inspector });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    const noted = await api(`${base}/complaints/${id}/notes`, {
      cookie: inspector,
      body: { note: '到校查看，早高峰确有车辆乱停' },
    });
    expect(noted.status).toBe(200);
    const replied = await api(`${base}/complaints/${id}/reply`, {
      cookie: inspector,
      body: { publicReply: '已督促学校协调交警，早高峰安排护学岗。' },
    });
    expect(replied.body.complaint.status).toBe('replied');
    // 未办结 (open) holds everything but 已办结: a replied complaint is still in the inbox.
    const openIds = async () =>
      (await api(`${base}/complaints?status=open&unitId=${unitId}`, { cookie: inspector })).body.items.map(
        (c: { id: string }) => c.id,
      );
    expect(await openIds()).toContain(id);
    const closed = await api(`${base}/complaints/${id}/close`, {
      cookie: inspector,
      body: { note: '复查已整改' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.complaint.status).toBe('closed');
    expect(await openIds()).not.toContain(id);
    expect(closed.body.complaint.events.map((e: { action: string }) => e.action)).toEqual([
      'submitted',
      'assigned',
      'note',
      'replied',
      'closed',
    ]);

    const tracked = await api(`${base}/public/complaints/${code.toLowerCase()}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.statusLabel).toBe('已办结');
    expect(tracked.body.publicReply).toBe('已督促学校协调交警，早高峰安排护学岗。');
    expect(tracked.body.closedAt).toBeTruthy();
    expect(tracked.body.timeline.map((s: { label: string }) => s.label)).toEqual([
      '已提交',
      '已受理，由责任督学核实处理',
      '督学已答复',
      '已办结',
    ]);
    // No internal note and no staff name reaches the sender.
    const text = JSON.stringify(tracked.body);
    expect(text).not.toContain('早高峰确有车辆乱停');
    expect(text).not.toContain('账号督学');
    expect(text).not.toContain('王女士');

    const db = await tenantDbOf(T);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(
      ['complaint.close', 'complaint.note', 'complaint.reply', 'complaint.submit'].sort(),
    );
  });

  it('waits in the queue (received) when no inspector answers for the unit; the director assigns and reopens', async () => {
    const unitId = await freshUnit();
    const sent = await submit(T, unitId, { ...VALID, category: 'suggestion' });
    expect(sent.body.status).toBe('received');
    const id = await complaintIdOf(T, sent.body.trackingCode);
    const director = await cookieOf('role_director');

    const bad = await api(`${base}/complaints/${id}/assign`, {
      cookie: director,
      body: { inspectorId: crypto.randomUUID() },
    });
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    expect(bad.body.error.details.issues[0].path).toBe('inspectorId');

    const target = await spareInspector();
    const assigned = await api(`${base}/complaints/${id}/assign`, {
      cookie: director,
      body: { inspectorId: target },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.complaint.status).toBe('assigned');
    expect(assigned.body.complaint.assignee.id).toBe(target);
    const again = await api(`${base}/complaints/${id}/assign`, {
      cookie: director,
      body: { inspectorId: target },
    });
    expectErrorShape(again, 409, 'CONFLICT');

    const noReply = await api(`${base}/complaints/${id}/close`, { cookie: director, body: {} });
    expectErrorShape(noReply, 422, 'VALIDATION_FAILED');
    expect(noReply.body.error.details.issues[0].path).toBe('publicReply');

    const notClosed = await api(`${base}/complaints/${id}/reopen`, {
      cookie: director,
      body: { note: '再查' },
    });
    expectErrorShape(notClosed, 409, 'CONFLICT');

    const closed = await api(`${base}/complaints/${id}/close`, {
      cookie: director,
      body: { publicReply: '感谢建议，已转学校研究。' },
    });
    expect(closed.body.complaint.status).toBe('closed');
    for (const [path, body] of [
      ['notes', { note: '补充' }],
      ['reply', { publicReply: '改答复' }],
      ['close', { publicReply: '再办结' }],
      ['assign', { inspectorId: await spareInspector() }],
    ] as const) {
      const res = await api(`${base}/complaints/${id}/${path}`, { cookie: director, body });
      expectErrorShape(res, 409, 'CONFLICT');
    }
    const reopened = await api(`${base}/complaints/${id}/reopen`, {
      cookie: director,
      body: { note: '反映人来电称仍未解决' },
    });
    expect(reopened.body.complaint.status).toBe('assigned');
    expect(reopened.body.complaint.closedAt).toBeNull();

    const inspectorReopen = await api(`${base}/complaints/${id}/reopen`, {
      cookie: await cookieOf('role_inspector'),
      body: { note: 'x' },
    });
    expectErrorShape(inspectorReopen, 403, 'FORBIDDEN');
  });

  it('hides a complaint from an inspector it is not assigned to (404), and shows it to the director', async () => {
    const unitId = await freshUnit();
    await inspectorForUnit(T, unitId); // someone else, not role_inspector
    const sent = await submit(T, unitId);
    const id = await complaintIdOf(T, sent.body.trackingCode);
    const inspector = await cookieOf('role_inspector');
    for (const res of [
      await api(`${base}/complaints/${id}`, { cookie: inspector }),
      await api(`${base}/complaints/${id}/notes`, { cookie: inspector, body: { note: '看看' } }),
      await api(`${base}/complaints/${id}/reply`, { cookie: inspector, body: { publicReply: '答复' } }),
    ]) {
      expectErrorShape(res, 404, 'NOT_FOUND');
    }
    const list = await api(`${base}/complaints?unitId=${unitId}`, { cookie: inspector });
    expect(list.body.total).toBe(0);
    const director = await api(`${base}/complaints/${id}`, { cookie: await cookieOf('role_director') });
    expect(director.status).toBe(200);
    expect(director.body.complaint.events[0].action).toBe('submitted');
  });

  it('records each step once when two people act at the same moment (the loser gets 409, nothing written)', async () => {
    const c = await complaintForStaff();
    const director = await cookieOf('role_director');
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        api(`${base}/complaints/${c.id}/notes`, { cookie: director, body: { note: `并发${n}` } }),
      ),
    );
    const ok = results.filter((r) => r.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status !== 200) expectErrorShape(r, 409, 'CONFLICT');
    const db = await tenantDbOf(T);
    const notes = (
      await db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, c.id))
    ).filter((e) => e.action === 'note');
    expect(notes.length).toBe(ok);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.filter((a) => a.action === 'complaint.note').length).toBe(ok);
  });

  it('stores <script> as plain text and returns it unchanged', async () => {
    const unitId = await freshUnit();
    const body = '<script>alert(1)</script><img src=x onerror=alert(2)> 食堂饭菜不卫生';
    const sent = await submit(T, unitId, { ...VALID, topic: '<b>食堂</b>', body });
    expect(sent.status).toBe(201);
    const id = await complaintIdOf(T, sent.body.trackingCode);
    const got = await api(`${base}/complaints/${id}`, { cookie: await cookieOf('role_admin') });
    expect(got.body.complaint.body).toBe(body);
    expect(got.body.complaint.topic).toBe('<b>食堂</b>');
    expect(got.headers.get('content-type')).toContain('application/json');
  });

  it('refuses bad input with 422 and field paths, and writes nothing', async () => {
    const unitId = await freshUnit();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...VALID, category: 'spam' }, 'category'],
      [{ ...VALID, topic: '' }, 'topic'],
      [{ ...VALID, topic: '长'.repeat(41) }, 'topic'],
      [{ ...VALID, body: '太短了' }, 'body'],
      [{ ...VALID, body: '长'.repeat(1001) }, 'body'],
      [{ ...VALID, contactPhone: '12345' }, 'contactPhone'],
      [{ ...VALID, website: 'http://spam.example' }, 'website'],
    ];
    for (const [body, path] of cases) {
      const res = await submit(T, unitId, body);
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(await complaintRows(unitId)).toEqual([]);
    const db = await tenantDbOf(T);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'complaint.submit'));
    expect(audits.filter((a) => (a.details as { unitId?: string } | null)?.unitId === unitId)).toEqual([]);
  });

  it('answers 404 for an archived, unknown or other tenant’s unit', async () => {
    const otherUnit = await freshUnit('test-college');
    expectErrorShape(await submit(T, otherUnit), 404, 'NOT_FOUND');
    expectErrorShape(await submit(T, crypto.randomUUID()), 404, 'NOT_FOUND');
    expectErrorShape(await submit(T, 'not-a-uuid'), 404, 'NOT_FOUND');
    const archived = await freshUnit();
    const db = await tenantDbOf(T);
    const { units } = await import('../../db/schema/tenant');
    await db.update(units).set({ status: 'archived' }).where(eq(units.id, archived));
    expectErrorShape(await submit(T, archived), 404, 'NOT_FOUND');
    // A code from one tenant finds nothing in another.
    const own = await submit('test-college', otherUnit);
    expect(own.status).toBe(201);
    expectErrorShape(await api(`${base}/public/complaints/${own.body.trackingCode}`), 404, 'NOT_FOUND');
  });

  it('limits one address to 5 complaints an hour (429 with Retry-After)', async () => {
    const ip = randomClientIp();
    const units = await Promise.all([1, 2, 3].map(() => freshUnit()));
    for (let i = 0; i < 5; i++) {
      const res = await submit(T, units[i % 3] as string, VALID, ip);
      expect(res.status).toBe(201);
    }
    const sixth = await submit(T, units[0] as string, VALID, ip);
    expectErrorShape(sixth, 429, 'RATE_LIMITED');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await submit(T, units[0] as string)).status).toBe(201);
  });

  it('limits a unit to 50 complaints a day from all addresses', async () => {
    const unitId = await freshUnit();
    for (let i = 0; i < 50; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => submit(T, unitId)));
      expect(batch.map((r) => r.status)).toEqual(Array(10).fill(201));
    }
    expectErrorShape(await submit(T, unitId), 429, 'RATE_LIMITED');
    expect((await complaintRows(unitId)).length).toBe(50);
  });

  it('limits tracking lookups per address; an unknown code is 404 only within the limit', async () => {
    const ip = randomClientIp();
    for (let i = 0; i < 30; i++) {
      const res = await api(`${base}/public/complaints/ABCDEFGHJK`, { headers: { 'cf-connecting-ip': ip } });
      expectErrorShape(res, 404, 'NOT_FOUND');
    }
    const res = await api(`${base}/public/complaints/ABCDEFGHJK`, { headers: { 'cf-connecting-ip': ip } });
    expectErrorShape(res, 429, 'RATE_LIMITED');
  });

  it('makes unguessable tracking codes: 10 characters of an unambiguous alphabet, all different', async () => {
    const unitId = await freshUnit();
    const codes = await Promise.all(
      Array.from({ length: 8 }, async () => (await submit(T, unitId)).body.trackingCode as string),
    );
    expect(new Set(codes).size).toBe(8);
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$/);
  });
});

describe('the sender’s photo', () => {
  it('accepts one image, refuses a non-image (415), a second photo (409) and a late one (409)', async () => {
    const c = await complaintForStaff();
    expectErrorShape(
      await uploadPhoto(
        c.code,
        new TextEncoder().encode('<svg onload=alert(1)>'),
        undefined,
        'image/svg+xml',
      ),
      415,
      'UNSUPPORTED_FILE',
    );
    const ok = await uploadPhoto(c.code, tinyPng());
    expect(ok.status).toBe(200);
    expectErrorShape(await uploadPhoto(c.code, tinyPng()), 409, 'CONFLICT');

    const admin = await cookieOf('role_admin');
    const detail = await api(`${base}/complaints/${c.id}`, { cookie: admin });
    expect(detail.body.complaint.hasPhoto).toBe(true);
    const photo = await fetchRaw(`${base}/complaints/${c.id}/photo`, admin);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(photo.headers.get('cache-control')).toContain('private');

    const late = await complaintForStaff();
    const db = await tenantDbOf(T);
    await db
      .update(complaints)
      .set({ createdAt: new Date(Date.now() - 3 * 3600_000).toISOString() })
      .where(eq(complaints.id, late.id));
    expectErrorShape(await uploadPhoto(late.code, tinyPng()), 409, 'CONFLICT');
    const events = await db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, late.id));
    expect(events.map((e) => e.action)).not.toContain('photo');
    expectErrorShape(await uploadPhoto('ZZZZZZZZZZ', tinyPng()), 404, 'NOT_FOUND');
  });

  it('is 404 in the office for a complaint without a photo', async () => {
    const c = await complaintForStaff();
    const res = await api(`${base}/complaints/${c.id}/photo`, { cookie: await cookieOf('role_admin') });
    expectErrorShape(res, 404, 'NOT_FOUND');
  });
});

async function fetchRaw(path: string, cookie: string) {
  const { stack } = await import('../support/api');
  return fetch(`${stack.url}${path}`, { headers: { cookie, connection: 'close' } });
}
