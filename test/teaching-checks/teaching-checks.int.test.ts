import * as XLSX from '@e965/xlsx';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, teachingChecks } from '../../db/schema/tenant';
import { addDays, beijingDate } from '../../worker/dates';
import { semesterKeyOf } from '../../worker/semesters';
import { cookieOf, lessonDay, newTeacher, SEMESTERS, unitOf, userIdOf } from '../observations/fixtures';
import { type ApiResponse, api, expectErrorShape, stack, tenantDbOf } from '../support/api';
import { newUnit } from '../units/fixtures';
import { checkBody, checksPath, newCheck } from './fixtures';

const TENANTS = ['test-county', 'test-college'] as const;

function issuesOf(res: ApiResponse) {
  return (res.body.error.details?.issues ?? []) as { path: string; message: string }[];
}

async function written(tenant: string, teacherId: string) {
  const db = await tenantDbOf(tenant);
  const [[checks], [audit]] = await db.batch([
    db.select({ n: count() }).from(teachingChecks).where(eq(teachingChecks.teacherId, teacherId)),
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'teaching_check'), eq(auditLog.action, 'teaching_check.record'))),
  ]);
  return { checks: checks?.n ?? 0, audit: audit?.n ?? 0 };
}

/** The latest 1 August up to today (Beijing): a summer-holiday day less than a year back. */
function summerDay(): string {
  const today = beijingDate();
  const thisYear = `${today.slice(0, 4)}-08-01`;
  return thisYear <= today ? thisYear : `${Number(today.slice(0, 4)) - 1}-08-01`;
}

describe.each(TENANTS)('five-link checks in %s', (tenant) => {
  const path = checksPath(tenant);
  const semester = () => semesterKeyOf(lessonDay(), SEMESTERS) as string;
  let inspector = '';
  let director = '';
  let manager = '';
  let teacher = '';
  let viewer = '';
  let homeUnit = '';
  let teacherId = '';

  beforeAll(async () => {
    [inspector, director, manager, teacher, viewer, teacherId] = await Promise.all([
      cookieOf(tenant, 'role_inspector'),
      cookieOf(tenant, 'role_director'),
      cookieOf(tenant, 'role_unit_manager'),
      cookieOf(tenant, 'role_teacher'),
      cookieOf(tenant, 'role_viewer'),
      userIdOf(tenant, 'role_teacher'),
    ]);
    homeUnit = (await unitOf(tenant, 'role_teacher')) as string;
  });

  it('records a check with the semester from its day, the teacher’s unit and an audit row', async () => {
    const id = await newTeacher(tenant);
    const res = await api(path, {
      cookie: inspector,
      body: checkBody(id, { link: 'mark', sampledCount: 45 }),
    });
    expect(res.status).toBe(201);
    expect(res.body.check).toMatchObject({
      teacherId: id,
      link: 'mark',
      linkLabel: '批改作业',
      checkedOn: lessonDay(),
      semester: semester(),
      score: 88,
      sampledCount: 45,
      checkerName: expect.any(String),
    });
    expect(res.body.check.unitId).toBeTruthy();
    const db = await tenantDbOf(tenant);
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'teaching_check'), eq(auditLog.entityId, res.body.check.id)));
    expect(audit).toEqual([{ action: 'teaching_check.record' }]);
  });

  it('422 at the field for a score over 100, a future day, a holiday day, a bad link; nothing written', async () => {
    const id = await newTeacher(tenant);
    const before = await written(tenant, id);
    const bad = [
      [{ score: 101 }, 'score'],
      [{ score: -1 }, 'score'],
      [{ score: 88.25 }, 'score'],
      [{ checkedOn: addDays(beijingDate(), 1) }, 'checkedOn'],
      [{ checkedOn: summerDay() }, 'checkedOn'],
      [{ checkedOn: '2026-13-01' }, 'checkedOn'],
      [{ link: 'lecture' }, 'link'],
      [{ sampledCount: -3 }, 'sampledCount'],
    ] as const;
    for (const [fields, field] of bad) {
      const res = await api(path, { cookie: inspector, body: checkBody(id, fields) });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(issuesOf(res).map((i) => i.path)).toContain(field);
      expect(issuesOf(res).every((i) => /[\u4e00-\u9fff]/.test(i.message))).toBe(true);
    }
    expect((await written(tenant, id)).checks).toBe(0);
    expect((await written(tenant, id)).checks).toBe(before.checks);
  });

  it('refuses a non-teacher, another tenant’s teacher and oneself at teacherId', async () => {
    const other = tenant === 'test-county' ? 'test-college' : 'test-county';
    for (const id of [await userIdOf(tenant, 'role_viewer'), await newTeacher(other)]) {
      const res = await api(path, { cookie: inspector, body: checkBody(id) });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(issuesOf(res)[0]?.path).toBe('teacherId');
    }
    const self = await userIdOf(tenant, 'role_unit_manager');
    const res = await api(path, { cookie: manager, body: checkBody(self) });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuesOf(res)[0]?.path).toBe('teacherId');
  });

  it('a unit manager records for their own unit’s teachers only; a teacher and a viewer may not record', async () => {
    const mine = await newTeacher(tenant, homeUnit);
    const elsewhere = await newTeacher(tenant);
    expect((await api(path, { cookie: manager, body: checkBody(mine) })).status).toBe(201);
    const refused = await api(path, { cookie: manager, body: checkBody(elsewhere) });
    expectErrorShape(refused, 422, 'VALIDATION_FAILED');
    expect(issuesOf(refused)[0]?.message).toContain('本部门');
    expect((await written(tenant, elsewhere)).checks).toBe(0);
    expectErrorShape(await api(path, { cookie: teacher, body: checkBody(mine) }), 403, 'FORBIDDEN');
    expectErrorShape(await api(path, { cookie: viewer, body: checkBody(mine) }), 403, 'FORBIDDEN');
  });

  it('a teacher reads only their own checks; a unit manager their unit’s', async () => {
    const own = await newCheck(tenant, teacherId, { link: 'tutor' });
    const elsewhereTeacher = await newTeacher(tenant);
    const elsewhere = await newCheck(tenant, elsewhereTeacher);
    const q = `?semester=${semester()}&pageSize=200`;
    const mine = await api(`${path}${q}`, { cookie: teacher });
    expect(mine.status).toBe(200);
    const teacherIds = new Set(mine.body.items.map((c: { teacherId: string }) => c.teacherId));
    expect([...teacherIds]).toEqual([teacherId]);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(own.id);
    // Asking for another teacher narrows to nothing; it never widens.
    const asked = await api(`${path}${q}&teacherId=${elsewhereTeacher}`, { cookie: teacher });
    expect(asked.body.items).toEqual([]);
    const unit = await api(`${path}${q}`, { cookie: manager });
    const ids = unit.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(unit.body.items.every((c: { unitId: string }) => c.unitId === homeUnit)).toBe(true);
    const office = await api(`${path}?semester=${semester()}&teacherId=${elsewhereTeacher}`, {
      cookie: viewer,
    });
    expect(office.body.items.map((c: { id: string }) => c.id)).toEqual([elsewhere.id]);
  });

  it('the recorder or a director changes a check (audit row); another recorder is 403, bad input 422 unchanged', async () => {
    const mine = await newTeacher(tenant, homeUnit);
    const check = await newCheck(tenant, mine);
    const patched = await api(`${path}/${check.id}`, {
      method: 'PATCH',
      cookie: inspector,
      body: { score: 92.5, comment: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.check).toMatchObject({ score: 92.5, comment: null, link: 'prepare' });
    const byDirector = await api(`${path}/${check.id}`, {
      method: 'PATCH',
      cookie: director,
      body: { link: 'exam' },
    });
    expect(byDirector.body.check.link).toBe('exam');
    // The unit manager sees it (their unit) but did not record it.
    expectErrorShape(
      await api(`${path}/${check.id}`, { method: 'PATCH', cookie: manager, body: { score: 10 } }),
      403,
      'FORBIDDEN',
    );
    const bad = await api(`${path}/${check.id}`, {
      method: 'PATCH',
      cookie: inspector,
      body: { score: 120 },
    });
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    expectErrorShape(
      await api(`${path}/${check.id}`, { method: 'PATCH', cookie: inspector, body: {} }),
      422,
      'VALIDATION_FAILED',
    );
    const db = await tenantDbOf(tenant);
    const [row] = await db.select().from(teachingChecks).where(eq(teachingChecks.id, check.id));
    expect(row).toMatchObject({ score: 92.5, link: 'exam' });
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, check.id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'teaching_check.record',
      'teaching_check.update',
      'teaching_check.update',
    ]);
  });

  it('deletes a check (the audit row keeps its content); the teacher’s check is 404 to another teacher', async () => {
    const id = await newTeacher(tenant);
    const check = await newCheck(tenant, id, { score: 66 });
    expectErrorShape(
      await api(`${path}/${check.id}`, { method: 'DELETE', cookie: manager }),
      404,
      'NOT_FOUND',
    );
    const res = await api(`${path}/${check.id}`, { method: 'DELETE', cookie: director });
    expect(res.status).toBe(200);
    expect((await written(tenant, id)).checks).toBe(0);
    const db = await tenantDbOf(tenant);
    const [audit] = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, check.id), eq(auditLog.action, 'teaching_check.delete')));
    expect(audit?.details).toMatchObject({ score: 66, link: 'prepare' });
    expectErrorShape(
      await api(`${path}/${check.id}`, { method: 'DELETE', cookie: director }),
      404,
      'NOT_FOUND',
    );
  });

  it('the matrix has each teacher’s latest score per link and the sampled plans and homework', async () => {
    const unitId = await newUnit(tenant);
    const [a, b] = await Promise.all([newTeacher(tenant, unitId), newTeacher(tenant, unitId)]);
    await newCheck(tenant, a, { link: 'prepare', score: 80, sampledCount: 12 });
    await newCheck(tenant, a, { link: 'prepare', score: 90, sampledCount: 8 });
    await newCheck(tenant, a, { link: 'mark', score: 75, sampledCount: 30 });
    await newCheck(tenant, a, { link: 'exam', score: 85, sampledCount: null });
    const res = await api(`${path}/matrix?semester=${semester()}&unitId=${unitId}`, { cookie: director });
    expect(res.status).toBe(200);
    expect(res.body.links.map((l: { label: string }) => l.label)).toEqual([
      '备课',
      '上课',
      '批改作业',
      '辅导',
      '考试',
    ]);
    const rows = res.body.rows as {
      teacherId: string;
      links: Record<string, { score: number } | null>;
      sampledPlans: number;
      sampledHomework: number;
      checkCount: number;
    }[];
    expect(rows.map((r) => r.teacherId).sort()).toEqual([a, b].sort());
    const rowA = rows.find((r) => r.teacherId === a);
    expect(rowA?.links.prepare?.score).toBe(90);
    expect(rowA?.links.mark?.score).toBe(75);
    expect(rowA?.links.exam?.score).toBe(85);
    expect(rowA?.links.teach).toBeNull();
    expect(rowA).toMatchObject({ checkCount: 4, sampledPlans: 20, sampledHomework: 30 });
    expect(rows.find((r) => r.teacherId === b)).toMatchObject({ checkCount: 0, sampledPlans: 0 });
    expect(res.body.totals).toEqual({
      teachers: 2,
      checkedTeachers: 1,
      checks: 4,
      sampledPlans: 20,
      sampledHomework: 30,
    });

    // A unit manager's matrix is their own unit's; a teacher's is their own row.
    const unitMatrix = await api(`${path}/matrix?semester=${semester()}`, { cookie: manager });
    expect(unitMatrix.body.rows.every((r: { unitId: string }) => r.unitId === homeUnit)).toBe(true);
    expect(unitMatrix.body.rows.some((r: { teacherId: string }) => r.teacherId === a)).toBe(false);
    const own = await api(`${path}/matrix?semester=${semester()}`, { cookie: teacher });
    expect(own.body.rows.map((r: { teacherId: string }) => r.teacherId)).toEqual([teacherId]);

    // The export reads back: the register in check order, the matrix on the second sheet.
    const xlsx = await fetch(
      `${stack.url}/api/t/${tenant}/teaching/checks.xlsx?semester=${semester()}&unitId=${unitId}`,
      {
        headers: { cookie: director, connection: 'close' },
      },
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain(encodeURIComponent('教学常规检查登记表'));
    const book = XLSX.read(new Uint8Array(await xlsx.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames).toEqual(['检查登记', '五环节汇总']);
    const sheet = (name: string) =>
      XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name] as XLSX.WorkSheet, { header: 1, defval: null });
    const register = sheet('检查登记');
    expect(String(register[0]?.[0])).toContain('教学常规检查登记表');
    expect(register[1]).toEqual([
      '序号',
      '检查日期',
      '部门',
      '教师',
      '检查环节',
      '得分',
      '抽查数量',
      '检查意见',
      '检查人',
    ]);
    expect(register.slice(2).map((r) => [r[4], r[5], r[6]])).toEqual([
      ['备课', 80, 12],
      ['备课', 90, 8],
      ['批改作业', 75, 30],
      ['考试', 85, null],
    ]);
    const summary = sheet('五环节汇总');
    const last = summary[summary.length - 1];
    expect(last?.slice(-3)).toEqual([4, 20, 30]);
  });
});
