import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  evidenceFiles,
  findingEvents,
  findings,
  visitInspectors,
  visits,
} from '../../db/schema/tenant';
import { addDays } from '../../worker/dates';
import { newTemplate } from '../checklists/fixtures';
import { newInspector } from '../inspectors/fixtures';
import { type ApiResponse, api, expectErrorShape, stack, tenantDbOf } from '../support/api';
import { archivedUnit } from '../units/fixtures';
import {
  cookieOf,
  inspectorOf,
  modulePath,
  newPhoto,
  today,
  type VisitSetup,
  visitBody,
  visitSetup,
} from './fixtures';

const COUNTY = 'test-county';
const COLLEGE = 'test-college';
const visitsPath = (tenant = COUNTY, module = 'management') => `${modulePath(tenant, module)}/visits`;

let admin = '';
let director = '';
let viewer = '';
let inspector = '';
let collegeDirector = '';
let deadlineDays = 14;
beforeAll(async () => {
  [admin, director, viewer, inspector, collegeDirector] = await Promise.all([
    cookieOf(COUNTY, 'role_admin'),
    cookieOf(COUNTY, 'role_director'),
    cookieOf(COUNTY, 'role_viewer'),
    cookieOf(COUNTY, 'role_inspector'),
    cookieOf(COLLEGE, 'role_director'),
  ]);
  const config = await api(`/api/t/${COUNTY}/config`, { cookie: admin });
  deadlineDays = config.body.config.visits.defaultDeadlineDays;
});

function issuesOf(res: ApiResponse) {
  return (res.body.error.details?.issues ?? []) as { path: string; message: string }[];
}

/** What a visit id left in the database: its row, team, findings and audit, and its unit's findings. */
async function writtenFor(tenant: string, visitId: string, unitId: string) {
  const db = await tenantDbOf(tenant);
  const [[v], [t], [f], [u], [a]] = await db.batch([
    db.select({ n: count() }).from(visits).where(eq(visits.id, visitId)),
    db.select({ n: count() }).from(visitInspectors).where(eq(visitInspectors.visitId, visitId)),
    db.select({ n: count() }).from(findings).where(eq(findings.visitId, visitId)),
    db.select({ n: count() }).from(findings).where(eq(findings.unitId, unitId)),
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'visit'), eq(auditLog.entityId, visitId))),
  ]);
  return { visits: v?.n, team: t?.n, findings: f?.n, unitFindings: u?.n, audits: a?.n };
}

async function evidenceRow(tenant: string, id: string) {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return row;
}

const NOTHING = { visits: 0, team: 0, findings: 0, unitFindings: 0, audits: 0 };

describe('submit', () => {
  it('stores the visit, its team, the findings its answers drafted and the photos’ ownership, audited', async () => {
    const setup = await visitSetup(COUNTY, 'management', 2);
    const [findingPhoto, visitPhoto] = await Promise.all([newPhoto(COUNTY), newPhoto(COUNTY)]);
    const body = visitBody(setup, {
      answers: {
        gate_guard: { value: false, note: '无人值守', photos: [findingPhoto] },
        gate_score: { value: 6.5, photos: [visitPhoto] },
        gate_register: { value: '纸质' },
      },
    });
    const res = await api(visitsPath(), { cookie: admin, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.duplicate).toBe(false);
    const visit = res.body.visit;
    expect(visit).toMatchObject({
      id: body.id,
      module: 'management',
      kind: 'routine',
      unitId: setup.unitId,
      visitedOn: today(),
      theme: '校园安全',
      methods: ['site', 'documents'],
      score: 6.5,
      maxScore: 10,
      summary: '门卫管理规范。',
      feedback: '已向校长反馈。',
      feedbackSignedBy: '王校长',
      templateId: setup.templateId,
      templateVersion: 1,
      findingCount: 1,
    });
    expect(visit.unitName).toMatch(/测试学校/);
    expect(visit.team.map((m: { id: string }) => m.id)).toEqual(setup.team);
    expect(visit.team[0].lead).toBe(true);
    expect(visit.leadName).toBe(visit.team[0].name);
    expect(visit.template.body.sections[0].key).toBe('gate');
    expect(visit.answers.gate_guard).toEqual({ value: false, note: '无人值守', photos: [findingPhoto] });
    expect(visit.findings).toHaveLength(1);
    const finding = visit.findings[0];
    expect(finding).toMatchObject({
      itemKey: 'gate_guard',
      category: '门卫与出入',
      severity: 'general',
      description: '不符合“校园出入口有专人值守”：无人值守',
      status: 'open',
      deadline: addDays(today(), deadlineDays),
    });
    // The finding owns the photo of its item (its unit's manager sees it); the visit owns the rest.
    expect(await evidenceRow(COUNTY, findingPhoto)).toMatchObject({
      ownerType: 'finding',
      ownerId: finding.id,
    });
    expect(await evidenceRow(COUNTY, visitPhoto)).toMatchObject({ ownerType: 'visit', ownerId: body.id });
    const photos = Object.fromEntries(
      visit.photos.map((p: { id: string; itemKey: string }) => [p.id, p.itemKey]),
    );
    expect(photos).toEqual({ [findingPhoto]: 'gate_guard', [visitPhoto]: 'gate_score' });

    expect(await writtenFor(COUNTY, body.id, setup.unitId)).toEqual({
      visits: 1,
      team: 2,
      findings: 1,
      unitFindings: 1,
      audits: 1,
    });
    const db = await tenantDbOf(COUNTY);
    const events = await db.select().from(findingEvents).where(eq(findingEvents.findingId, finding.id));
    expect(events.map((e) => e.action)).toEqual(['created']);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'visit'), eq(auditLog.entityId, body.id)));
    expect(audit?.action).toBe('visit.submit');
    expect(audit?.details).toMatchObject({
      module: 'management',
      unitId: setup.unitId,
      findings: [finding.id],
    });

    // Readers see it; the detail is the same.
    const detail = await api(`${visitsPath()}/${body.id}`, { cookie: viewer });
    expect(detail.status).toBe(200);
    expect(detail.body.visit).toMatchObject({ id: body.id, findingCount: 1, score: 6.5 });
    const list = await api(`${visitsPath()}?unitId=${setup.unitId}`, { cookie: viewer });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      id: body.id,
      unitName: visit.unitName,
      leadName: visit.leadName,
      score: 6.5,
      maxScore: 10,
      findingCount: 1,
      kind: 'routine',
    });
    // Another module does not have it.
    const safety = await api(`${visitsPath(COUNTY, 'safety')}/${body.id}`, { cookie: viewer });
    expectErrorShape(safety, 404, 'NOT_FOUND');
    // Another tenant does not have it.
    const college = await api(`${visitsPath(COLLEGE)}/${body.id}`, { cookie: collegeDirector });
    expectErrorShape(college, 404, 'NOT_FOUND');
  });

  it('list filters by kind and period, newest visit day first', async () => {
    const setup = await visitSetup(COUNTY, 'management', 3);
    const days = [addDays(today(), -30), addDays(today(), -10), addDays(today(), -20)];
    for (const [i, visitedOn] of days.entries()) {
      const res = await api(visitsPath(), {
        cookie: director,
        body: visitBody(setup, { visitedOn, kind: i === 0 ? 'comprehensive' : 'routine' }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const all = await api(`${visitsPath()}?unitId=${setup.unitId}&pageSize=10`, { cookie: viewer });
    expect(all.body.items.map((v: { visitedOn: string }) => v.visitedOn)).toEqual([
      days[1],
      days[2],
      days[0],
    ]);
    const comprehensive = await api(`${visitsPath()}?unitId=${setup.unitId}&kind=comprehensive`, {
      cookie: viewer,
    });
    expect(comprehensive.body.items.map((v: { visitedOn: string }) => v.visitedOn)).toEqual([days[0]]);
    const period = await api(`${visitsPath()}?unitId=${setup.unitId}&from=${days[2]}&to=${days[1]}`, {
      cookie: viewer,
    });
    expect(period.body.total).toBe(2);
    const paged = await api(`${visitsPath()}?unitId=${setup.unitId}&pageSize=1&page=2`, { cookie: viewer });
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.body.items[0].visitedOn).toBe(days[2]);
    const bad = await api(`${visitsPath()}?kind=nonsense`, { cookie: viewer });
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    const reversed = await api(`${visitsPath()}?from=${days[1]}&to=${days[0]}`, { cookie: viewer });
    expectErrorShape(reversed, 422, 'VALIDATION_FAILED');
  });

  it('college: a comprehensive visit in teaching with a team of three', async () => {
    const setup = await visitSetup(COLLEGE, 'teaching', 3);
    const body = visitBody(setup, { kind: 'comprehensive', methods: ['lesson', 'interviews'] });
    const res = await api(visitsPath(COLLEGE, 'teaching'), { cookie: collegeDirector, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.visit.team).toHaveLength(3);
    const two = visitBody({ ...setup, team: setup.team.slice(0, 2) }, { kind: 'comprehensive' });
    const refused = await api(visitsPath(COLLEGE, 'teaching'), { cookie: collegeDirector, body: two });
    expectErrorShape(refused, 422, 'VALIDATION_FAILED');
    expect(issuesOf(refused)[0]?.path).toBe('team');
    expect(await writtenFor(COLLEGE, two.id, setup.unitId)).toMatchObject({ visits: 0, team: 0, audits: 0 });
  });

  it('a module the tenant has off is refused', async () => {
    const setup = await visitSetup(COUNTY, 'management');
    const res = await api(visitsPath(COUNTY, 'study'), { cookie: admin, body: visitBody(setup) });
    expectErrorShape(res, 403, 'MODULE_DISABLED');
  });
});

describe('retries', () => {
  it('the same visit sent again by the same user: 200 duplicate, nothing written twice', async () => {
    const setup = await visitSetup();
    const photo = await newPhoto(COUNTY);
    const body = visitBody(setup, {
      answers: { gate_guard: { value: false, note: '无人', photos: [photo] } },
    });
    const first = await api(visitsPath(), { cookie: admin, body });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // Keys in another order are the same content.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await api(visitsPath(), { cookie: admin, body: reordered });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.visit.id).toBe(body.id);
    expect(again.body.visit.findings.map((f: { id: string }) => f.id)).toEqual(
      first.body.visit.findings.map((f: { id: string }) => f.id),
    );
    expect(await writtenFor(COUNTY, body.id, setup.unitId)).toEqual({
      visits: 1,
      team: 1,
      findings: 1,
      unitFindings: 1,
      audits: 1,
    });
  });

  it('the same id with other content, or by another user: 409, the stored visit unchanged', async () => {
    const setup = await visitSetup();
    const body = visitBody(setup);
    expect((await api(visitsPath(), { cookie: admin, body })).status).toBe(201);
    const changed = await api(visitsPath(), { cookie: admin, body: { ...body, summary: '改过的意见' } });
    expectErrorShape(changed, 409, 'CONFLICT');
    const otherUser = await api(visitsPath(), { cookie: director, body });
    expectErrorShape(otherUser, 409, 'CONFLICT');
    const otherModule = await api(visitsPath(COUNTY, 'safety'), { cookie: admin, body });
    expectErrorShape(otherModule, 409, 'CONFLICT');
    const stored = await api(`${visitsPath()}/${body.id}`, { cookie: admin });
    expect(stored.body.visit.summary).toBe('门卫管理规范。');
    expect(await writtenFor(COUNTY, body.id, setup.unitId)).toMatchObject({ visits: 1, team: 1, audits: 1 });
  });

  it('two identical posts at once make one visit: one 201 and one duplicate', async () => {
    const setup = await visitSetup();
    const photo = await newPhoto(COUNTY);
    const body = visitBody(setup, {
      answers: { gate_guard: { value: false, note: '无人', photos: [photo] } },
    });
    const answers = await Promise.all([
      api(visitsPath(), { cookie: admin, body }),
      api(visitsPath(), { cookie: admin, body }),
      api(visitsPath(), { cookie: admin, body }),
    ]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses, JSON.stringify(answers.map((r) => r.body))).toEqual([200, 200, 201]);
    expect(answers.filter((r) => r.body.duplicate === true)).toHaveLength(2);
    expect(await writtenFor(COUNTY, body.id, setup.unitId)).toEqual({
      visits: 1,
      team: 1,
      findings: 1,
      unitFindings: 1,
      audits: 1,
    });
  });
  it('two visits racing for one photo: one takes it, the other is refused and writes nothing', async () => {
    const setup = await visitSetup();
    const photo = await newPhoto(COUNTY);
    const bodies = [0, 1].map(() =>
      visitBody(setup, {
        answers: { gate_guard: { value: true }, gate_score: { value: 5, photos: [photo] } },
      }),
    );
    const answers = await Promise.all(bodies.map((body) => api(visitsPath(), { cookie: admin, body })));
    expect(answers.map((r) => r.status).sort(), JSON.stringify(answers.map((r) => r.body))).toEqual([
      201, 422,
    ]);
    const winner = bodies[answers.findIndex((r) => r.status === 201)];
    const loser = bodies[answers.findIndex((r) => r.status === 422)];
    expect(await evidenceRow(COUNTY, photo)).toMatchObject({ ownerType: 'visit', ownerId: winner?.id });
    expect(await writtenFor(COUNTY, String(loser?.id), setup.unitId)).toMatchObject({
      visits: 0,
      team: 0,
      audits: 0,
    });
  });
});

describe('refused submissions write nothing', () => {
  let setup: VisitSetup;
  beforeAll(async () => {
    setup = await visitSetup(COUNTY, 'management', 1);
  });

  async function refused(body: Record<string, unknown>, status = 422, cookie = admin) {
    const res = await api(visitsPath(), { cookie, body });
    expectErrorShape(
      res,
      status,
      status === 422 ? 'VALIDATION_FAILED' : status === 403 ? 'FORBIDDEN' : 'CONFLICT',
    );
    expect(await writtenFor(COUNTY, String(body.id), String(body.unitId))).toEqual(NOTHING);
    return res;
  }

  it('a required item left unanswered', async () => {
    const res = await refused(visitBody(setup, { answers: { gate_score: { value: 5 } } }));
    expect(issuesOf(res)).toContainEqual({
      path: 'answers.gate_guard.value',
      message: expect.stringMatching(/必填/),
    });
  });

  it('a 否 without the note its rule asks for', async () => {
    const res = await refused(visitBody(setup, { answers: { gate_guard: { value: false } } }));
    expect(issuesOf(res)[0]).toMatchObject({ path: 'answers.gate_guard.note' });
  });

  it('a value of the wrong type, a score over the max, an unknown item', async () => {
    const wrong = await refused(visitBody(setup, { answers: { gate_guard: { value: 'yes' } } }));
    expect(issuesOf(wrong)[0]).toMatchObject({ path: 'answers.gate_guard.value' });
    const over = await refused(
      visitBody(setup, { answers: { gate_guard: { value: true }, gate_score: { value: 11 } } }),
    );
    expect(issuesOf(over)[0]).toMatchObject({ path: 'answers.gate_score.value' });
    const unknown = await refused(
      visitBody(setup, { answers: { gate_guard: { value: true }, nope: { value: 1 } } }),
    );
    expect(issuesOf(unknown)[0]?.path).toMatch(/^answers/);
    const notObject = await refused(visitBody(setup, { answers: [] }));
    expect(issuesOf(notObject)[0]?.path).toMatch(/^answers/);
  });

  it('a template of another module, a version that does not exist', async () => {
    const safetyTemplate = await newTemplate(COUNTY, 'safety');
    const other = await refused(visitBody({ ...setup, templateId: safetyTemplate }));
    expect(issuesOf(other)[0]?.path).toBe('templateId');
    await refused(visitBody(setup, { templateVersion: 99 }));
  });

  it('a visit day in the future, more than a year back, or not a date', async () => {
    const future = await refused(visitBody(setup, { visitedOn: addDays(today(), 1) }));
    expect(issuesOf(future)[0]?.path).toBe('visitedOn');
    const old = await refused(visitBody(setup, { visitedOn: addDays(today(), -366) }));
    expect(issuesOf(old)[0]?.path).toBe('visitedOn');
    await refused(visitBody(setup, { visitedOn: '2026-02-30' }));
  });

  it('an archived or unknown unit', async () => {
    const archived = await archivedUnit(COUNTY);
    const res = await refused(visitBody({ ...setup, unitId: archived }));
    expect(issuesOf(res)[0]).toMatchObject({ path: 'unitId', message: expect.stringMatching(/归档/) });
    await refused(visitBody({ ...setup, unitId: crypto.randomUUID() }));
  });

  it('a team member who does not exist, a repeated member, an empty team, a comprehensive visit of one', async () => {
    const ghost = await refused(
      visitBody({ ...setup, team: [setup.team[0] as string, crypto.randomUUID()] }),
    );
    expect(issuesOf(ghost)[0]?.path).toBe('team.1');
    await refused(visitBody({ ...setup, team: [setup.team[0], setup.team[0]] as string[] }));
    await refused(visitBody({ ...setup, team: [] }));
    await refused(visitBody(setup, { kind: 'comprehensive' }));
    await refused(visitBody(setup, { methods: [] }));
    await refused(visitBody(setup, { kind: 'walk' }));
  });

  it('photos that were never uploaded, are another user’s, another module’s, or another visit’s', async () => {
    const withPhoto = (photo: string) =>
      visitBody(setup, {
        answers: { gate_guard: { value: true }, gate_score: { value: 5, photos: [photo] } },
      });
    const missing = await refused(withPhoto(crypto.randomUUID()));
    expect(missing.body.error.message).toMatch(/门卫管理总体评价.*第 1 张照片/);
    expect(issuesOf(missing)[0]?.path).toBe('answers.gate_score.photos');

    const directors = await newPhoto(COUNTY, 'role_director');
    const notMine = await refused(withPhoto(directors));
    expect(notMine.body.error.details.evidenceId).toBe(directors);
    expect(await evidenceRow(COUNTY, directors)).toMatchObject({ ownerId: null });

    const safety = await newPhoto(COUNTY, 'role_admin', 'safety');
    await refused(withPhoto(safety));

    const taken = await newPhoto(COUNTY);
    const first = withPhoto(taken);
    expect((await api(visitsPath(), { cookie: admin, body: first })).status).toBe(201);
    await refused(withPhoto(taken));
    expect(await evidenceRow(COUNTY, taken)).toMatchObject({ ownerType: 'visit', ownerId: first.id });

    // A good photo next to a bad one is left unowned too.
    const good = await newPhoto(COUNTY);
    await refused(
      visitBody(setup, {
        answers: {
          gate_guard: { value: true, photos: [good] },
          gate_score: { value: 5, photos: [directors] },
        },
      }),
    );
    expect(await evidenceRow(COUNTY, good)).toMatchObject({ ownerId: null });
  });

  it('viewers cannot record', async () => {
    await refused(visitBody(setup), 403, viewer);
  });
});

describe('own units only (visits.ownUnitsOnly)', () => {
  it('an inspector records only at units they answer for; the director anywhere', async () => {
    const [outside, inside] = await Promise.all([visitSetup(), visitSetup()]);
    await inspectorOf(COUNTY, 'role_inspector', inside.unitId);
    const body = visitBody(outside);
    const res = await api(visitsPath(), { cookie: inspector, body });
    expectErrorShape(res, 403, 'FORBIDDEN');
    expect(res.body.error.message).toMatch(/负责范围/);
    expect(await writtenFor(COUNTY, body.id, outside.unitId)).toEqual(NOTHING);
    const ok = await api(visitsPath(), { cookie: inspector, body: visitBody(inside) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const byDirector = await api(visitsPath(), { cookie: director, body: visitBody(outside) });
    expect(byDirector.status).toBe(201);
  });
});

describe('record.docx', () => {
  it('is a Word file (a zip, PK…) with the unit, team, answers and findings', async () => {
    const setup = await visitSetup(COUNTY, 'management', 2);
    const body = visitBody(setup, {
      answers: { gate_guard: { value: false, note: '值守缺位' }, gate_score: { value: 7 } },
    });
    const sent = await api(visitsPath(), { cookie: admin, body });
    expect(sent.status).toBe(201);
    const res = await fetch(`${stack.url}${visitsPath()}/${body.id}/record.docx`, {
      headers: { cookie: viewer, connection: 'close' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(res.headers.get('content-disposition')).toMatch(/visit-record\.docx/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
    // The parts are stored uncompressed: the text is in the file as UTF-8.
    const text = new TextDecoder().decode(bytes);
    for (const expected of [
      '督导记录',
      sent.body.visit.unitName,
      sent.body.visit.team[0].name,
      '值守缺位',
      '7 / 10 分',
      '王校长',
      '门卫与出入：不符合“校园出入口有专人值守”：值守缺位',
    ]) {
      expect(text).toContain(expected);
    }
    const missing = await api(`${visitsPath()}/${crypto.randomUUID()}/record.docx`, { cookie: viewer });
    expectErrorShape(missing, 404, 'NOT_FOUND');
  });
});

describe('more team', () => {
  it('team members must be active inspectors', async () => {
    const setup = await visitSetup();
    const gone = await newInspector(COUNTY);
    await api(`/api/t/${COUNTY}/inspectors/${gone}/archive`, { method: 'POST', cookie: admin });
    const body = visitBody({ ...setup, team: [gone] });
    const res = await api(visitsPath(), { cookie: admin, body });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuesOf(res)[0]).toMatchObject({ path: 'team.0', message: expect.stringMatching(/归档/) });
    expect(await writtenFor(COUNTY, body.id, setup.unitId)).toEqual(NOTHING);
  });
});
