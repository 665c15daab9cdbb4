import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectErrorShape, signIn } from '../support/api';
import { newGroupUnit, newUnit, newZone, unitsAdminCookie } from '../units/fixtures';
import { insertFindings, insertVisits } from './db';

const COUNTY = 'test-county';
const COLLEGE = 'test-college';

// A past month no other test writes to: a past month counts "days without a visit" to its last day.
const YEAR = 2004;
const MONTH = 11;

let countyViewer = '';
let collegeInspector = '';
const county = { zone: '', a: '', b: '', c: '', d: '' };
const college = { zone: '', unit: '' };

const dashboardPath = (tenant: string, q: string) => `/api/t/${tenant}/dashboard?${q}`;

beforeAll(async () => {
  [countyViewer, collegeInspector] = await Promise.all([
    signIn(COUNTY, 'role_viewer'),
    signIn(COLLEGE, 'role_inspector'),
  ]);
  county.zone = await newZone(COUNTY);
  const inZone = { zoneId: county.zone };
  [county.a, county.b, county.c, county.d] = await Promise.all([
    newUnit(COUNTY, { ...inZone, name: `看板甲校${Date.now()}` }),
    newUnit(COUNTY, { ...inZone, name: `看板乙校${Date.now()}` }),
    newUnit(COUNTY, { ...inZone, name: `看板丙校${Date.now()}` }),
    newUnit(COUNTY, { ...inZone, name: `看板丁校${Date.now()}` }),
  ]);
  // Neither a township (a group) nor an archived school counts as a supervised unit.
  const township = await newGroupUnit(COUNTY, inZone);
  const archived = await newUnit(COUNTY, inZone);
  const archive = await api(`/api/t/${COUNTY}/units/${archived}/archive`, {
    method: 'POST',
    cookie: await unitsAdminCookie(COUNTY),
  });
  expect(archive.status).toBe(200);

  await insertVisits(COUNTY, [
    // a: every month of the autumn semester so far (Sep, Oct, Nov), twice in November.
    { module: 'management', unitId: county.a, visitedOn: '2004-09-10' },
    { module: 'safety', unitId: county.a, visitedOn: '2004-10-05' },
    { module: 'teaching', unitId: county.a, visitedOn: '2004-11-03' },
    { module: 'management', unitId: county.a, visitedOn: '2004-11-15' },
    // b: November only; its study visit does not count (the county has study off).
    { module: 'safety', unitId: county.b, visitedOn: '2004-11-20' },
    { module: 'study', unitId: county.b, visitedOn: '2004-10-01' },
    // c: last visited in June, 182 days before 30 November.
    { module: 'teaching', unitId: county.c, visitedOn: '2004-06-01' },
    // after the asked month: not counted anywhere.
    { module: 'teaching', unitId: county.c, visitedOn: '2004-12-02' },
    // d: never. The township and the archived school have visits that only the chart counts.
    { module: 'management', unitId: township, visitedOn: '2004-08-15' },
    { module: 'management', unitId: archived, visitedOn: '2004-11-02' },
  ]);
  const past = '2004-12-01';
  await insertFindings(COUNTY, [
    { module: 'management', unitId: county.a, status: 'open' },
    { module: 'management', unitId: county.a, status: 'issued', deadline: past },
    { module: 'safety', unitId: county.a, status: 'reported', deadline: past },
    // Closed in the 12 months to November 2004: 5 days (management); 3 and 10 days (safety).
    {
      module: 'management',
      unitId: county.a,
      status: 'closed',
      issuedAt: '2004-03-01T02:00:00.000Z',
      closedAt: '2004-03-06T02:00:00.000Z',
    },
    {
      module: 'safety',
      unitId: county.a,
      status: 'closed',
      issuedAt: '2004-10-01T02:00:00.000Z',
      closedAt: '2004-10-04T02:00:00.000Z',
    },
    {
      module: 'safety',
      unitId: county.c,
      status: 'closed',
      issuedAt: '2004-11-01T00:00:00.000Z',
      closedAt: '2004-11-11T00:00:00.000Z',
    },
    // Closed before the window: counted as closed, not in the median.
    {
      module: 'safety',
      unitId: county.c,
      status: 'closed',
      issuedAt: '2002-01-01T00:00:00.000Z',
      closedAt: '2002-03-01T00:00:00.000Z',
    },
    { module: 'teaching', unitId: county.b, status: 'issued', deadline: '2999-01-01' },
    { module: 'study', unitId: county.b, status: 'issued', deadline: past },
  ]);

  college.zone = await newZone(COLLEGE);
  college.unit = await newUnit(COLLEGE, { zoneId: college.zone });
  await insertVisits(COLLEGE, [
    { module: 'teaching', unitId: college.unit, visitedOn: '2005-02-20' },
    { module: 'study', unitId: college.unit, visitedOn: '2005-03-05' },
  ]);
  await insertFindings(COLLEGE, [
    { module: 'study', unitId: college.unit, status: 'issued', deadline: '2005-03-01' },
  ]);
});

describe('GET /dashboard', () => {
  it('counts one zone’s coverage, findings, close times and visits against hand-made rows', async () => {
    const res = await api(dashboardPath(COUNTY, `year=${YEAR}&month=${MONTH}&zoneId=${county.zone}`), {
      cookie: countyViewer,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({
      year: YEAR,
      month: MONTH,
      asOf: '2004-11-30',
      zoneId: county.zone,
      modules: ['teaching', 'management', 'safety'],
      rule: { frequency: 'monthly', required: 3, staleDays: 60 },
      semester: {
        kind: 'autumn',
        schoolYear: 2004,
        from: '2004-09-01',
        to: '2005-01-31',
        elapsed: 3,
        length: 5,
        holiday: false,
      },
    });
    expect(body.coverage).toMatchObject({ units: 4, visitedMonth: 2, visitedSemester: 2, metSemester: 1 });
    expect(body.coverage.byZone).toEqual([
      expect.objectContaining({
        zoneId: county.zone,
        units: 4,
        visitedMonth: 2,
        visitedSemester: 2,
        metSemester: 1,
      }),
    ]);
    expect(body.coverage.stale.count).toBe(2);
    expect(body.coverage.stale.never).toBe(1);
    expect(body.coverage.stale.units.map((u: { id: string }) => u.id)).toEqual([county.d, county.c]);
    expect(body.coverage.stale.units[1]).toMatchObject({ lastVisitedOn: '2004-06-01', days: 182 });

    expect(body.findings.total).toEqual({ open: 1, issued: 2, reported: 1, overdue: 1, closed: 4 });
    expect(body.findings.byModule).toEqual([
      {
        module: 'teaching',
        open: 0,
        issued: 1,
        reported: 0,
        overdue: 0,
        closed: 0,
        closedInWindow: 0,
        medianDaysToClose: null,
      },
      {
        module: 'management',
        open: 1,
        issued: 1,
        reported: 0,
        overdue: 1,
        closed: 1,
        closedInWindow: 1,
        medianDaysToClose: 5,
      },
      {
        module: 'safety',
        open: 0,
        issued: 0,
        reported: 1,
        overdue: 0,
        closed: 3,
        closedInWindow: 2,
        medianDaysToClose: 6.5,
      },
    ]);
    expect(body.findings.byZone).toEqual([
      expect.objectContaining({
        zoneId: county.zone,
        open: 1,
        issued: 2,
        reported: 1,
        overdue: 1,
        closed: 4,
      }),
    ]);
    expect(body.findings.topUnits.map((u: { unitId: string }) => u.unitId)).toEqual([county.a, county.b]);
    expect(body.findings.topUnits[0]).toMatchObject({
      open: 1,
      issued: 1,
      reported: 1,
      overdue: 1,
      closed: 2,
    });

    const months = body.visitsByMonth as { month: string; total: number; byModule: Record<string, number> }[];
    expect(months.map((m) => m.month)).toEqual([
      '2003-12',
      ...Array.from({ length: 11 }, (_, i) => `2004-${String(i + 1).padStart(2, '0')}`),
    ]);
    const totals = Object.fromEntries(months.filter((m) => m.total > 0).map((m) => [m.month, m.total]));
    expect(totals).toEqual({ '2004-06': 1, '2004-08': 1, '2004-09': 1, '2004-10': 1, '2004-11': 4 });
    expect(months.at(-1)?.byModule).toEqual({ teaching: 1, management: 2, safety: 1 });
  });

  it('shows the same zone among all zones of the tenant', async () => {
    const res = await api(dashboardPath(COUNTY, `year=${YEAR}&month=${MONTH}`), { cookie: countyViewer });
    expect(res.status).toBe(200);
    expect(res.body.zoneId).toBeNull();
    const zone = res.body.coverage.byZone.find((z: { zoneId: string }) => z.zoneId === county.zone);
    expect(zone).toMatchObject({ units: 4, visitedMonth: 2, visitedSemester: 2, metSemester: 1 });
    expect(res.body.coverage.units).toBeGreaterThanOrEqual(4);
    const findings = res.body.findings.byZone.find((z: { zoneId: string }) => z.zoneId === county.zone);
    expect(findings).toMatchObject({ open: 1, issued: 2, reported: 1, overdue: 1, closed: 4 });
  });

  it('uses the spring semester and the college’s own modules and data', async () => {
    const res = await api(dashboardPath(COLLEGE, `year=2005&month=3&zoneId=${college.zone}`), {
      cookie: collegeInspector,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.modules).toEqual(['teaching', 'study', 'management', 'safety']);
    expect(res.body.semester).toMatchObject({
      kind: 'spring',
      schoolYear: 2004,
      from: '2005-02-01',
      to: '2005-07-31',
      elapsed: 2,
    });
    expect(res.body.rule.required).toBe(2);
    expect(res.body.coverage).toMatchObject({
      units: 1,
      visitedMonth: 1,
      visitedSemester: 1,
      metSemester: 1,
    });
    expect(res.body.findings.total).toEqual({ open: 0, issued: 1, reported: 0, overdue: 1, closed: 0 });
    expect(res.body.findings.byModule.find((m: { module: string }) => m.module === 'study')).toMatchObject({
      issued: 1,
      overdue: 1,
    });
  });

  it('answers for this month by default', async () => {
    const res = await api(`/api/t/${COUNTY}/dashboard`, { cookie: countyViewer });
    expect(res.status).toBe(200);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString();
    expect(res.body).toMatchObject({
      year: Number(today.slice(0, 4)),
      month: Number(today.slice(5, 7)),
      today: today.slice(0, 10),
      asOf: today.slice(0, 10),
    });
    expect(res.body.visitsByMonth).toHaveLength(12);
  });

  it('refuses a zone of another tenant with 404 and bad parameters with 422', async () => {
    const other = await api(dashboardPath(COLLEGE, `year=${YEAR}&month=${MONTH}&zoneId=${county.zone}`), {
      cookie: collegeInspector,
    });
    expectErrorShape(other, 404, 'NOT_FOUND');
    for (const q of [
      'year=2004',
      'month=3',
      'year=2004&month=13',
      'year=1999&month=1',
      'zoneId=abc',
      'staleDays=0',
    ]) {
      const res = await api(dashboardPath(COUNTY, q), { cookie: countyViewer });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
    }
  });
});
