import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, findingEvents, findings, notifications, users } from '../../db/schema/tenant';
import { tinyPng } from '../inspectors/fixtures';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { archivedUnit, newUnit } from '../units/fixtures';
import { beijingDay, findingsPath, issuedFinding, newFinding, suffix, unitOfUser } from './fixtures';

const TENANTS = ['test-county', 'test-college'] as const;
const cookies: Record<string, { admin: string; manager: string; inspector: string }> = {};

beforeAll(async () => {
  for (const t of TENANTS) {
    cookies[t] = {
      admin: await signIn(t, 'role_admin'),
      manager: await signIn(t, 'role_unit_manager'),
      inspector: await signIn(t, 'role_inspector'),
    };
  }
});

const post = (path: string, cookie: string, body: unknown = {}) => api(path, { cookie, body });
const get = (path: string, cookie: string) => api(path, { cookie });

async function uploadPhoto(tenant: string, module: string, cookie: string): Promise<string> {
  const id = crypto.randomUUID();
  const res = await api(`/api/t/${tenant}/${module}/evidence/${id}`, {
    method: 'POST',
    cookie,
    rawBody: tinyPng(),
    headers: { 'content-type': 'image/png' },
  });
  if (res.status >= 300) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

async function eventsOf(tenant: string, id: string) {
  const db = await tenantDbOf(tenant);
  return db.select().from(findingEvents).where(eq(findingEvents.findingId, id)).orderBy(findingEvents.id);
}

describe.each(TENANTS)('the rectification loop in %s', (tenant) => {
  const base = findingsPath(tenant, 'safety');

  it('create → issue → report with a photo → close, each step with its event, notification and audit row', async () => {
    const { admin, manager } = cookies[tenant] as (typeof cookies)[string];
    const unitId = await unitOfUser(tenant, 'role_unit_manager');
    const description = `灭火器过期${suffix()}`;
    const created = await post(base, admin, {
      unitId,
      category: '消防安全',
      severity: 'serious',
      description,
      requirement: '立即更换',
      responsiblePerson: '赵丽娟',
      deadline: beijingDay(5),
    });
    expect(created.status).toBe(201);
    const f = created.body.finding;
    expect(f).toMatchObject({
      module: 'safety',
      unitId,
      status: 'open',
      severity: 'serious',
      noticeNo: null,
      overdue: false,
      requirement: '立即更换',
    });
    expect(typeof f.unitName).toBe('string');
    expect(f.events.map((e: { action: string }) => e.action)).toEqual(['created']);
    expect(f.events[0].actionLabel).toBe('登记问题');

    // The unit does not see an open finding (the office's draft).
    expectErrorShape(await get(`${base}/${f.id}`, manager), 404, 'NOT_FOUND');
    // Nothing to report or close before it is issued.
    expectErrorShape(await post(`${base}/${f.id}/close`, admin, { note: 'x' }), 409, 'CONFLICT');
    expectErrorShape(await get(`${base}/${f.id}/notice.docx`, admin), 409, 'CONFLICT');

    // Two clicks at once: one issue applies, the other is refused, one event.
    const [a, b] = await Promise.all([
      post(`${base}/${f.id}/issue`, admin),
      post(`${base}/${f.id}/issue`, admin),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const issued = (a.status === 200 ? a : b).body.finding;
    expect(issued.status).toBe('issued');
    expect(issued.noticeNo).toMatch(/^督整〔\d{4}〕第\d+号$/);
    expect(issued.issuedAt).toBeTruthy();
    expect((await eventsOf(tenant, f.id)).map((e) => e.action)).toEqual(['created', 'issue']);

    // The unit's managers are told; the unit sees it in its list.
    const db = await tenantDbOf(tenant);
    const [mgr] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'role_unit_manager'));
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, f.id), eq(notifications.userId, mgr?.id ?? '')));
    expect(told.map((n) => n.kind)).toEqual(['finding_issued']);
    expect(told[0]?.link).toBe(`my-findings/safety/${f.id}`);
    const mine = await get(`/api/t/${tenant}/my-findings?pageSize=100`, manager);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(f.id);
    expect(mine.body).toMatchObject({ page: 1, pageSize: 100 });

    // The notice as Word.
    const docx = await api(`${base}/${f.id}/notice.docx`, { cookie: manager });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');

    // An inspector cannot report; the unit manager reports with a photo they uploaded.
    const photo = await uploadPhoto(tenant, 'safety', manager);
    expectErrorShape(
      await post(`${base}/${f.id}/report`, cookies[tenant]?.inspector ?? '', { note: 'x', evidence: [] }),
      403,
      'FORBIDDEN',
    );
    const reported = await post(`${base}/${f.id}/report`, manager, {
      note: '已更换灭火器',
      evidence: [photo],
    });
    expect(reported.status).toBe(200);
    expect(reported.body.finding.status).toBe('reported');
    const reportEvent = reported.body.finding.events.at(-1);
    expect(reportEvent).toMatchObject({ action: 'report', note: '已更换灭火器', evidence: [photo] });
    expect(reported.body.finding.evidence).toEqual([
      expect.objectContaining({ id: photo, ownerType: 'rectification' }),
    ]);
    // A second report is refused and the photo cannot serve another finding.
    expectErrorShape(
      await post(`${base}/${f.id}/report`, manager, { note: '再报', evidence: [] }),
      409,
      'CONFLICT',
    );
    const other = await issuedFinding(tenant, 'safety');
    const reused = await post(`${base}/${other}/report`, manager, { note: '借用照片', evidence: [photo] });
    expectErrorShape(reused, 422, 'VALIDATION_FAILED');
    expect((await eventsOf(tenant, other)).map((e) => e.action)).toEqual(['created', 'issue']);

    // A unit manager can never close.
    expectErrorShape(await post(`${base}/${f.id}/close`, manager, { note: '自己销号' }), 403, 'FORBIDDEN');
    const closed = await post(`${base}/${f.id}/close`, admin, { note: '现场复查合格' });
    expect(closed.status).toBe(200);
    expect(closed.body.finding).toMatchObject({ status: 'closed' });
    expect(closed.body.finding.closedAt).toBeTruthy();
    expectErrorShape(await post(`${base}/${f.id}/close`, admin, { note: '再销一次' }), 409, 'CONFLICT');
    expect((await eventsOf(tenant, f.id)).map((e) => e.action)).toEqual([
      'created',
      'issue',
      'report',
      'close',
    ]);

    const audits = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'finding'), eq(auditLog.entityId, f.id)))
      .orderBy(auditLog.id);
    expect(audits.map((x) => x.action)).toEqual([
      'finding.create',
      'finding.issue',
      'finding.report',
      'finding.close',
    ]);
    // Closed findings leave the unit's list unless asked for.
    const after = await get(`/api/t/${tenant}/my-findings?pageSize=100`, manager);
    expect(after.body.items.map((r: { id: string }) => r.id)).not.toContain(f.id);
    const closedMine = await get(`/api/t/${tenant}/my-findings?status=closed&pageSize=100`, manager);
    expect(closedMine.body.items.map((r: { id: string }) => r.id)).toContain(f.id);
  });

  it('reject sends a report back with a reason and a new deadline; a past one is refused', async () => {
    const { admin, manager } = cookies[tenant] as (typeof cookies)[string];
    const id = await issuedFinding(tenant, 'safety');
    expect((await post(`${base}/${id}/report`, manager, { note: '已整改', evidence: [] })).status).toBe(200);
    const past = await post(`${base}/${id}/reject`, admin, { reason: '照片不清', deadline: beijingDay(-1) });
    expectErrorShape(past, 422, 'VALIDATION_FAILED');
    expectErrorShape(await post(`${base}/${id}/reject`, admin, { reason: '' }), 422, 'VALIDATION_FAILED');
    const rejected = await post(`${base}/${id}/reject`, admin, {
      reason: '照片不清',
      deadline: beijingDay(10),
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.finding).toMatchObject({
      status: 'issued',
      deadline: beijingDay(10),
      reportedAt: null,
    });
    expect(rejected.body.finding.events.at(-1)).toMatchObject({ action: 'reject' });
    expect(rejected.body.finding.events.at(-1).note).toContain('照片不清');
    // Reporting again works after a rejection.
    expect((await post(`${base}/${id}/report`, manager, { note: '重新整改', evidence: [] })).status).toBe(
      200,
    );
  });
});

describe('bad input and other people’s findings', () => {
  const T = 'test-county';
  const base = findingsPath(T, 'safety');

  it('refuses a past deadline, an archived unit, a visit of another module, and writes nothing', async () => {
    const admin = cookies[T]?.admin ?? '';
    const unitId = await newUnit(T);
    const description = `不应写入${suffix()}`;
    const body = { unitId, category: '消防', severity: 'general', description, deadline: beijingDay(-1) };
    const past = await post(base, admin, body);
    expectErrorShape(past, 422, 'VALIDATION_FAILED');
    expect(past.body.error.details.issues[0].path).toBe('deadline');
    const archived = await post(base, admin, {
      ...body,
      unitId: await archivedUnit(T),
      deadline: beijingDay(1),
    });
    expectErrorShape(archived, 422, 'VALIDATION_FAILED');
    const noVisit = await post(base, admin, {
      ...body,
      deadline: beijingDay(1),
      visitId: crypto.randomUUID(),
    });
    expectErrorShape(noVisit, 422, 'VALIDATION_FAILED');
    expect(noVisit.body.error.details.issues[0].path).toBe('visitId');
    expectErrorShape(await post(base, admin, { ...body, severity: 'huge' }), 422, 'VALIDATION_FAILED');
    const db = await tenantDbOf(T);
    const [n] = await db.select({ n: count() }).from(findings).where(eq(findings.description, description));
    expect(n?.n).toBe(0);
  });

  it('a unit manager of another unit, another module or another tenant gets 404', async () => {
    const { manager, admin } = cookies[T] as (typeof cookies)[string];
    const elsewhere = await newFinding(T, 'safety', { unitId: await newUnit(T) });
    await post(`${base}/${elsewhere}/issue`, admin);
    expectErrorShape(await get(`${base}/${elsewhere}`, manager), 404, 'NOT_FOUND');
    expectErrorShape(
      await post(`${base}/${elsewhere}/report`, manager, { note: 'x', evidence: [] }),
      404,
      'NOT_FOUND',
    );
    const list = await get(`${base}?pageSize=100`, manager);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(elsewhere);
    // Another module of the same tenant, another tenant.
    expectErrorShape(await get(`${findingsPath(T, 'management')}/${elsewhere}`, admin), 404, 'NOT_FOUND');
    expectErrorShape(
      await get(
        `${findingsPath('test-college', 'safety')}/${elsewhere}`,
        cookies['test-college']?.admin ?? '',
      ),
      404,
      'NOT_FOUND',
    );
    // A module the tenant has off.
    expectErrorShape(await get(findingsPath(T, 'study'), admin), 403, 'MODULE_DISABLED');
  });

  it('lists with filters; numbers count up within the year and never repeat', async () => {
    const admin = cookies[T]?.admin ?? '';
    const unitId = await newUnit(T);
    const ids = await Promise.all(
      [1, 2, 3].map(() => newFinding(T, 'safety', { unitId, severity: 'major' })),
    );
    const issued = await Promise.all(ids.map((id) => post(`${base}/${id}/issue`, admin)));
    const numbers = issued.map((r) => r.body.finding.noticeNo as string);
    expect(new Set(numbers).size).toBe(3);
    const list = await get(`${base}?unitId=${unitId}&status=issued&severity=major`, admin);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items[0]).toMatchObject({ unitId, status: 'issued', overdue: false });
    const none = await get(`${base}?unitId=${unitId}&overdue=1`, admin);
    expect(none.body.total).toBe(0);
    // Overdue: a deadline in the past, written straight (the API refuses one).
    const db = await tenantDbOf(T);
    await db
      .update(findings)
      .set({ deadline: beijingDay(-2) })
      .where(eq(findings.id, ids[0] ?? ''));
    const late = await get(`${base}?unitId=${unitId}&overdue=1`, admin);
    expect(late.body.items.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([
      [ids[0], true],
    ]);
    expectErrorShape(await get(`${base}?status=lost`, admin), 422, 'VALIDATION_FAILED');
  });
});
