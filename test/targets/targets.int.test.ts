import * as XLSX from '@e965/xlsx';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, developmentTargets } from '../../db/schema/tenant';
import { targetsForUnit } from '../../worker/modules/targets/for-unit';
import { cookieOf } from '../observations/fixtures';
import { type ApiResponse, api, expectErrorShape, stack, tenantDbOf } from '../support/api';
import { newUnit } from '../units/fixtures';
import { managerUnit, newTarget, targetsPath, thisSchoolYear } from './fixtures';

const TENANTS = ['test-county', 'test-college'] as const;

function issuesOf(res: ApiResponse) {
  return (res.body.error.details?.issues ?? []) as { path: string; message: string }[];
}

async function auditCount(tenant: string, action: string, entityId: string) {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return row?.n ?? 0;
}

/** The first leaf key and first-level key of the shipped developmental scheme. */
async function schemeKeys(tenant: string, cookie: string) {
  const res = await api(`${targetsPath(tenant)}?year=${thisSchoolYear()}`, { cookie });
  const options = res.body.indicators as { key: string; level: number }[];
  return { first: options.find((o) => o.level === 1)?.key, leaf: options.find((o) => o.level > 1)?.key };
}

describe.each(TENANTS)('developmental targets in %s', (tenant) => {
  const path = targetsPath(tenant);
  // Years of their own per test group, so the security suite's writes never mix in.
  const year = thisSchoolYear() - 2;
  let manager = '';
  let admin = '';
  let inspector = '';
  let viewer = '';
  let teacher = '';
  let unitId = '';

  beforeAll(async () => {
    [manager, admin, inspector, viewer, teacher, unitId] = await Promise.all([
      cookieOf(tenant, 'role_unit_manager'),
      cookieOf(tenant, 'role_admin'),
      cookieOf(tenant, 'role_inspector'),
      cookieOf(tenant, 'role_viewer'),
      cookieOf(tenant, 'role_teacher'),
      managerUnit(tenant),
    ]);
  });

  it('a unit manager adds targets to their own unit, in order, each with an audit row', async () => {
    const { leaf, first } = await schemeKeys(tenant, manager);
    expect(leaf).toBeTruthy();
    const a = await api(path, {
      cookie: manager,
      body: {
        unitId,
        schoolYear: year,
        title: '  骨干教师队伍建设 ',
        measure: '市级以上骨干教师达到 12 人',
        indicatorKey: leaf,
      },
    });
    expect(a.status).toBe(201);
    expect(a.body.target).toMatchObject({
      unitId,
      schoolYear: year,
      title: '骨干教师队伍建设',
      measure: '市级以上骨干教师达到 12 人',
      indicatorKey: leaf,
      status: 'planned',
      statusLabel: '未评估',
      sort: 0,
    });
    const b = await api(path, {
      cookie: manager,
      body: { unitId, schoolYear: year, title: '课程建设', indicatorKey: first },
    });
    expect(b.status).toBe(201);
    expect(b.body.target.sort).toBe(1);
    expect(b.body.target.measure).toBeNull();
    expect(await auditCount(tenant, 'development_target.create', a.body.target.id)).toBe(1);

    const list = await api(`${path}?year=${year}`, { cookie: manager });
    expect(list.status).toBe(200);
    expect(list.body.unit.id).toBe(unitId);
    expect(list.body.yearLabel).toBe(`${year}—${year + 1}学年`);
    expect(list.body.canEdit).toBe(true);
    expect(list.body.items.map((t: { title: string }) => t.title)).toEqual(['骨干教师队伍建设', '课程建设']);
    expect(list.body.summary).toEqual({ total: 2, planned: 2, met: 0, partly: 0, missed: 0 });
  });

  it('refuses bad input with 422 naming the field, and writes nothing', async () => {
    const y = thisSchoolYear() - 3;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ unitId, schoolYear: y, title: '   ' }, 'title', /请填写目标/],
      [{ unitId, schoolYear: y, title: 'x'.repeat(101) }, 'title', /不能超过 100/],
      [{ unitId, schoolYear: 1999, title: '目标' }, 'schoolYear', /学年应为/],
      [{ unitId, schoolYear: y, title: '目标', indicatorKey: 'ZZ9' }, 'indicatorKey', /不在发展性评估方案中/],
      [{ unitId: 'abc', schoolYear: y, title: '目标' }, 'unitId', /请选择学校/],
    ];
    for (const [body, field, message] of cases) {
      const res = await api(path, { cookie: manager, body });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      const issue = issuesOf(res).find((i) => i.path === field);
      expect(issue?.message, field).toMatch(message);
    }
    const t = await newTarget(tenant, { schoolYear: y });
    const bad = await api(`${path}/${t.id}/progress`, {
      method: 'PUT',
      cookie: manager,
      body: { status: 'done' },
    });
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    expect(issuesOf(bad)[0]).toMatchObject({ path: 'status', message: expect.stringMatching(/完成情况/) });
    const db = await tenantDbOf(tenant);
    const rows = await db
      .select()
      .from(developmentTargets)
      .where(and(eq(developmentTargets.unitId, unitId), eq(developmentTargets.schoolYear, y)));
    expect(rows.map((r) => r.id)).toEqual([t.id]);
    expect(rows[0]?.status).toBe('planned');
  });

  it('records year-end progress, edits, reorders and deletes, each audited', async () => {
    const y = thisSchoolYear() - 4;
    const a = await newTarget(tenant, { schoolYear: y, title: '甲' });
    const b = await newTarget(tenant, { schoolYear: y, title: '乙' });
    const c = await newTarget(tenant, { schoolYear: y, title: '丙' });
    const progress = await api(`${path}/${a.id}/progress`, {
      method: 'PUT',
      cookie: manager,
      body: { status: 'partly', progress: '已有 10 人', adjustment: '市级以上骨干教师达到 14 人' },
    });
    expect(progress.status).toBe(200);
    expect(progress.body.target).toMatchObject({
      status: 'partly',
      statusLabel: '部分达成',
      progress: '已有 10 人',
    });
    expect(await auditCount(tenant, 'development_target.progress', a.id)).toBe(1);

    const edit = await api(`${path}/${b.id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { title: '乙（修订）' },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.target.title).toBe('乙（修订）');

    const order = await api(`${path}/reorder`, {
      cookie: manager,
      body: { unitId, schoolYear: y, ids: [c.id, a.id, b.id] },
    });
    expect(order.status).toBe(200);
    expect(order.body.items.map((t: { title: string }) => t.title)).toEqual(['丙', '甲', '乙（修订）']);
    const stale = await api(`${path}/reorder`, {
      cookie: manager,
      body: { unitId, schoolYear: y, ids: [c.id, a.id] },
    });
    expectErrorShape(stale, 422, 'VALIDATION_FAILED');
    expect(issuesOf(stale)[0]?.path).toBe('ids');

    const del = await api(`${path}/${c.id}`, { method: 'DELETE', cookie: manager });
    expect(del.status).toBe(200);
    expect(await auditCount(tenant, 'development_target.delete', c.id)).toBe(1);
    const again = await api(`${path}/${c.id}`, { method: 'DELETE', cookie: manager });
    expectErrorShape(again, 404, 'NOT_FOUND');

    const db = await tenantDbOf(tenant);
    const summary = await targetsForUnit(db, unitId, y);
    expect(summary.summary).toEqual({ total: 2, planned: 1, met: 0, partly: 1, missed: 0 });
    expect(summary.items.map((t) => t.title)).toEqual(['甲', '乙（修订）']);
  });

  it('carries the year into the next with the adjustments as measures, once', async () => {
    const y = thisSchoolYear() - 10;
    const a = await newTarget(tenant, { schoolYear: y, title: '读书工程', measure: '生均 30 册' });
    await newTarget(tenant, { schoolYear: y, title: '体育达标', measure: '合格率 95%' });
    await api(`${path}/${a.id}/progress`, {
      method: 'PUT',
      cookie: manager,
      body: { status: 'met', progress: '已达 32 册', adjustment: '生均 35 册' },
    });
    const carry = await api(`${path}/carry`, { cookie: manager, body: { unitId, schoolYear: y } });
    expect(carry.status).toBe(200);
    expect(carry.body).toEqual({ schoolYear: y + 1, created: 2, skipped: 0 });
    const next = await api(`${path}?year=${y + 1}`, { cookie: manager });
    expect(
      next.body.items.map((t: { title: string; measure: string; status: string }) => [
        t.title,
        t.measure,
        t.status,
      ]),
    ).toEqual([
      ['读书工程', '生均 35 册', 'planned'],
      ['体育达标', '合格率 95%', 'planned'],
    ]);
    expect(await auditCount(tenant, 'development_target.carry', unitId)).toBeGreaterThanOrEqual(1);
    const twice = await api(`${path}/carry`, { cookie: manager, body: { unitId, schoolYear: y } });
    expect(twice.body).toEqual({ schoolYear: y + 1, created: 0, skipped: 2 });
    const empty = await api(`${path}/carry`, { cookie: manager, body: { unitId, schoolYear: y - 20 } });
    expectErrorShape(empty, 422, 'VALIDATION_FAILED');
    expect(issuesOf(empty)[0]?.path).toBe('schoolYear');
  });

  it('keeps a unit manager to their own unit: another unit and its targets are 404', async () => {
    const other = await newUnit(tenant);
    const theirs = await newTarget(
      tenant,
      { unitId: other, schoolYear: year, title: '他校目标' },
      'role_director',
    );
    const list = await api(`${path}?unitId=${other}&year=${year}`, { cookie: manager });
    expectErrorShape(list, 404, 'NOT_FOUND');
    const create = await api(path, {
      cookie: manager,
      body: { unitId: other, schoolYear: year, title: '越权' },
    });
    expectErrorShape(create, 404, 'NOT_FOUND');
    for (const [method, suffix, body] of [
      ['PATCH', '', { title: '改' }],
      ['PUT', '/progress', { status: 'met' }],
      ['DELETE', '', undefined],
    ] as const) {
      const res = await api(`${path}/${theirs.id}${suffix}`, { method, cookie: manager, body });
      expectErrorShape(res, 404, 'NOT_FOUND');
    }
    // The office reads any unit; inspectors and viewers read but never write.
    const office = await api(`${path}?unitId=${other}&year=${year}`, { cookie: inspector });
    expect(office.status).toBe(200);
    expect(office.body.items.map((t: { title: string }) => t.title)).toEqual(['他校目标']);
    expect(office.body.canEdit).toBe(false);
    const write = await api(`${path}/${theirs.id}`, {
      method: 'PATCH',
      cookie: viewer,
      body: { title: '改' },
    });
    expectErrorShape(write, 403, 'FORBIDDEN');
    const teacherRead = await api(`${path}?year=${year}`, { cookie: teacher });
    expectErrorShape(teacherRead, 403, 'FORBIDDEN');
    const noUnit = await api(`${path}?year=${year}`, { cookie: admin });
    expectErrorShape(noUnit, 422, 'VALIDATION_FAILED');
  });

  it('exports the year’s targets and progress to .xlsx', async () => {
    const y = thisSchoolYear() - 7;
    const t = await newTarget(tenant, { schoolYear: y, title: '信息化建设', measure: '多媒体教室全覆盖' });
    await api(`${path}/${t.id}/progress`, {
      method: 'PUT',
      cookie: manager,
      body: { status: 'missed', progress: '经费未到位' },
    });
    const res = await fetch(`${stack.url}${path}.xlsx?unitId=${unitId}&year=${y}`, {
      headers: { cookie: viewer, connection: 'close' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('发展目标'));
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.发展目标 as XLSX.WorkSheet, {
      header: 1,
    });
    expect(String(rows[0]?.[0])).toContain(`${y}—${y + 1}学年发展规划目标及完成情况`);
    expect(rows[1]).toEqual([
      '序号',
      '发展目标',
      '具体指标',
      '对应评估指标',
      '完成情况',
      '完成情况说明',
      '下学年目标调整',
    ]);
    expect(rows[2]?.[0]).toBe(1);
    expect(rows[2]?.[2]).toBe('多媒体教室全覆盖');
    expect(rows[2]?.[1]).toBe('信息化建设');
    expect(rows[2]?.[4]).toBe('未达成');
    expect(rows[2]?.[5]).toBe('经费未到位');
    expect(String(rows.at(-1)?.[1])).toContain('未达成 1');
  });
});
