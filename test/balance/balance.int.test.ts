import * as XLSX from '@e965/xlsx';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, balanceFigures } from '../../db/schema/tenant';
import { countyCoefficients } from '../../worker/modules/balance/coefficients';
import { INDICATOR_KEYS } from '../../worker/modules/balance/indicators';
import { readSchoolTable } from '../../worker/modules/balance/school-table';
import { utf8Csv, xlsxOf } from '../imports/fixtures';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { COLUMNS, figuresRow, type Row, schoolUnitsFor } from './fixtures';

const T = 'test-county';
// Years of their own, so tests running at the same time never share a year's figures.
const PUT_YEAR = 2003;
const IMPORT_YEAR = 2004;
const BAD_YEAR = 2005;
const BASIC_YEAR = 2006;

let admin = '';
let viewer = '';
let s: Awaited<ReturnType<typeof schoolUnitsFor>> = {};
const u = (key: string) => {
  const unit = s[key];
  if (!unit) throw new Error(`no school ${key}`);
  return unit;
};

beforeAll(async () => {
  [admin, viewer] = await Promise.all([signIn(T, 'role_admin'), signIn(T, 'role_viewer')]);
  s = await schoolUnitsFor(T, '均衡', [
    { key: 'p1', kind: 'primary' },
    { key: 'p2', kind: 'primary' },
    { key: 'p3', kind: 'primary' },
    { key: 'j1', kind: 'junior' },
    { key: 'j2', kind: 'junior' },
    { key: 'n1', kind: 'nine_year' },
    { key: 't1', kind: 'teaching_point' },
  ]);
});

const base = (year: number) => `/api/t/${T}/balance/years/${year}`;
const put = (year: number, unitId: string, body: unknown, cookie = admin) =>
  api(`${base(year)}/schools/${unitId}`, { method: 'PUT', cookie, body });

const FULL = {
  enrolment: 400,
  resources: {
    qualified_teachers: 20,
    backbone_teachers: 5,
    pe_art_teachers: 4,
    teaching_area: 2000,
    sports_area: 3200,
    equipment_value: 900000,
    multimedia_rooms: 10,
  },
};

describe('the basic-balance composite from the form', () => {
  let b: Awaited<ReturnType<typeof schoolUnitsFor>> = {};
  const id = (key: string) => b[key]?.id as string;
  beforeAll(async () => {
    b = await schoolUnitsFor(T, '基本均衡', [
      { key: 'b1', kind: 'primary' },
      { key: 'b2', kind: 'primary' },
    ]);
  });

  it('takes the four extra totals and computes the composite (hand-computed in basic-inputs.unit.test.ts)', async () => {
    const a = await put(BASIC_YEAR, id('b1'), {
      enrolment: 100,
      resources: {
        ...{ qualified_teachers: 5, backbone_teachers: 1, pe_art_teachers: 1, multimedia_rooms: 3 },
        ...{ teaching_area: 400, sports_area: 800, equipment_value: 200000 },
        ...{ computers: 10, books: 2000, teachers: 8, senior_title_teachers: 2 },
      },
    });
    expect(a.status).toBe(200);
    expect(a.body.figures.resources).toMatchObject({
      computers: 10,
      books: 2000,
      teachers: 8,
      senior_title_teachers: 2,
    });
    const before = await api(`${base(BASIC_YEAR)}/coefficients`, { cookie: viewer });
    const primary = () => before.body.stages.find((x: { stage: string }) => x.stage === 'primary');
    // One school: every coefficient 0, so the composite is 0 (not 数据不全).
    expect(primary().basic.composite).toBe(0);
    const second = await put(BASIC_YEAR, id('b2'), {
      enrolment: 300,
      resources: {
        ...{ qualified_teachers: 15, backbone_teachers: 3, pe_art_teachers: 3, multimedia_rooms: 9 },
        ...{ teaching_area: 1800, sports_area: 2400, equipment_value: 900000 },
        ...{ computers: 42, books: 9000, teachers: 18, senior_title_teachers: 12 },
      },
    });
    expect(second.status).toBe(200);
    const res = await api(`${base(BASIC_YEAR)}/coefficients`, { cookie: viewer });
    const stage = res.body.stages.find((x: { stage: string }) => x.stage === 'primary');
    expect(stage.basic).toMatchObject({ composite: 0.123, threshold: 0.65, pass: true });
    const negative = await put(BASIC_YEAR, id('b1'), { enrolment: 100, resources: { books: -5 } });
    expectErrorShape(negative, 422, 'VALIDATION_FAILED');
    expect(negative.body.error.details.issues[0]).toMatchObject({
      path: 'resources.books',
      message: '图书册数不能为负数',
    });
  });
});

describe('one school on the form', () => {
  it('saves, reads back with its seven values and the 6-of-7 check, and audits', async () => {
    const res = await put(PUT_YEAR, u('p1').id, {
      ...FULL,
      resources: { ...FULL.resources, multimedia_rooms: null },
    });
    expect(res.status).toBe(200);
    const list = await api(`${base(PUT_YEAR)}/schools`, { cookie: viewer });
    expect(list.status).toBe(200);
    const mine = list.body.schools.find((x: { unitId: string }) => x.unitId === u('p1').id);
    expect(mine.missing).toBe(false);
    expect(mine.missingFigures).toEqual(['multimedia_rooms']);
    const check = mine.checks[0];
    expect(check.stage).toBe('primary');
    expect(check.values.qualified_teachers).toBeCloseTo(5, 6); // 20 / 400 × 100
    expect(check.values.teaching_area).toBeCloseTo(5, 6);
    expect(check.values.equipment_value).toBeCloseTo(2250, 6);
    // 6 of 7 met; the missing figure counts as not met.
    expect(check.met).toHaveLength(6);
    expect(check.pass).toBe(true);
    const other = list.body.schools.find((x: { unitId: string }) => x.unitId === u('p2').id);
    expect(other.missing).toBe(true);
    const db = await tenantDbOf(T);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'balance.figures_create'), eq(auditLog.entityId, u('p1').id)));
    expect(audits).toHaveLength(1);
  });

  it('refuses bad figures naming the field, writing nothing', async () => {
    const noSplit = await put(PUT_YEAR, u('n1').id, FULL);
    expectErrorShape(noSplit, 422, 'VALIDATION_FAILED');
    expect(noSplit.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'enrolmentByStage.primary',
      'enrolmentByStage.junior',
    ]);
    const badSum = await put(PUT_YEAR, u('n1').id, {
      ...FULL,
      enrolmentByStage: { primary: 200, junior: 150 },
    });
    expectErrorShape(badSum, 422, 'VALIDATION_FAILED');
    expect(badSum.body.error.details.issues[0]).toMatchObject({ path: 'enrolment' });
    expect(badSum.body.error.details.issues[0].message).toContain('350');
    const negative = await put(PUT_YEAR, u('p2').id, {
      ...FULL,
      resources: { ...FULL.resources, sports_area: -1 },
    });
    expectErrorShape(negative, 422, 'VALIDATION_FAILED');
    expect(negative.body.error.details.issues[0]).toMatchObject({ path: 'resources.sports_area' });
    expect(negative.body.error.details.issues[0].message).toContain('不能为负数');
    const zero = await put(PUT_YEAR, u('p2').id, { ...FULL, enrolment: 0 });
    expect(zero.body.error.details.issues[0].path).toBe('enrolment');
    const db = await tenantDbOf(T);
    const rows = await db.select().from(balanceFigures).where(eq(balanceFigures.schoolYear, PUT_YEAR));
    expect(rows.map((r) => r.unitId)).toEqual([u('p1').id]);
  });

  it('keeps a two-stage school’s split, and corrects a figure', async () => {
    const ok = await put(PUT_YEAR, u('n1').id, { ...FULL, enrolmentByStage: { primary: 250, junior: 150 } });
    expect(ok.status).toBe(200);
    expect(ok.body.figures.enrolmentByStage).toEqual({ primary: 250, junior: 150 });
    const again = await put(PUT_YEAR, u('p1').id, FULL);
    expect(again.status).toBe(200);
    expect(again.body.figures.resources.multimedia_rooms).toBe(10);
  });

  it('lets a viewer read but not edit; an unknown year or a non-school unit is refused', async () => {
    expectErrorShape(await put(PUT_YEAR, u('p1').id, FULL, viewer), 403, 'FORBIDDEN');
    expectErrorShape(await put(1999, u('p1').id, FULL), 422, 'VALIDATION_FAILED');
    expectErrorShape(await put(PUT_YEAR, crypto.randomUUID(), FULL), 404, 'NOT_FOUND');
  });
});

describe('import, coefficients, trend, export', () => {
  let rows: Row[] = [];
  let bytes: Uint8Array = new Uint8Array();

  beforeAll(() => {
    rows = [
      [...COLUMNS],
      figuresRow(u('p1').name, '小学', 600, 1.2),
      // No multimedia rooms at all: that coefficient fails.
      [...figuresRow(u('p2').name, '小学', 300, 0.4).slice(0, 13), 0],
      [u('p3').code, '', '小学', 500, null, null, null, 25, 6, 5, 2500, 4000, 1100000, 12],
      figuresRow(u('j1').name, '初中', 800, 1.1),
      figuresRow(u('j2').name, '初中', 500, 0.5),
      figuresRow(u('n1').name, '九年一贯制', 376, 1, [166, 210]),
      figuresRow(u('t1').name, '教学点', 30, 1),
    ];
    // p3 is matched by 学校标识码 alone: give it its name in the pure module's copy.
    bytes = xlsxOf(rows);
  });

  it('imports a year in one go and the coefficients match the pure module', async () => {
    const res = await api(`${base(IMPORT_YEAR)}/import`, {
      method: 'POST',
      cookie: admin,
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ rows: 7, created: 7, updated: 0 });

    const named: Row[] = rows.map((r, i) => (i === 3 ? [r[0] ?? null, u('p3').name, ...r.slice(2)] : r));
    const expected = countyCoefficients(readSchoolTable(xlsxOf(named), { requireAll: false }));
    const got = await api(`${base(IMPORT_YEAR)}/coefficients`, { cookie: viewer });
    expect(got.status).toBe(200);
    for (const stage of got.body.stages) {
      const want = expected[stage.stage as 'primary' | 'junior'];
      expect(stage.schools).toBe(want.schools);
      for (const i of stage.indicators) expect(i.cv).toBe(want.indicators[i.key as 'qualified_teachers'].cv3);
    }
    expect(got.body.excluded).toEqual([expect.objectContaining({ school: u('t1').name })]);
    // p2 has 0.4× the usual resources: it pulls the 小学 coefficients up most.
    const primary = got.body.stages.find((x: { stage: string }) => x.stage === 'primary');
    expect(primary.indicators[0].pulls[0].school).toBe(u('p2').name);
  });

  it('says what would bring a failing coefficient under the line, and it does', async () => {
    const fix = await api(`${base(IMPORT_YEAR)}/coefficients`, { cookie: admin });
    const failing = fix.body.stages
      .flatMap((st: { stage: string; indicators: unknown[] }) =>
        st.indicators.map((i) => ({ stage: st.stage, ...(i as object) })),
      )
      .filter((i: { pass: boolean }) => !i.pass) as {
      key: string;
      remedy: { raise: { unitId: string; needed: number; cvAfter: number } | null };
      threshold: number;
    }[];
    expect(failing.length).toBeGreaterThan(0);
    const withRaise = failing.find((f) => f.remedy.raise);
    if (!withRaise?.remedy.raise) throw new Error('no computed raise');
    expect(withRaise.remedy.raise.cvAfter).toBeLessThanOrEqual(withRaise.threshold);
    expect(withRaise.remedy.raise.unitId).toBe(u('p2').id);
    // Put the computed figure in, and the coefficient is under the line.
    const row = rows[2] as Row;
    const body = {
      enrolment: 300,
      resources: Object.fromEntries(INDICATOR_KEYS.map((k, i) => [k, row[7 + i] as number])),
    };
    body.resources[withRaise.key] = withRaise.remedy.raise.needed;
    expect((await put(IMPORT_YEAR, u('p2').id, body)).status).toBe(200);
    const after = await api(`${base(IMPORT_YEAR)}/coefficients`, { cookie: admin });
    const fixed = after.body.stages[0].indicators.find((i: { key: string }) => i.key === withRaise.key);
    expect(fixed.pass).toBe(true);
    expect(fixed.cv).toBe(withRaise.remedy.raise.cvAfter);
    // Put the file's figures back for the tests after this one.
    body.resources[withRaise.key] = row[
      7 + INDICATOR_KEYS.indexOf(withRaise.key as 'qualified_teachers')
    ] as number;
    expect((await put(IMPORT_YEAR, u('p2').id, body)).status).toBe(200);
  });

  it('lists every bad row and column of a bad file, writing nothing', async () => {
    const bad = utf8Csv([
      [...COLUMNS],
      figuresRow('没有这所学校', '小学', 400, 1),
      figuresRow(u('p1').name, '小学', 400, 1),
      figuresRow(u('p1').name, '小学', 400, 1),
      [null, u('j1').name, '初中', 400, null, null, null, 20, 5, 4, -5, 3000, 1000, 8],
      figuresRow(u('n1').name, '九年一贯制', 376, 1, [166, 200]),
    ]);
    const res = await api(`${base(BAD_YEAR)}/import`, {
      method: 'POST',
      cookie: admin,
      rawBody: bad,
      headers: { 'content-type': 'text/csv' },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const where = res.body.error.details.errors.map(
      (e: { row: number; column: string }) => `${e.row}:${e.column}`,
    );
    expect(where).toEqual(expect.arrayContaining(['2:name', '4:name', '5:teaching_area', '6:enrolment']));
    const db = await tenantDbOf(T);
    const stored = await db.select().from(balanceFigures).where(eq(balanceFigures.schoolYear, BAD_YEAR));
    expect(stored).toHaveLength(0);
  });

  it('compares years in the trend and lists them with pass/fail', async () => {
    const trend = await api(`/api/t/${T}/balance/trend`, { cookie: viewer });
    const year = trend.body.items.find((y: { year: number }) => y.year === IMPORT_YEAR);
    const coeffs = await api(`${base(IMPORT_YEAR)}/coefficients`, { cookie: viewer });
    for (const st of coeffs.body.stages) {
      const t = year.stages.find((x: { stage: string }) => x.stage === st.stage);
      for (const i of st.indicators) expect(t.cv[i.key]).toBe(i.cv);
    }
    const years = await api(`/api/t/${T}/balance/years`, { cookie: viewer });
    const listed = years.body.items.find((y: { year: number }) => y.year === IMPORT_YEAR);
    expect(listed.schools).toBe(7);
    expect(listed.stages.map((x: { stage: string }) => x.stage)).toEqual(['primary', 'junior']);
  });

  it('exports the official-style tables, read back', async () => {
    const res = await fetch(`${(await import('../support/api')).stack.url}${base(IMPORT_YEAR)}/export.xlsx`, {
      headers: { cookie: viewer, connection: 'close' },
    });
    expect(res.status).toBe(200);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames).toEqual(['学校指标', '差异系数']);
    const sheet = (name: string) => {
      const found = book.Sheets[name];
      if (!found) throw new Error(`no sheet ${name}`);
      return XLSX.utils.sheet_to_json<unknown[]>(found, { header: 1 });
    };
    const schools = sheet('学校指标');
    const p1 = schools.find((r) => r[0] === u('p1').name) as unknown[];
    expect(p1[4]).toBe(600);
    // The nine-year school has one row per stage.
    expect(schools.filter((r) => r[0] === u('n1').name).map((r) => r[3])).toEqual(['小学', '初中']);
    const cvs = sheet('差异系数');
    const coeffs = await api(`${base(IMPORT_YEAR)}/coefficients`, { cookie: viewer });
    const first = coeffs.body.stages[0].indicators[0];
    const row = cvs.find((r) => r[0] === first.label) as unknown[];
    expect(row[2]).toBe(first.cv);
    expect(row[3]).toBe(0.5);
  });
});

describe('a college', () => {
  it('has no schools here: empty lists, never an error', async () => {
    const cookie = await signIn('test-college', 'role_admin');
    const years = await api('/api/t/test-college/balance/years', { cookie });
    expect(years.status).toBe(200);
    expect(years.body).toEqual({ schoolUnits: 0, items: [] });
    const schools = await api('/api/t/test-college/balance/years/2025/schools', { cookie });
    expect(schools.status).toBe(200);
    expect(schools.body.schools).toEqual([]);
    const coeffs = await api('/api/t/test-college/balance/years/2025/coefficients', { cookie });
    expect(coeffs.status).toBe(200);
    expect(coeffs.body.stages[0].schools).toBe(0);
  });
});
