import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications } from '../../db/schema/tenant';
import { beijingDate } from '../../worker/dates';
import { expectedByToday, semesterProgress } from '../../worker/modules/compliance/quotas';
import { peopleQuery } from '../../worker/modules/compliance/records';
import { reportingSemesterKey } from '../../worker/semesters';
import { activate, adminCookie, createUser, suffix } from '../accounts/fixtures';
import { sheetNames, sheetRows } from '../imports/fixtures';
import { cookieOf, unitOf } from '../observations/fixtures';
import { type ApiResponse, api, expectErrorShape, stack, tenantDbOf } from '../support/api';
import { newUnit } from '../units/fixtures';
import { compliancePath, insertObservations, quotaRolesOf, SEMESTERS } from './fixtures';

const TENANTS = ['test-county', 'test-college'];
const PAST = '2025-autumn';

function issuesOf(res: ApiResponse) {
  return (res.body.error.details?.issues ?? []) as { path: string; message: string }[];
}

async function download(path: string, cookie: string) {
  const res = await fetch(`${stack.url}${path}`, { headers: { cookie, connection: 'close' } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe.each(TENANTS)('observation quotas in %s', (tenant) => {
  const roles = quotaRolesOf(tenant);
  const current = reportingSemesterKey(beijingDate(), SEMESTERS);
  const progress = semesterProgress(current, SEMESTERS, beijingDate());
  let unit = '';
  const ids = { a: '', b: '', c: '', m: '', i: '', h: '' };
  let aUser = { username: '', initialPassword: '' };
  let director = '';

  beforeAll(async () => {
    unit = await newUnit(tenant);
    const home = (await unitOf(tenant, 'role_unit_manager')) as string;
    const tag = suffix();
    const [a, b, c, m, i, h] = await Promise.all([
      createUser(tenant, {
        role: 'teacher',
        unitId: unit,
        quotaRole: roles[0]?.key,
        displayName: `甲${tag}`,
      }),
      createUser(tenant, {
        role: 'teacher',
        unitId: unit,
        quotaRole: roles[1]?.key,
        displayName: `乙${tag}`,
      }),
      createUser(tenant, { role: 'teacher', unitId: unit, displayName: `丙${tag}` }),
      createUser(tenant, {
        role: 'unit_manager',
        unitId: unit,
        quotaRole: roles[2]?.key,
        displayName: `丁${tag}`,
      }),
      createUser(tenant, { role: 'inspector', displayName: `督${tag}` }),
      createUser(tenant, {
        role: 'teacher',
        unitId: home,
        quotaRole: roles[0]?.key,
        displayName: `戊${tag}`,
      }),
    ]);
    Object.assign(ids, { a: a.id, b: b.id, c: c.id, m: m.id, i: i.id, h: h.id });
    aUser = a;
    // Last autumn (over): 甲 all 8/10, 乙 5 of 16, 丁 all 20, the inspector 10 of 22 weeks.
    const r = (n: number) => roles[n]?.perSemester ?? 0;
    await insertObservations(tenant, a.id, c.id, PAST, r(0), { unitId: unit });
    await insertObservations(tenant, b.id, c.id, PAST, 5, { unitId: unit });
    await insertObservations(tenant, m.id, c.id, PAST, r(2), { unitId: unit });
    await insertObservations(tenant, i.id, c.id, PAST, 10, { unitId: unit });
    // This semester: 甲 exactly what is due by today, 乙 and 戊 none, 丁 the whole quota.
    const today = { day: beijingDate(), unitId: unit };
    await insertObservations(tenant, a.id, c.id, current, expectedByToday(r(0), progress), today);
    await insertObservations(tenant, m.id, c.id, current, r(2), today);
    director = await cookieOf(tenant, 'role_director');
  });

  it('a past semester: every person with a quota role in the unit, their counts and statuses, behind first', async () => {
    const res = await api(compliancePath(tenant, `?semester=${PAST}&unitId=${unit}`), { cookie: director });
    expect(res.status).toBe(200);
    expect(res.body.semester).toMatchObject({
      key: PAST,
      label: '2025年秋季学期',
      from: '2025-09-01',
      to: '2026-01-31',
      percentElapsed: 100,
      current: false,
    });
    const people = res.body.people as Record<string, unknown>[];
    // 丙 has no quota role, so is not listed; the inspector has no unit.
    expect(people.map((p) => [p.userId, p.quotaRole, p.required, p.done, p.expected, p.status])).toEqual([
      [ids.b, roles[1]?.key, roles[1]?.perSemester, 5, roles[1]?.perSemester, 'behind'],
      // Then by unit and name in code-point order: 丁 (U+4E01) before 甲 (U+7532).
      [ids.m, roles[2]?.key, roles[2]?.perSemester, roles[2]?.perSemester, roles[2]?.perSemester, 'done'],
      [ids.a, roles[0]?.key, roles[0]?.perSemester, roles[0]?.perSemester, roles[0]?.perSemester, 'done'],
    ]);
    expect(people[0]).toMatchObject({ statusLabel: '未达进度', quotaLabel: roles[1]?.label, unitId: unit });
    const required =
      (roles[0]?.perSemester ?? 0) + (roles[1]?.perSemester ?? 0) + (roles[2]?.perSemester ?? 0);
    const done = required - (roles[1]?.perSemester ?? 0) + 5;
    expect(res.body.totals).toEqual({
      people: 3,
      required,
      done,
      behind: 1,
      percent: Math.floor((done * 100) / required),
    });
    expect(res.body.byUnit).toEqual([
      expect.objectContaining({ unitId: unit, people: 3, required, done, behind: 1 }),
    ]);
    expect(
      res.body.byRole.map((r: { key: string; people: number; behind: number }) => [
        r.key,
        r.people,
        r.behind,
      ]),
    ).toEqual([
      [roles[0]?.key, 1, 0],
      [roles[1]?.key, 1, 1],
      [roles[2]?.key, 1, 0],
    ]);
  });

  it('an inspector is held to one lesson a week: 10 of 22 is behind', async () => {
    const res = await api(compliancePath(tenant, `?semester=${PAST}&quotaRole=supervisor`), {
      cookie: director,
    });
    expect(res.status).toBe(200);
    const mine = res.body.people.find((p: { userId: string }) => p.userId === ids.i);
    expect(mine).toMatchObject({
      quotaRole: 'supervisor',
      required: 22,
      done: 10,
      expected: 22,
      status: 'behind',
    });
    expect(res.body.people.every((p: { quotaRole: string }) => p.quotaRole === 'supervisor')).toBe(true);
  });

  it('this semester (the default): done, on track at exactly what is due, behind with none', async () => {
    const res = await api(compliancePath(tenant, `?unitId=${unit}`), { cookie: director });
    expect(res.status).toBe(200);
    expect(res.body.semester).toMatchObject({ key: current, percentElapsed: progress.percentElapsed });
    const byId = new Map(res.body.people.map((p: { userId: string }) => [p.userId, p]));
    const due = expectedByToday(roles[0]?.perSemester ?? 0, progress);
    expect(byId.get(ids.a)).toMatchObject({
      done: due,
      expected: due,
      status: due >= (roles[0]?.perSemester ?? 0) ? 'done' : 'on_track',
    });
    expect(byId.get(ids.b)).toMatchObject({
      done: 0,
      status: progress.elapsedDays > 0 ? 'behind' : 'on_track',
    });
    expect(byId.get(ids.m)).toMatchObject({ done: roles[2]?.perSemester, status: 'done' });
  });

  it('filters: status narrows the people (not the totals), quota role narrows both', async () => {
    const behind = await api(compliancePath(tenant, `?semester=${PAST}&unitId=${unit}&status=behind`), {
      cookie: director,
    });
    expect(behind.body.people.map((p: { userId: string }) => p.userId)).toEqual([ids.b]);
    expect(behind.body.totals.people).toBe(3);
    const role = await api(
      compliancePath(tenant, `?semester=${PAST}&unitId=${unit}&quotaRole=${roles[1]?.key}`),
      {
        cookie: director,
      },
    );
    expect(role.body.people.map((p: { userId: string }) => p.userId)).toEqual([ids.b]);
    expect(role.body.totals.people).toBe(1);
  });

  it('refuses a malformed semester, an unknown quota role or status with 422 at the field', async () => {
    for (const [query, path] of [
      ['semester=2026-fall', 'semester'],
      ['semester=1999-autumn', 'semester'],
      ['quotaRole=nobody', 'quotaRole'],
      ['status=late', 'status'],
      ['unitId=42', 'unitId'],
    ]) {
      const res = await api(compliancePath(tenant, `?${query}`), { cookie: director });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(issuesOf(res).map((i) => i.path)).toEqual([path]);
    }
  });

  it('a unit manager sees their unit only; a teacher is refused; a viewer reads all', async () => {
    const manager = await cookieOf(tenant, 'role_unit_manager');
    const own = await api(compliancePath(tenant), { cookie: manager });
    expect(own.status).toBe(200);
    const seen = own.body.people.map((p: { userId: string }) => p.userId);
    expect(seen).toContain(ids.h);
    expect(seen).not.toContain(ids.a);
    expect(seen).not.toContain(ids.i);
    const other = await api(compliancePath(tenant, `?unitId=${unit}`), { cookie: manager });
    expect(other.body.people).toEqual([]);
    expectErrorShape(
      await api(compliancePath(tenant), { cookie: await cookieOf(tenant, 'role_teacher') }),
      403,
      'FORBIDDEN',
    );
    const viewer = await api(compliancePath(tenant, `?unitId=${unit}`), {
      cookie: await cookieOf(tenant, 'role_viewer'),
    });
    expect(viewer.body.people).toHaveLength(3);
  });

  it('/compliance/me: one’s own row, or none without a quota', async () => {
    const cookie = await activate(tenant, aUser.username, aUser.initialPassword);
    const mine = await api(compliancePath(tenant, `/me?semester=${PAST}`), { cookie });
    expect(mine.status).toBe(200);
    expect(mine.body.row).toMatchObject({ userId: ids.a, done: roles[0]?.perSemester, status: 'done' });
    const none = await api(compliancePath(tenant, '/me'), { cookie: await cookieOf(tenant, 'role_teacher') });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ semester: { key: current }, row: null });
  });

  it('reminders tell those behind once a week, with their figures; an audit row each time', async () => {
    if (!progress.current) return; // the summer holiday: no semester to remind about
    const path = compliancePath(tenant, '/reminders');
    const first = await api(path, { cookie: director, body: { userIds: [ids.a, ids.b] } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      semester: current,
      week: progress.week,
      behind: 1,
      told: 1,
      skipped: 0,
    });
    const db = await tenantDbOf(tenant);
    const told = await db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'observation_quota_reminder'));
    const forB = told.filter((n) => n.userId === ids.b);
    expect(forB).toHaveLength(1);
    expect(forB[0]).toMatchObject({ title: '听课任务进度提醒', entityId: `${current}:w${progress.week}` });
    const due = expectedByToday(roles[1]?.perSemester ?? 0, progress);
    expect(forB[0]?.body).toContain(
      `您已听课 0 节，按进度应听 ${due} 节，本学期应听 ${roles[1]?.perSemester} 节`,
    );
    expect(told.some((n) => n.userId === ids.a)).toBe(false);

    const again = await api(path, { cookie: director, body: { userIds: [ids.b] } });
    expect(again.body).toMatchObject({ behind: 1, told: 0, skipped: 1 });
    const audits = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'observation_quota.remind'),
          eq(auditLog.entityId, `${current}:w${progress.week}`),
        ),
      );
    expect(
      audits.filter((a) => (a.details as { named: number }).named !== null).length,
    ).toBeGreaterThanOrEqual(2);

    // A unit manager reminds their own unit only.
    const manager = await cookieOf(tenant, 'role_unit_manager');
    const outside = await api(path, { cookie: manager, body: { userIds: [ids.b] } });
    expect(outside.body).toMatchObject({ behind: 0, told: 0 });
    const inside = await api(path, { cookie: manager, body: { userIds: [ids.h] } });
    expect(inside.body).toMatchObject({ behind: 1, told: 1 });

    const past = await api(path, { cookie: director, body: { semester: PAST } });
    expectErrorShape(past, 422, 'VALIDATION_FAILED');
    expect(issuesOf(past)[0]?.path).toBe('semester');
    expectErrorShape(
      await api(path, { cookie: await cookieOf(tenant, 'role_viewer'), body: {} }),
      403,
      'FORBIDDEN',
    );
  });

  it('compliance.xlsx reads back: the people with the page’s filters and a sheet by unit', async () => {
    const file = await download(compliancePath(tenant, `.xlsx?semester=${PAST}&unitId=${unit}`), director);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`compliance-${PAST}.xlsx`);
    expect(sheetNames(file.bytes)).toEqual(['听课任务完成情况', '按单位汇总']);
    const rows = sheetRows(file.bytes) as unknown[][];
    expect(String(rows[0]?.[0])).toContain('2025年秋季学期听课任务完成情况');
    expect(rows[1]).toEqual(['单位', '姓名', '听课类别', '应听', '已听', '按进度应听', '状态']);
    expect(rows.slice(2)).toHaveLength(3);
    expect(rows[2]?.slice(2)).toEqual([
      roles[1]?.label,
      roles[1]?.perSemester,
      5,
      roles[1]?.perSemester,
      '未达进度',
    ]);
    const byUnit = sheetRows(file.bytes, '按单位汇总') as unknown[][];
    expect(byUnit[1]).toEqual(['单位', '人数', '应听合计', '已听合计', '未达进度人数', '完成率']);
    expect(byUnit[2]?.slice(1, 5)).toEqual([3, expect.any(Number), expect.any(Number), 1]);
    expect(byUnit.at(-1)?.[0]).toBe('合计');
    expect(
      (await download(compliancePath(tenant, '.xlsx'), await cookieOf(tenant, 'role_teacher'))).status,
    ).toBe(403);
  });

  it('observations.xlsx reads back the ledger, filtered by what the user may read', async () => {
    const path = `/api/t/${tenant}/teaching/observations.xlsx?semester=${PAST}&teacherId=${ids.c}`;
    const file = await download(path, director);
    expect(file.status).toBe(200);
    const rows = sheetRows(file.bytes, '听课记录台账') as unknown[][];
    expect(rows[1]).toEqual([
      '序号',
      '听课日期',
      '节次',
      '听课人',
      '授课教师',
      '单位',
      '课程',
      '班级',
      '课型',
      '听课类型',
      '总分',
      '等级',
      '主要优点',
      '存在问题',
      '改进建议',
    ]);
    const total = (roles[0]?.perSemester ?? 0) + 5 + (roles[2]?.perSemester ?? 0) + 10;
    expect(rows.slice(2)).toHaveLength(total);
    expect(rows[2]).toEqual([
      1,
      '2025-09-10',
      '第1节',
      expect.any(String),
      expect.stringContaining('丙'),
      expect.any(String),
      '机械制图',
      '2025级机电1班',
      '理论课',
      '同行听课',
      85,
      '良好',
      '条理清楚',
      null,
      null,
    ]);
    // Another teacher reads none of these records; the filter never widens what one sees.
    const other = await download(path, await cookieOf(tenant, 'role_teacher'));
    expect(other.status).toBe(200);
    expect(sheetRows(other.bytes, '听课记录台账').slice(2)).toHaveLength(0);
    const bad = await api(`/api/t/${tenant}/teaching/observations.xlsx?semester=autumn`, {
      cookie: director,
    });
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
  });

  it('the counts read observations_observer_idx, one statement for everyone', async () => {
    const db = await tenantDbOf(tenant);
    const query = peopleQuery(db, PAST).toSQL();
    const plan = await db.$client.execute({
      sql: `EXPLAIN QUERY PLAN ${query.sql}`,
      args: query.params as never,
    });
    const text = plan.rows.map((r) => String(r.detail)).join('\n');
    expect(text).toMatch(
      /(?:observations|o) USING COVERING INDEX observations_observer_idx \(observer_id=\? AND semester=\?\)/,
    );
  });
});

describe('quota roles on accounts', () => {
  it.each(TENANTS)(
    '%s: an unknown quota role is a 422 at the field and nothing is saved; a known one is kept',
    async (tenant) => {
      const admin = await adminCookie(tenant);
      const username = `quota_${suffix()}`;
      const bad = await api(`/api/t/${tenant}/users`, {
        cookie: admin,
        body: { username, displayName: '听课类别测试', role: 'viewer', quotaRole: 'nobody' },
      });
      expectErrorShape(bad, 422, 'VALIDATION_FAILED');
      expect(issuesOf(bad)).toEqual([
        { path: 'quotaRole', message: expect.stringContaining(quotaRolesOf(tenant)[0]?.label ?? '?') },
      ]);
      const list = await api(`/api/t/${tenant}/users?q=${username}`, { cookie: admin });
      expect(list.body.total).toBe(0);

      const key = quotaRolesOf(tenant)[1]?.key;
      const made = await createUser(tenant, { quotaRole: key });
      const read = await api(`/api/t/${tenant}/users/${made.id}`, { cookie: admin });
      expect(read.body.user.quotaRole).toBe(key);
      const patchBad = await api(`/api/t/${tenant}/users/${made.id}`, {
        method: 'PATCH',
        cookie: admin,
        body: { quotaRole: 'x_y' },
      });
      expectErrorShape(patchBad, 422, 'VALIDATION_FAILED');
      expect(issuesOf(patchBad)[0]?.path).toBe('quotaRole');
      const cleared = await api(`/api/t/${tenant}/users/${made.id}`, {
        method: 'PATCH',
        cookie: admin,
        body: { quotaRole: '' },
      });
      expect(cleared.body.user.quotaRole).toBe(null);
    },
  );
});
