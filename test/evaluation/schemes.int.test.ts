import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evaluationSchemes, evaluationSchemeVersions } from '../../db/schema/tenant';
import { api, expectErrorShape, signIn, stack, tenantDbOf } from '../support/api';
import { builtinSchemeId, schemeSheetBytes, schemesPath, smallScheme } from './fixtures';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function counts(tenant: string) {
  const db = await tenantDbOf(tenant);
  const [schemes, versions] = await Promise.all([
    db.$count(evaluationSchemes),
    db.$count(evaluationSchemeVersions),
  ]);
  return { schemes, versions };
}

describe.each(['test-county', 'test-college'])('evaluation schemes in %s', (tenant) => {
  let director: string;
  let viewer: string;
  beforeAll(async () => {
    director = await signIn(tenant, 'role_director');
    viewer = await signIn(tenant, 'role_viewer');
  });

  it('ships the three schemes of 100 points, readable by the office', async () => {
    const res = await api(schemesPath(tenant), { cookie: viewer });
    expect(res.status).toBe(200);
    const { items } = res.body as {
      items: { builtinKey: string; totalPoints: number; firstLevel: number }[];
    };
    const shipped = items.filter((i) => i.builtinKey).map((i) => [i.builtinKey, i.totalPoints, i.firstLevel]);
    expect(shipped.sort()).toEqual([
      ['developmental_school', 100, 6],
      ['kindergarten_conduct', 100, 5],
      ['township_government', 100, 10],
    ]);
  });

  it('creates a scheme, adds a version on top, and keeps the old version readable', async () => {
    const created = await api(schemesPath(tenant), {
      cookie: director,
      body: { name: '合格学校督导评估细则', kind: 'acceptance', body: smallScheme() },
    });
    expect(created.status).toBe(201);
    const { scheme } = created.body as { scheme: { id: string; version: number; totalPoints: number } };
    expect(scheme).toMatchObject({ version: 1, totalPoints: 20 });
    const changed = smallScheme();
    changed.indicators.push({ key: 'A3', name: '教师队伍', points: 5 });
    const second = await api(`${schemesPath(tenant)}/${scheme.id}/versions`, {
      cookie: director,
      body: { body: changed, note: '增加教师队伍' },
    });
    expect(second.status).toBe(201);
    expect((second.body as { scheme: { version: number; totalPoints: number } }).scheme).toMatchObject({
      version: 2,
      totalPoints: 25,
    });
    const old = await api(`${schemesPath(tenant)}/${scheme.id}?version=1`, { cookie: viewer });
    expect((old.body as { scheme: { totalPoints: number } }).scheme.totalPoints).toBe(20);
    const db = await tenantDbOf(tenant);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, scheme.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'evaluation_scheme.create',
      'evaluation_scheme.version',
    ]);
  });

  it('refuses a tree whose points do not add up, in Chinese, and writes nothing', async () => {
    const before = await counts(tenant);
    const bad = smallScheme();
    (bad.indicators[0] as { points: number }).points = 12;
    const res = await api(schemesPath(tenant), {
      cookie: director,
      body: { name: '错误方案', kind: 'other', body: bad },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain(
      '指标“A1 组织领导”为 12 分，但其下级指标合计 10 分：两者应相等',
    );
    expect(await counts(tenant)).toEqual(before);
  });

  it('imports a sheet, exports it back the same, and names bad rows', async () => {
    const res = await api(
      `${schemesPath(tenant)}/import?name=${encodeURIComponent('导入的方案')}&kind=government`,
      {
        cookie: director,
        rawBody: schemeSheetBytes(),
        headers: { 'content-type': XLSX_TYPE },
      },
    );
    expect(res.status).toBe(201);
    const { scheme } = res.body as { scheme: { id: string; totalPoints: number; body: unknown } };
    expect(scheme.totalPoints).toBe(20);
    const exported = await fetch(`${stack.url}${schemesPath(tenant)}/${scheme.id}/export.xlsx`, {
      headers: { cookie: viewer, connection: 'close' },
    });
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
    const book = XLSX.read(new Uint8Array(await exported.arrayBuffer()), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet,
      {
        header: 1,
      },
    );
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['A1 组织领导', 'A1.1 专题研究', 6],
      ['A1 组织领导', 'A1.2 责任落实', 4],
      ['A2 经费保障', undefined, 10],
    ]);

    const edited = await api(`${schemesPath(tenant)}/${scheme.id}/versions/import`, {
      cookie: director,
      rawBody: schemeSheetBytes(),
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(edited.status).toBe(201);
    expect(edited.body.scheme).toMatchObject({ version: 2, note: '从表格导入', totalPoints: 20 });

    const before = await counts(tenant);
    const broken = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      broken,
      XLSX.utils.aoa_to_sheet([
        ['一级指标', '二级指标', '分值'],
        ['甲', '乙', '三分'],
      ]),
      '指标',
    );
    const refused = await api(`${schemesPath(tenant)}/import?name=${encodeURIComponent('坏表')}&kind=other`, {
      cookie: director,
      rawBody: new Uint8Array(XLSX.write(broken, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
      headers: { 'content-type': XLSX_TYPE },
    });
    expectErrorShape(refused, 422, 'VALIDATION_FAILED');
    expect(refused.body.error.details.errors).toEqual([
      { row: 2, column: '分值', message: '分值“三分”不是数字' },
    ]);
    expect(await counts(tenant)).toEqual(before);
  });

  it('lets a viewer read but not change a scheme, and answers 404 for another tenant’s scheme', async () => {
    const id = await builtinSchemeId('developmental_school', tenant);
    expectErrorShape(
      await api(`${schemesPath(tenant)}/${id}/versions`, { cookie: viewer, body: { body: smallScheme() } }),
      403,
      'FORBIDDEN',
    );
    const other = await builtinSchemeId(
      'developmental_school',
      tenant === 'test-county' ? 'test-college' : 'test-county',
    );
    expectErrorShape(await api(`${schemesPath(tenant)}/${other}`, { cookie: viewer }), 404, 'NOT_FOUND');
    expectErrorShape(
      await api(`${schemesPath(tenant)}/${id}?version=99`, { cookie: viewer }),
      404,
      'NOT_FOUND',
    );
  });
});
