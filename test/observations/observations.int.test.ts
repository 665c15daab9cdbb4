import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../../db/schema/control';
import { auditLog, notifications, observationRubrics, observations, users } from '../../db/schema/tenant';
import { presetFor } from '../../tenants/presets';
import { provisionTenant } from '../../tenants/provisioning/provision';
import { addDays, beijingDate } from '../../worker/dates';
import { semesterKeyOf } from '../../worker/semesters';
import { adminCookie } from '../accounts/fixtures';
import { type ApiResponse, api, databases, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import {
  builtinRubric,
  cookieOf,
  lessonDay,
  newObservation,
  newTeacher,
  observationBody,
  observationsPath,
  SEMESTERS,
  scores,
  unitOf,
  userIdOf,
} from './fixtures';

const TENANTS = ['test-county', 'test-college'];

function issuesOf(res: ApiResponse) {
  return (res.body.error.details?.issues ?? []) as { path: string; message: string }[];
}

/** What an observation id left in the database: its row, its audit rows and its notifications. */
async function writtenFor(tenant: string, id: string) {
  const db = await tenantDbOf(tenant);
  const [[o], [a], [n]] = await db.batch([
    db.select({ n: count() }).from(observations).where(eq(observations.id, id)),
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'observation'), eq(auditLog.entityId, id))),
    db.select({ n: count() }).from(notifications).where(eq(notifications.entityId, id)),
  ]);
  return { observations: o?.n, audit: a?.n, notifications: n?.n };
}

/** The latest 1 August up to today (Beijing): a summer-holiday day less than a year back. */
function summerDay(): string {
  const today = beijingDate();
  const thisYear = `${today.slice(0, 4)}-08-01`;
  return thisYear <= today ? thisYear : `${Number(today.slice(0, 4)) - 1}-08-01`;
}

describe.each(TENANTS)('lesson observations in %s', (tenant) => {
  const path = observationsPath(tenant);
  let rubric = { rubricId: '', versionId: '' };
  let inspector = '';
  let teacher = '';
  let manager = '';
  let viewer = '';
  let teacherId = '';
  let managerId = '';
  let inspectorId = '';
  let homeUnit = '';
  /** A teacher of another unit than role_teacher's and role_unit_manager's. */
  let otherTeacher = '';

  beforeAll(async () => {
    [rubric, inspector, teacher, manager, viewer, teacherId, managerId, inspectorId, otherTeacher] =
      await Promise.all([
        builtinRubric(tenant),
        cookieOf(tenant, 'role_inspector'),
        cookieOf(tenant, 'role_teacher'),
        cookieOf(tenant, 'role_unit_manager'),
        cookieOf(tenant, 'role_viewer'),
        userIdOf(tenant, 'role_teacher'),
        userIdOf(tenant, 'role_unit_manager'),
        userIdOf(tenant, 'role_inspector'),
        newTeacher(tenant),
      ]);
    homeUnit = (await unitOf(tenant, 'role_teacher')) as string;
  });

  it('records a lesson: total, grade and semester from the server, the teacher’s unit, one audit row, the teacher told', async () => {
    const body = observationBody(teacherId, rubric.versionId, { total: 100, grade: 'excellent' });
    const res = await api(path, { cookie: inspector, body });
    expect(res.status).toBe(201);
    expect(res.body.duplicate).toBe(false);
    // 3 + 4 + 3 + 13 + 13 + 17 + 17 + 16 = 86: 良好, whatever the phone claimed.
    expect(res.body.observation).toMatchObject({
      id: body.id,
      observerId: inspectorId,
      teacherId,
      teacherName: '测试teacher',
      unitId: homeUnit,
      total: 86,
      grade: 'good',
      gradeLabel: '良好',
      lessonTypeLabel: '理论课',
      kindLabel: '推门听课',
      semester: semesterKeyOf(body.observedOn, SEMESTERS),
      acknowledgedAt: null,
      rubric: { id: rubric.rubricId, version: 1, maxTotal: 100 },
    });
    expect(res.body.observation.contentHash).toBeUndefined();
    expect(await writtenFor(tenant, body.id)).toEqual({ observations: 1, audit: 1, notifications: 1 });

    const db = await tenantDbOf(tenant);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit).toMatchObject({ action: 'observation.record', actorId: inspectorId });
    expect(audit?.details).toMatchObject({ teacherId, total: 86, grade: 'good' });

    const told = await api(`/api/t/${tenant}/notifications`, { cookie: teacher });
    const notice = told.body.items.find((n: { entityId: string }) => n.entityId === body.id);
    expect(notice).toMatchObject({ kind: 'observation_recorded', link: `teaching/observations/${body.id}` });
    expect(notice.title).toContain('计算机网络基础');
  });

  it('answers a retry of the same record as a duplicate, and refuses the same id with other content or from someone else', async () => {
    const body = observationBody(teacherId, rubric.versionId);
    expect((await api(path, { cookie: inspector, body })).status).toBe(201);
    const again = await api(path, { cookie: inspector, body });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, observation: { id: body.id, total: 86 } });
    // Key order and spacing the schema trims do not make it another record.
    const reordered = { ...body, course: ` ${body.course} `, scores: { ...scores(), discipline: 3 } };
    expect((await api(path, { cookie: inspector, body: reordered })).status).toBe(200);

    const changed = await api(path, { cookie: inspector, body: { ...body, scores: scores({ effect: 10 }) } });
    expectErrorShape(changed, 409, 'CONFLICT');
    const otherUser = await api(path, { cookie: await cookieOf(tenant, 'role_director'), body });
    expectErrorShape(otherUser, 409, 'CONFLICT');

    expect(await writtenFor(tenant, body.id)).toEqual({ observations: 1, audit: 1, notifications: 1 });
    const db = await tenantDbOf(tenant);
    const [row] = await db.select().from(observations).where(eq(observations.id, body.id));
    expect(row?.total).toBe(86);
  });

  it('answers twin requests sent at once (the outbox retrying before the first answer) as one record', async () => {
    const body = observationBody(teacherId, rubric.versionId);
    const answers = await Promise.all([1, 2, 3].map(() => api(path, { cookie: inspector, body })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(await writtenFor(tenant, body.id)).toEqual({ observations: 1, audit: 1, notifications: 1 });
  });

  it('refuses bad input with 422 naming the field, and writes nothing', async () => {
    const disabled = await newTeacher(tenant);
    expect(
      (
        await api(`/api/t/${tenant}/users/${disabled}/disable`, {
          method: 'POST',
          cookie: await adminCookie(tenant),
          body: {},
        })
      ).status,
    ).toBe(200);
    const viewerId = await userIdOf(tenant, 'role_viewer');
    const { design: _missing, ...withoutDesign } = scores();
    const today = beijingDate();
    const cases: { name: string; fields: Record<string, unknown>; path: string; as?: string }[] = [
      {
        name: 'a score above the item’s max',
        fields: { scores: scores({ attitude: 4.5 }) },
        path: 'scores.attitude',
      },
      { name: 'a score below 0', fields: { scores: scores({ effect: -1 }) }, path: 'scores.effect' },
      { name: 'a missing item', fields: { scores: withoutDesign }, path: 'scores.design' },
      { name: 'an item the rubric lacks', fields: { scores: scores({ charm: 5 }) }, path: 'scores.charm' },
      {
        name: 'a rubric version that does not exist',
        fields: { rubricVersionId: crypto.randomUUID() },
        path: 'rubricVersionId',
      },
      { name: 'a day in the future', fields: { observedOn: addDays(today, 1) }, path: 'observedOn' },
      {
        name: 'a day more than a year back',
        fields: { observedOn: addDays(today, -366) },
        path: 'observedOn',
      },
      { name: 'a day of the summer holiday', fields: { observedOn: summerDay() }, path: 'observedOn' },
      { name: 'not a date', fields: { observedOn: '2026-02-30' }, path: 'observedOn' },
      { name: 'a teacher who does not exist', fields: { teacherId: crypto.randomUUID() }, path: 'teacherId' },
      { name: 'a disabled teacher', fields: { teacherId: disabled }, path: 'teacherId' },
      { name: 'an account that is not a teacher', fields: { teacherId: viewerId }, path: 'teacherId' },
      { name: 'observing oneself', fields: { teacherId }, path: 'teacherId', as: 'role_teacher' },
      { name: 'period 13', fields: { period: 13 }, path: 'period' },
      { name: 'an unknown lesson type', fields: { lessonType: 'lecture' }, path: 'lessonType' },
      { name: 'an unknown kind', fields: { kind: 'surprise' }, path: 'kind' },
      { name: 'no course', fields: { course: '  ' }, path: 'course' },
      { name: 'problems over 2000 characters', fields: { problems: '问'.repeat(2001) }, path: 'problems' },
    ];
    for (const c of cases) {
      const body = observationBody(otherTeacher, rubric.versionId, c.fields);
      const res = await api(path, { cookie: await cookieOf(tenant, c.as ?? 'role_inspector'), body });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      const issues = issuesOf(res);
      expect(
        issues.map((i) => i.path),
        c.name,
      ).toContain(c.path);
      for (const issue of issues) expect(issue.message, c.name).toMatch(/[\u4e00-\u9fff]/);
      expect(await writtenFor(tenant, body.id), c.name).toEqual({
        observations: 0,
        audit: 0,
        notifications: 0,
      });
    }
    const holiday = await api(path, {
      cookie: inspector,
      body: observationBody(otherTeacher, rubric.versionId, { observedOn: summerDay() }),
    });
    expect(issuesOf(holiday)[0]?.message).toContain('不属于任何学期');
  });

  it('lets the observer read back what they wrote; another teacher gets 404, not 403', async () => {
    const aboutOther = await newObservation(tenant, 'role_inspector', otherTeacher);
    for (const cookie of [teacher, manager]) {
      expectErrorShape(await api(`${path}/${aboutOther}`, { cookie }), 404, 'NOT_FOUND');
    }
    expect((await api(`${path}/${aboutOther}`, { cookie: viewer })).status).toBe(200);
    // role_teacher observing a colleague reads their own record back.
    const byTeacher = await newObservation(tenant, 'role_teacher', otherTeacher);
    const own = await api(`${path}/${byTeacher}`, { cookie: teacher });
    expect(own.status).toBe(200);
    expect(own.body.observation).toMatchObject({ observerId: teacherId, teacherId: otherTeacher });
    expectErrorShape(await api(`${path}/${crypto.randomUUID()}`, { cookie: viewer }), 404, 'NOT_FOUND');
    expectErrorShape(await api(`${path}/not-an-id`, { cookie: viewer }), 404, 'NOT_FOUND');
  });

  it('filters lists per role, whatever the query asks', async () => {
    // Fresh teachers, so only this test's records are about them.
    const [homeTeacher, elsewhere] = await Promise.all([newTeacher(tenant, homeUnit), newTeacher(tenant)]);
    const a = await newObservation(tenant, 'role_inspector', teacherId);
    const b = await newObservation(tenant, 'role_inspector', elsewhere);
    const c = await newObservation(tenant, 'role_teacher', elsewhere, { kind: 'peer' });
    const d = await newObservation(tenant, 'role_inspector', homeTeacher, { period: 5 });
    const ids = async (cookie: string, query: string) => {
      const res = await api(`${path}?pageSize=100&${query}`, { cookie });
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: string }) => i.id) as string[];
    };
    const admin = await adminCookie(tenant);
    const semester = semesterKeyOf(lessonDay(), SEMESTERS) as string;

    // The office and viewers see all.
    expect(new Set(await ids(admin, `teacherId=${elsewhere}`))).toEqual(new Set([b, c]));
    expect(new Set(await ids(viewer, `teacherId=${elsewhere}`))).toEqual(new Set([b, c]));
    expect(await ids(admin, `teacherId=${elsewhere}&observerId=${teacherId}`)).toEqual([c]);
    expect(await ids(admin, `unitId=${homeUnit}&teacherId=${homeTeacher}`)).toEqual([d]);
    expect(new Set(await ids(admin, `teacherId=${elsewhere}&semester=${semester}`))).toEqual(new Set([b, c]));
    expect(await ids(admin, `teacherId=${elsewhere}&semester=2001-autumn`)).toEqual([]);
    expect(await ids(admin, `teacherId=${elsewhere}&from=${addDays(lessonDay(), 1)}`)).toEqual([]);

    // A teacher: only about or by them, even when asking for someone else's.
    expect(await ids(teacher, `teacherId=${elsewhere}`)).toEqual([c]);
    expect(await ids(teacher, `teacherId=${homeTeacher}`)).toEqual([]);
    const mine = await api(`${path}?pageSize=100`, { cookie: teacher });
    const mineIds = mine.body.items.map((i: { id: string }) => i.id);
    expect(mineIds).toEqual(expect.arrayContaining([a, c]));
    expect(mineIds).not.toContain(b);
    expect(mineIds).not.toContain(d);
    for (const item of mine.body.items) expect([item.teacherId, item.observerId]).toContain(teacherId);
    expect(mine.body.total).toBe(mine.body.items.length);

    // A unit manager: their unit's records, not another unit's.
    expect(await ids(manager, `teacherId=${elsewhere}`)).toEqual([]);
    const unit = await api(`${path}?pageSize=100`, { cookie: manager });
    const unitIds = unit.body.items.map((i: { id: string }) => i.id);
    expect(unitIds).toEqual(expect.arrayContaining([a, d]));
    expect(unitIds).not.toContain(b);
    for (const item of unit.body.items) {
      expect(item.unitId === homeUnit || item.teacherId === managerId || item.observerId === managerId).toBe(
        true,
      );
    }

    const bad = await api(`${path}?from=2026-10-02&to=2026-10-01`, { cookie: admin });
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    expectErrorShape(await api(`${path}?semester=autumn`, { cookie: admin }), 422, 'VALIDATION_FAILED');
  });

  it('lets only the observed teacher acknowledge, once, with a reply and an audit row', async () => {
    const id = await newObservation(tenant, 'role_inspector', teacherId);
    const url = `${path}/${id}/acknowledge`;
    expectErrorShape(await api(url, { cookie: inspector, body: {} }), 403, 'FORBIDDEN');
    // The unit's manager sees the record but it is not theirs to acknowledge.
    expectErrorShape(await api(url, { cookie: manager, body: {} }), 404, 'NOT_FOUND');
    const long = await api(url, { cookie: teacher, body: { reply: '谢'.repeat(2001) } });
    expectErrorShape(long, 422, 'VALIDATION_FAILED');

    const ok = await api(url, { cookie: teacher, body: { reply: ' 谢谢指导，已调整分组练习。 ' } });
    expect(ok.status).toBe(200);
    expect(ok.body.observation).toMatchObject({ id, reply: '谢谢指导，已调整分组练习。' });
    expect(ok.body.observation.acknowledgedAt).toBeTruthy();
    expect(ok.body.observation.repliedAt).toBe(ok.body.observation.acknowledgedAt);

    const twice = await api(url, { cookie: teacher, body: { reply: '再次回复' } });
    expectErrorShape(twice, 409, 'CONFLICT');
    expect(twice.body.error.message).toContain('不能重复确认');

    const db = await tenantDbOf(tenant);
    const acks = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'observation.acknowledge')));
    expect(acks).toHaveLength(1);
    expect(acks[0]?.actorId).toBe(teacherId);
    const [row] = await db.select().from(observations).where(eq(observations.id, id));
    expect(row?.reply).toBe('谢谢指导，已调整分组练习。');

    // Two presses at once: one acknowledges, the other is told it already was.
    const raced = await newObservation(tenant, 'role_inspector', teacherId);
    const both = await Promise.all(
      [1, 2].map(() => api(`${path}/${raced}/acknowledge`, { cookie: teacher, body: { reply: '收到' } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const racedAudit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, raced), eq(auditLog.action, 'observation.acknowledge')));
    expect(racedAudit).toHaveLength(1);

    // Another teacher's record: 404 to role_teacher, as if it did not exist.
    const notMine = await newObservation(tenant, 'role_inspector', otherTeacher);
    expectErrorShape(
      await api(`${path}/${notMine}/acknowledge`, { cookie: teacher, body: {} }),
      404,
      'NOT_FOUND',
    );

    // Acknowledging without a reply leaves the reply empty.
    const plain = await newObservation(tenant, 'role_inspector', teacherId);
    const plainOk = await api(`${path}/${plain}/acknowledge`, { cookie: teacher, body: {} });
    expect(plainOk.body.observation).toMatchObject({ reply: null, repliedAt: null });
  });

  it('serves the shipped rubric, its latest version and an old one by ?version=', async () => {
    const list = await api(`/api/t/${tenant}/teaching/rubrics`, { cookie: teacher });
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        id: rubric.rubricId,
        builtinKey: 'lesson_100',
        versionId: rubric.versionId,
        maxTotal: 100,
      }),
    );
    const one = await api(`/api/t/${tenant}/teaching/rubrics/${rubric.rubricId}`, { cookie: teacher });
    expect(one.body.rubric).toMatchObject({ name: '课堂教学评价表（百分制）', version: 1, maxTotal: 100 });
    expect(one.body.rubric.body.sections.map((s: { title: string }) => s.title)).toEqual([
      '基本要求',
      '教学内容',
      '方法与手段',
      '教学效果',
    ]);
    expect(one.body.rubric.body.bands).toEqual({ excellent: 90, good: 75, pass: 60 });
    const v1 = await api(`/api/t/${tenant}/teaching/rubrics/${rubric.rubricId}?version=1`, {
      cookie: teacher,
    });
    expect(v1.body.rubric.versionId).toBe(rubric.versionId);
    const none = await api(`/api/t/${tenant}/teaching/rubrics/${rubric.rubricId}?version=9`, {
      cookie: teacher,
    });
    expectErrorShape(none, 404, 'NOT_FOUND');
    const bad = await api(`/api/t/${tenant}/teaching/rubrics/${rubric.rubricId}?version=x`, {
      cookie: teacher,
    });
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
  });

  it('belongs to teaching only: other modules have no observations', async () => {
    const res = await api(`/api/t/${tenant}/management/observations`, { cookie: viewer });
    expectErrorShape(res, 404, 'NOT_FOUND');
  });
});

describe('a tenant with the teaching module off', () => {
  it('answers 403 MODULE_DISABLED to every observation endpoint', async () => {
    const dbs = databases();
    const control = dbs.control();
    const slug = `obs-off-${Math.random().toString(36).slice(2, 8)}`;
    const config = presetFor('county');
    config.modules.teaching = false;
    await provisionTenant(
      { control, provider: dbs.provider, openTenant: dbs.tenant },
      {
        slug,
        name: '未开督教县',
        kind: 'county',
        regionCode: '340698',
        province: '安徽省',
        city: '淮北市',
        config,
      },
      { actorId: null, actorName: 'test', requestId: 'test' },
    );
    const row = await control.query.tenants.findFirst({ where: eq(tenants.slug, slug) });
    // The test tenants' password: copy a hash instead of hashing again.
    const county = await tenantDbOf('test-county');
    const [source] = await county.select().from(users).where(eq(users.username, 'role_admin'));
    const db = dbs.tenant(row?.dbUrl as string);
    await db.insert(users).values({
      id: crypto.randomUUID(),
      username: 'role_admin',
      displayName: '管理员',
      role: 'admin',
      passwordHash: source?.passwordHash as string,
      updatedAt: new Date().toISOString(),
    });
    const cookie = await signIn(slug, 'role_admin');
    const base = `/api/t/${slug}/teaching`;
    for (const res of [
      await api(`${base}/rubrics`, { cookie }),
      await api(`${base}/observations`, { cookie }),
      await api(`${base}/observations/${crypto.randomUUID()}`, { cookie }),
      await api(`${base}/observations`, { cookie, body: { id: crypto.randomUUID() } }),
    ]) {
      expectErrorShape(res, 403, 'MODULE_DISABLED');
      expect(res.body.error.message).toContain('督教');
    }
    // The rubric was still put into its database: turning teaching on later finds it ready.
    const [rubrics] = await db.select({ n: count() }).from(observationRubrics);
    expect(rubrics?.n).toBe(1);
  });
});
