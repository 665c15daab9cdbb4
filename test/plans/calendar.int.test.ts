import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, monthlyThemes } from '../../db/schema/tenant';
import { demoTenant } from '../../tenants/demo';
import { calendarItems } from '../../worker/modules/plans/get-calendar';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { newUnit, newZone } from '../units/fixtures';
import { insertVisit } from './db';
import { plansPath, suffix } from './fixtures';

const COUNTY = 'test-county';
const COLLEGE = 'test-college';
const COUNTY_PRESET = demoTenant('demo-county')?.config.themeCalendar ?? [];
const COLLEGE_PRESET = demoTenant('demo-college')?.config.themeCalendar ?? [];

let director = '';
let inspector = '';
let teacher = '';
let collegeViewer = '';
beforeAll(async () => {
  [director, inspector, teacher, collegeViewer] = await Promise.all([
    signIn(COUNTY, 'role_director'),
    signIn(COUNTY, 'role_inspector'),
    signIn(COUNTY, 'role_teacher'),
    signIn(COLLEGE, 'role_viewer'),
  ]);
});

const calendarPath = (tenant: string, q: string) => `/api/t/${tenant}/calendar?${q}`;

function themesOf(body: { months: { month: number; theme: string | null }[] }) {
  return body.months.map((m) => m.theme);
}

function presetThemes(preset: { month: number; theme: string }[]) {
  return Array.from({ length: 12 }, (_, i) => preset.find((t) => t.month === i + 1)?.theme ?? null);
}

async function yearRows(tenant: string, year: number) {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select({ n: count() }).from(monthlyThemes).where(eq(monthlyThemes.year, year));
  return row?.n ?? 0;
}

describe('themes', () => {
  it('a year without the office’s themes shows the preset; saving makes them the office’s; an empty list restores the preset', async () => {
    const year = 2041;
    const preset = await api(calendarPath(COUNTY, `year=${year}`), { cookie: inspector });
    expect(preset.status).toBe(200);
    expect(preset.body).toMatchObject({ year, themeSource: 'preset', plans: true });
    expect(preset.body.months).toHaveLength(12);
    expect(themesOf(preset.body)).toEqual(presetThemes(COUNTY_PRESET));

    const saved = await api(`/api/t/${COUNTY}/calendar/themes`, {
      cookie: director,
      body: {
        year,
        themes: [
          { month: 1, theme: '  寒假安全教育  ' },
          { month: 2, theme: '' },
          { month: 3, theme: '春季开学专项督导' },
        ],
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.source).toBe('office');
    expect(saved.body.themes.slice(0, 4)).toEqual([
      { month: 1, theme: '寒假安全教育' },
      { month: 2, theme: null },
      { month: 3, theme: '春季开学专项督导' },
      { month: 4, theme: null },
    ]);
    const read = await api(calendarPath(COUNTY, `year=${year}`), { cookie: inspector });
    expect(read.body.themeSource).toBe('office');
    expect(themesOf(read.body)).toEqual(['寒假安全教育', null, '春季开学专项督导', ...Array(9).fill(null)]);
    // Another year and the other tenant keep their presets.
    const nextYear = await api(calendarPath(COUNTY, `year=${year + 1}`), { cookie: inspector });
    expect(nextYear.body.themeSource).toBe('preset');
    const college = await api(calendarPath(COLLEGE, `year=${year}`), { cookie: collegeViewer });
    expect(themesOf(college.body)).toEqual(presetThemes(COLLEGE_PRESET));

    const db = await tenantDbOf(COUNTY);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.themes'), eq(auditLog.entityId, String(year))));
    expect(audit?.details).toMatchObject({ year, from: 'preset' });
    const changes = (audit?.details as { changes?: { month: number }[] } | undefined)?.changes ?? [];
    expect(changes.map((c) => c.month)).toContain(1);

    // Saving again replaces the year's rows; an empty list hands the year back to the preset.
    const replaced = await api(`/api/t/${COUNTY}/calendar/themes`, {
      cookie: director,
      body: { year, themes: [{ month: 5, theme: '课堂教学' }] },
    });
    expect(replaced.body.themes.filter((t: { theme: string | null }) => t.theme)).toEqual([
      { month: 5, theme: '课堂教学' },
    ]);
    expect(await yearRows(COUNTY, year)).toBe(1);
    const reset = await api(`/api/t/${COUNTY}/calendar/themes`, {
      cookie: director,
      body: { year, themes: [] },
    });
    expect(reset.body.source).toBe('preset');
    expect(await yearRows(COUNTY, year)).toBe(0);
  });

  it('a year of blank months stays the office’s: no theme at all, not the preset', async () => {
    const year = 2045;
    const blank = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, theme: '' }));
    const res = await api(`/api/t/${COUNTY}/calendar/themes`, {
      cookie: director,
      body: { year, themes: blank },
    });
    expect(res.body.source).toBe('office');
    const read = await api(calendarPath(COUNTY, `year=${year}`), { cookie: director });
    expect(themesOf(read.body)).toEqual(Array(12).fill(null));
  });

  it('refuses bad themes with 422 in Chinese and writes nothing', async () => {
    const year = 2042;
    await api(`/api/t/${COUNTY}/calendar/themes`, {
      cookie: director,
      body: { year, themes: [{ month: 4, theme: '保留的主题' }] },
    });
    const bad = [
      { year: 1999, themes: [{ month: 1, theme: 'x' }] },
      { year: 2101, themes: [] },
      { year: '2042', themes: [] },
      {
        year,
        themes: [
          { month: 2, theme: 'a' },
          { month: 2, theme: 'b' },
        ],
      },
      { year, themes: [{ month: 13, theme: 'x' }] },
      { year, themes: [{ month: 0, theme: 'x' }] },
      { year, themes: [{ month: 3, theme: '长'.repeat(61) }] },
      { year, themes: Array.from({ length: 13 }, (_, i) => ({ month: (i % 12) + 1, theme: 'x' })) },
      { year },
    ];
    for (const body of bad) {
      const res = await api(`/api/t/${COUNTY}/calendar/themes`, { cookie: director, body });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
    }
    const read = await api(calendarPath(COUNTY, `year=${year}`), { cookie: director });
    expect(themesOf(read.body)).toEqual([null, null, null, '保留的主题', ...Array(8).fill(null)]);
    expect(await yearRows(COUNTY, year)).toBe(1);
    expectErrorShape(
      await api(calendarPath(COUNTY, 'year=26'), { cookie: director }),
      422,
      'VALIDATION_FAILED',
    );
    expectErrorShape(
      await api(calendarPath(COUNTY, 'year=2042&month=13'), { cookie: director }),
      422,
      'VALIDATION_FAILED',
    );
  });

  it('a teacher reads the themes but no plan items; an inspector cannot save', async () => {
    const res = await api(calendarPath(COUNTY, 'year=2041&month=3'), { cookie: teacher });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ plans: false, modules: [], items: null });
    expect(res.body.months[0].counts).toEqual({});
    expectErrorShape(
      await api(`/api/t/${COUNTY}/calendar/themes`, { cookie: inspector, body: { year: 2041, themes: [] } }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('plan items per month and module', () => {
  it('counts each module’s items by state in the month they are due; lists a month’s items on request', async () => {
    const year = 2043;
    const zoneId = await newZone(COUNTY);
    const [a, b, c] = await Promise.all([
      newUnit(COUNTY, { zoneId, name: `甲校${suffix()}` }),
      newUnit(COUNTY, { zoneId, name: `乙校${suffix()}` }),
      newUnit(COUNTY),
    ]);
    const monthly = await api(plansPath(COUNTY, 'management'), {
      cookie: director,
      body: {
        kind: 'zone_monthly',
        name: `三四月督导${suffix()}`,
        visitKind: 'routine',
        zoneId,
        startsOn: `${year}-03-01`,
        endsOn: `${year}-04-30`,
      },
    });
    expect(monthly.status).toBe(201);
    const campaign = await api(plansPath(COUNTY, 'safety'), {
      cookie: director,
      body: {
        kind: 'campaign',
        name: `防溺水专项${suffix()}`,
        visitKind: 'special',
        unitIds: [c],
        startsOn: `${year}-04-10`,
        endsOn: `${year}-04-25`,
      },
    });
    expect(campaign.status).toBe(201);
    const visitId = await insertVisit(COUNTY, {
      module: 'management',
      unitId: a,
      visitedOn: `${year}-03-18`,
    });

    const res = await api(calendarPath(COUNTY, `year=${year}`), { cookie: inspector });
    expect(res.status).toBe(200);
    // The county has 督学 off: it is not in the calendar.
    expect(res.body.modules).toEqual(['teaching', 'management', 'safety']);
    expect(res.body.items).toBeNull();
    const [, feb, mar, apr] = res.body.months;
    expect(feb.counts.management).toEqual({ total: 0, due: 0, done: 0, late: 0, upcoming: 0 });
    expect(mar.counts.management).toEqual({ total: 2, due: 0, done: 1, late: 0, upcoming: 1 });
    expect(apr.counts.management).toEqual({ total: 2, due: 0, done: 0, late: 0, upcoming: 2 });
    expect(apr.counts.safety).toEqual({ total: 1, due: 0, done: 0, late: 0, upcoming: 1 });
    expect(mar.counts.study).toBeUndefined();
    expect(mar.counts.teaching.total).toBe(0);

    const march = await api(calendarPath(COUNTY, `year=${year}&month=3`), { cookie: inspector });
    expect(march.body.items.month).toBe(3);
    expect(march.body.items.groups.map((g: { module: string }) => g.module)).toEqual([
      'teaching',
      'management',
      'safety',
    ]);
    const items = march.body.items.groups[1].items;
    expect(items).toHaveLength(2);
    const itemOf = (unitId: string) => items.find((i: { unitId: string }) => i.unitId === unitId);
    expect(itemOf(a)).toMatchObject({
      planId: monthly.body.plan.id,
      planName: monthly.body.plan.name,
      planKind: 'zone_monthly',
      unitId: a,
      startsOn: `${year}-03-01`,
      dueOn: `${year}-03-31`,
      state: 'done',
      visitId,
    });
    expect(itemOf(a).unitName).toMatch(/^甲校/);
    expect(itemOf(b)).toMatchObject({ state: 'upcoming', visitId: null });
    // By due day, then unit name.
    expect(items.map((i: { unitName: string }) => i.unitName)).toEqual(
      items.map((i: { unitName: string }) => i.unitName).sort(),
    );

    const onlySafety = await api(calendarPath(COUNTY, `year=${year}&month=4&module=safety`), {
      cookie: inspector,
    });
    expect(onlySafety.body.items.groups).toHaveLength(1);
    expect(onlySafety.body.items.groups[0].items).toMatchObject([{ unitId: c, planKind: 'campaign' }]);
    // Months and counts stay whole when the list is narrowed.
    expect(onlySafety.body.months[3].counts.management.total).toBe(2);
  });

  it('an item of a past year that no visit fulfilled is late', async () => {
    const unit = await newUnit(COUNTY);
    const res = await api(plansPath(COUNTY, 'teaching'), {
      cookie: director,
      body: {
        kind: 'campaign',
        name: `往年专项${suffix()}`,
        visitKind: 'special',
        unitIds: [unit],
        startsOn: '2021-05-01',
        endsOn: '2021-05-31',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.plan.counts).toMatchObject({ total: 1, late: 1 });
    const cal = await api(calendarPath(COUNTY, 'year=2021&month=5&module=teaching'), { cookie: director });
    expect(cal.body.months[4].counts.teaching).toMatchObject({ late: 1 });
    expect(cal.body.items.groups[0].items).toMatchObject([{ unitId: unit, state: 'late' }]);
  });

  it('finds a year’s items through the due-day index and each visit through the unit index, never a full scan', async () => {
    const db = await tenantDbOf(COUNTY);
    const query = calendarItems(
      ['teaching', 'management', 'safety'],
      '2043-01-01',
      '2043-12-31',
      '2043-06-01',
    );
    const plan = await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`);
    const details = plan.map((r) => r.detail);
    const text = details.join('\n');
    expect(text, text).toMatch(/visits_unit_idx/);
    expect(text, text).toMatch(/SEARCH i USING INDEX plan_items_due_idx/);
    for (const line of details)
      expect(line, text).not.toMatch(/^SCAN (i|v|p|plan_items|visits|plans)\b(?!.*USING)/);
  });
});
