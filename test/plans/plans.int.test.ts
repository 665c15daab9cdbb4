import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units } from '../../db/schema/tenant';
import { archivedTemplate, newTemplate } from '../checklists/fixtures';
import { type ApiResponse, api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { archivedUnit, newUnit, newZone } from '../units/fixtures';
import { archiveUnits, crowdedZone, insertVisit, itemRows, writtenFor } from './db';
import { beijingDay, newPlan, plansPath, suffix } from './fixtures';

const COUNTY = 'test-county';
const COLLEGE = 'test-college';

let director = '';
let viewer = '';
let collegeDirector = '';
beforeAll(async () => {
  [director, viewer, collegeDirector] = await Promise.all([
    signIn(COUNTY, 'role_director'),
    signIn(COUNTY, 'role_viewer'),
    signIn(COLLEGE, 'role_director'),
  ]);
});

function issuesOf(res: ApiResponse) {
  return (res.body.error.details?.issues ?? []) as { path: string; message: string }[];
}

async function planAudits(tenant: string, planId: string, action: string) {
  const db = await tenantDbOf(tenant);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'plan'), eq(auditLog.entityId, planId), eq(auditLog.action, action)));
}

describe('create', () => {
  it('zone_monthly: every active unit of the zone in every month of the period, nothing else; audited', async () => {
    const zoneId = await newZone(COUNTY);
    const [a, b, gone, outside] = await Promise.all([
      newUnit(COUNTY, { zoneId }),
      newUnit(COUNTY, { zoneId }),
      newUnit(COUNTY, { zoneId }),
      newUnit(COUNTY),
    ]);
    await api(`/api/t/${COUNTY}/units/${gone}/archive`, { method: 'POST', cookie: director });
    const templateId = await newTemplate(COUNTY, 'management');
    const name = `责任区月度督导${suffix()}`;
    const res = await api(plansPath(COUNTY, 'management'), {
      cookie: director,
      body: {
        kind: 'zone_monthly',
        name,
        visitKind: 'listed',
        templateId,
        zoneId,
        startsOn: '2040-03-10',
        endsOn: '2040-05-20',
        theme: '校园安全',
        note: '每月至少一次',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const plan = res.body.plan;
    expect(plan).toMatchObject({
      module: 'management',
      kind: 'zone_monthly',
      name,
      visitKind: 'listed',
      template: { id: templateId },
      zone: { id: zoneId },
      startsOn: '2040-03-10',
      endsOn: '2040-05-20',
      theme: '校园安全',
      note: '每月至少一次',
      status: 'active',
      counts: { total: 6, upcoming: 6, due: 0, done: 0, late: 0 },
    });
    expect(plan.template.name).toMatch(/测试检查表/);
    expect(plan.createdBy.name).toBeTruthy();

    const rows = await itemRows(COUNTY, plan.id);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.unitId))).toEqual(new Set([a, b]));
    expect(rows.filter((r) => r.unitId === a)).toEqual([
      { unitId: a, startsOn: '2040-03-10', dueOn: '2040-03-31' },
      { unitId: a, startsOn: '2040-04-01', dueOn: '2040-04-30' },
      { unitId: a, startsOn: '2040-05-01', dueOn: '2040-05-20' },
    ]);
    expect(rows.some((r) => r.unitId === gone || r.unitId === outside)).toBe(false);

    const audits = await planAudits(COUNTY, plan.id, 'plan.create');
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({
      module: 'management',
      kind: 'zone_monthly',
      itemCount: 6,
      zoneId,
    });

    // Readers see it in the module's list, with its progress; the other modules do not.
    const list = await api(`${plansPath(COUNTY, 'management')}?pageSize=100`, { cookie: viewer });
    expect(list.status).toBe(200);
    const listed = list.body.items.find((p: { id: string }) => p.id === plan.id);
    expect(listed).toMatchObject({ name, counts: { total: 6, upcoming: 6 }, zone: { id: zoneId } });
    const safety = await api(`${plansPath(COUNTY, 'safety')}?pageSize=100`, { cookie: viewer });
    expect(safety.body.items.some((p: { id: string }) => p.id === plan.id)).toBe(false);
  });

  it('semester_all: every active unit once over the whole period (college)', async () => {
    const [fresh, gone] = await Promise.all([newUnit(COLLEGE), archivedUnit(COLLEGE)]);
    const res = await api(plansPath(COLLEGE, 'teaching'), {
      cookie: collegeDirector,
      body: {
        kind: 'semester_all',
        name: `学期全覆盖${suffix()}`,
        visitKind: 'routine',
        startsOn: '2041-09-01',
        endsOn: '2042-01-20',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const rows = await itemRows(COLLEGE, res.body.plan.id);
    expect(rows.length).toBe(res.body.plan.counts.total);
    const ids = rows.map((r) => r.unitId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(fresh);
    expect(ids).not.toContain(gone);
    for (const r of rows) expect(r).toMatchObject({ startsOn: '2041-09-01', dueOn: '2042-01-20' });
    // Only active units, among them the college's seeded departments.
    const db = await tenantDbOf(COLLEGE);
    const statuses = await db.select({ status: units.status }).from(units).where(inArray(units.id, ids));
    expect(statuses.every((s) => s.status === 'active')).toBe(true);
    expect(ids.length).toBeGreaterThanOrEqual(10);
  });

  it('campaign: the chosen units once', async () => {
    const [a, b] = await Promise.all([newUnit(COUNTY), newUnit(COUNTY)]);
    const res = await api(plansPath(COUNTY, 'safety'), {
      cookie: director,
      body: {
        kind: 'campaign',
        name: `食堂专项${suffix()}`,
        visitKind: 'special',
        unitIds: [a, b],
        startsOn: '2040-06-01',
        endsOn: '2040-06-15',
        templateId: '',
        zoneId: null,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.plan).toMatchObject({
      kind: 'campaign',
      template: null,
      zone: null,
      counts: { total: 2 },
    });
    expect(await itemRows(COUNTY, res.body.plan.id)).toEqual(
      [a, b].sort().map((unitId) => ({ unitId, startsOn: '2040-06-01', dueOn: '2040-06-15' })),
    );
  });
});

describe('bad input: 422 in Chinese on the field, nothing written', () => {
  async function refused(body: Record<string, unknown>, unitIds: string[], path: string, message?: RegExp) {
    const name = `拒绝测试${suffix()}`;
    const res = await api(plansPath(COUNTY, 'management'), {
      cookie: director,
      body: { name, visitKind: 'routine', ...body },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const issue = issuesOf(res).find((i) => i.path === path);
    expect(issue, JSON.stringify(res.body)).toBeTruthy();
    expect(issue?.message).toMatch(/[\u4e00-\u9fff]/);
    if (message) expect(issue?.message).toMatch(message);
    expect(await writtenFor(COUNTY, name, unitIds)).toEqual({ plans: 0, items: 0, audits: 0 });
  }

  it('an end before the start, or a period over a year', async () => {
    const unit = await newUnit(COUNTY);
    const campaign = { kind: 'campaign', unitIds: [unit] };
    await refused({ ...campaign, startsOn: '2040-05-01', endsOn: '2040-04-30' }, [unit], 'endsOn', /早于/);
    await refused({ ...campaign, startsOn: '2040-05-01', endsOn: '2041-05-01' }, [unit], 'endsOn', /一年/);
    await refused({ ...campaign, startsOn: '2040-02-30', endsOn: '2040-03-31' }, [unit], 'startsOn');
  });

  it('zone_monthly without a zone, with an unknown zone, or with a zone of no active unit', async () => {
    const period = { startsOn: '2040-03-01', endsOn: '2040-03-31' };
    await refused({ kind: 'zone_monthly', ...period }, [], 'zoneId', /责任区/);
    await refused({ kind: 'zone_monthly', zoneId: crypto.randomUUID(), ...period }, [], 'zoneId', /未找到/);
    const empty = await newZone(COUNTY);
    const gone = await newUnit(COUNTY, { zoneId: empty });
    await api(`/api/t/${COUNTY}/units/${gone}/archive`, { method: 'POST', cookie: director });
    await refused({ kind: 'zone_monthly', zoneId: empty, ...period }, [gone], 'zoneId', /没有在用的学校/);
  });

  it('a campaign with an archived unit (named), an unknown unit or none; units or a zone for another kind', async () => {
    const period = { startsOn: '2040-03-01', endsOn: '2040-03-31' };
    const ok = await newUnit(COUNTY);
    const gone = await archivedUnit(COUNTY);
    const db = await tenantDbOf(COUNTY);
    const [goneRow] = await db.select({ name: units.name }).from(units).where(eq(units.id, gone));
    await refused(
      { kind: 'campaign', unitIds: [ok, gone], ...period },
      [ok, gone],
      'unitIds',
      new RegExp(`已归档.*${goneRow?.name}`),
    );
    await refused(
      { kind: 'campaign', unitIds: [ok, crypto.randomUUID()], ...period },
      [ok],
      'unitIds',
      /不存在/,
    );
    await refused({ kind: 'campaign', unitIds: [], ...period }, [], 'unitIds');
    await refused({ kind: 'semester_all', unitIds: [ok], ...period }, [ok], 'unitIds', /专项/);
    const zoneId = await newZone(COUNTY);
    await refused({ kind: 'campaign', unitIds: [ok], zoneId, ...period }, [ok], 'zoneId');
  });

  it('a template of another module, an archived one, or one that does not exist', async () => {
    const unit = await newUnit(COUNTY);
    const body = { kind: 'campaign', unitIds: [unit], startsOn: '2040-03-01', endsOn: '2040-03-31' };
    const [safety, archived] = await Promise.all([
      newTemplate(COUNTY, 'safety'),
      archivedTemplate(COUNTY, 'management'),
    ]);
    await refused({ ...body, templateId: safety }, [unit], 'templateId', /不属于本模块/);
    await refused({ ...body, templateId: archived }, [unit], 'templateId', /停用/);
    await refused({ ...body, templateId: crypto.randomUUID() }, [unit], 'templateId');
  });

  it('a plan too large: 400 units of a zone over 13 months would be 5,200 visits', async () => {
    const zoneId = await newZone(COUNTY);
    const crowd = await crowdedZone(COUNTY, zoneId, 400, `容量测试${suffix()}-`);
    try {
      await refused(
        { kind: 'zone_monthly', zoneId, startsOn: '2040-01-15', endsOn: '2041-01-14' },
        crowd,
        'endsOn',
        /5200.*5000/,
      );
    } finally {
      await archiveUnits(COUNTY, crowd);
    }
  });
});

describe('modules and tenants', () => {
  it('a module the tenant has off is refused; another module’s or tenant’s plan is not found', async () => {
    const off = await api(plansPath(COUNTY, 'study'), { cookie: director });
    expectErrorShape(off, 403, 'MODULE_DISABLED');
    const id = await newPlan(COUNTY, 'management');
    expect((await api(`${plansPath(COUNTY, 'management')}/${id}`, { cookie: viewer })).status).toBe(200);
    expectErrorShape(await api(`${plansPath(COUNTY, 'safety')}/${id}`, { cookie: viewer }), 404, 'NOT_FOUND');
    expectErrorShape(
      await api(`${plansPath(COUNTY, 'safety')}/${id}/cancel`, { method: 'POST', cookie: director }),
      404,
      'NOT_FOUND',
    );
    const college = await newPlan(COLLEGE, 'management');
    expectErrorShape(
      await api(`${plansPath(COUNTY, 'management')}/${college}`, { cookie: viewer }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await api(`${plansPath(COUNTY, 'management')}/not-an-id`, { cookie: viewer }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses a bad list or item filter with 422', async () => {
    expectErrorShape(
      await api(`${plansPath(COUNTY)}?status=gone`, { cookie: viewer }),
      422,
      'VALIDATION_FAILED',
    );
    const id = await newPlan(COUNTY);
    expectErrorShape(
      await api(`${plansPath(COUNTY)}/${id}?state=finished`, { cookie: viewer }),
      422,
      'VALIDATION_FAILED',
    );
  });
});

/** The first and last day of the month `offset` months from this Beijing month. */
function monthOf(offset: number) {
  const today = beijingDay();
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + offset, 1));
  const first = d.toISOString().slice(0, 10);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  return { first, last, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

describe('item states (computed from visits on each read)', () => {
  it('done with a visit of the plan’s module in the window, late past due, due today, upcoming later', async () => {
    const prev = monthOf(-1);
    const now = monthOf(0);
    const next = monthOf(1);
    const today = beijingDay();
    const zoneId = await newZone(COLLEGE);
    const [a, b, c] = await Promise.all([
      newUnit(COLLEGE, { zoneId, name: `甲部门${suffix()}` }),
      newUnit(COLLEGE, { zoneId, name: `乙部门${suffix()}` }),
      newUnit(COLLEGE, { zoneId, name: `丙部门${suffix()}` }),
    ]);
    const res = await api(plansPath(COLLEGE, 'management'), {
      cookie: collegeDirector,
      body: {
        kind: 'zone_monthly',
        name: `月度督导${suffix()}`,
        visitKind: 'routine',
        zoneId,
        startsOn: prev.first,
        endsOn: next.last,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const planId = res.body.plan.id;

    const aNow = await insertVisit(COLLEGE, { module: 'management', unitId: a, visitedOn: today });
    const bPrev = await insertVisit(COLLEGE, { module: 'management', unitId: b, visitedOn: prev.first });
    // Neither of these fulfils anything: another module, and a day before the plan.
    await insertVisit(COLLEGE, { module: 'safety', unitId: c, visitedOn: today });
    const before = new Date(Date.parse(`${prev.first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await insertVisit(COLLEGE, { module: 'management', unitId: c, visitedOn: before });

    const detail = await api(`${plansPath(COLLEGE, 'management')}/${planId}`, { cookie: collegeDirector });
    expect(detail.status).toBe(200);
    expect(detail.body.today).toBe(today);
    expect(detail.body.plan.counts).toEqual({ total: 9, done: 2, late: 2, due: 2, upcoming: 3 });
    const stateOf = (unitId: string, dueOn: string) =>
      detail.body.items.items.find(
        (i: { unitId: string; dueOn: string }) => i.unitId === unitId && i.dueOn === dueOn,
      );
    expect(stateOf(a, prev.last)).toMatchObject({ state: 'late', visitId: null });
    expect(stateOf(a, now.last)).toMatchObject({ state: 'done', visitId: aNow });
    expect(stateOf(a, next.last)).toMatchObject({ state: 'upcoming', visitId: null });
    expect(stateOf(b, prev.last)).toMatchObject({ state: 'done', visitId: bPrev });
    expect(stateOf(b, now.last)).toMatchObject({ state: 'due' });
    expect(stateOf(c, prev.last)).toMatchObject({ state: 'late' });
    expect(stateOf(c, now.last)).toMatchObject({ state: 'due' });
    expect(stateOf(a, now.last).unitName).toMatch(/^甲部门/);
    // Ordered by due day: the previous month first.
    expect(detail.body.items.items[0].dueOn).toBe(prev.last);

    const late = await api(`${plansPath(COLLEGE, 'management')}/${planId}?state=late`, {
      cookie: collegeDirector,
    });
    expect(late.body.items.total).toBe(2);
    expect(late.body.items.items.map((i: { unitId: string }) => i.unitId).sort()).toEqual([a, c].sort());
    const paged = await api(`${plansPath(COLLEGE, 'management')}/${planId}?pageSize=4&page=3`, {
      cookie: collegeDirector,
    });
    expect(paged.body.items).toMatchObject({ total: 9, page: 3, pageSize: 4 });
    expect(paged.body.items.items).toHaveLength(1);

    // The calendar of this month lists the same states.
    const cal = await api(`/api/t/${COLLEGE}/calendar?year=${now.year}&month=${now.month}`, {
      cookie: collegeDirector,
    });
    expect(cal.status).toBe(200);
    const group = cal.body.items.groups.find((g: { module: string }) => g.module === 'management');
    const mine = group.items.filter((i: { planId: string }) => i.planId === planId);
    expect(mine).toHaveLength(3);
    const calState = (unitId: string) => mine.find((i: { unitId: string }) => i.unitId === unitId);
    expect(calState(a)).toMatchObject({ state: 'done', visitId: aNow, dueOn: now.last });
    expect(calState(b)).toMatchObject({ state: 'due', visitId: null });
    expect(calState(c)).toMatchObject({ state: 'due' });
  });
});

describe('cancel', () => {
  it('takes the plan off the calendar, keeps it readable, and a second cancel changes nothing', async () => {
    const unit = await newUnit(COLLEGE);
    const id = await newPlan(COLLEGE, 'safety', {
      unitIds: [unit],
      startsOn: '2044-06-01',
      endsOn: '2044-06-30',
    });
    const calendar = async () => {
      const res = await api(`/api/t/${COLLEGE}/calendar?year=2044&month=6&module=safety`, {
        cookie: collegeDirector,
      });
      expect(res.status).toBe(200);
      return res.body;
    };
    const before = await calendar();
    expect(before.items.groups[0].items.some((i: { planId: string }) => i.planId === id)).toBe(true);
    expect(before.months[5].counts.safety.total).toBeGreaterThanOrEqual(1);

    const res = await api(`${plansPath(COLLEGE, 'safety')}/${id}/cancel`, {
      method: 'POST',
      cookie: collegeDirector,
    });
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({ id, status: 'cancelled', counts: { total: 1 } });
    const after = await calendar();
    expect(after.items.groups[0].items.some((i: { planId: string }) => i.planId === id)).toBe(false);
    expect(after.months[5].counts.safety.total).toBe(before.months[5].counts.safety.total - 1);

    const again = await api(`${plansPath(COLLEGE, 'safety')}/${id}/cancel`, {
      method: 'POST',
      cookie: collegeDirector,
    });
    expect(again.status).toBe(200);
    expect(await planAudits(COLLEGE, id, 'plan.cancel')).toHaveLength(1);

    const cancelled = await api(`${plansPath(COLLEGE, 'safety')}?status=cancelled&pageSize=100`, {
      cookie: collegeDirector,
    });
    expect(cancelled.body.items.some((p: { id: string }) => p.id === id)).toBe(true);
    const active = await api(`${plansPath(COLLEGE, 'safety')}?pageSize=100`, { cookie: collegeDirector });
    expect(active.body.items.some((p: { id: string }) => p.id === id)).toBe(false);
  });
});
