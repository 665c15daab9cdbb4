import { and, asc, count, eq, inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, units, zones } from '../../db/schema/tenant';
import { expectErrorShape, tenantDbOf } from '../support/api';
import {
  cookieOf,
  fetchFile,
  gbkCsv,
  HOME,
  sheetNames,
  sheetRows,
  suffix,
  UNIT_HEADER,
  upload,
  utf8Csv,
  xlsxOf,
} from './fixtures';

async function unitsNamed(tag: string) {
  const db = await tenantDbOf(HOME);
  return db
    .select()
    .from(units)
    .where(like(units.name, `%${tag}%`))
    .orderBy(asc(units.name));
}

async function importAudits() {
  const db = await tenantDbOf(HOME);
  const [row] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'import.units'));
  return row?.n ?? 0;
}

/** 30 schools under existing townships, in three new zones of 10, with every column filled. */
function thirtySchools(tag: string) {
  const kinds = ['小学', '初中', '幼儿园', 'primary', '九年一贯制学校'];
  const townships = ['城关镇', '临河镇', '青山乡'];
  return [
    UNIT_HEADER,
    ...Array.from({ length: 30 }, (_, i) => [
      i % 2 === 0 ? `T${tag}-${i}` : '',
      `导入测试${tag}学校${String(i + 1).padStart(2, '0')}`,
      kinds[i % kinds.length] as string,
      townships[i % 3] as string,
      `导入测试${tag}区${Math.floor(i / 10) + 1}`,
      `示范县测试路${i + 1}号`,
      `校长${i + 1}`,
      i % 3 === 0 ? 13800000000 + i : `0561-60${String(10000 + i)}`,
      300 + i,
      i % 5 === 0 ? null : `${20 + i}`,
    ]),
  ];
}

describe('units import', () => {
  it('imports 30 schools after a dry run, and the same file again changes nothing', async () => {
    const tag = suffix();
    const file = xlsxOf(thirtySchools(tag));
    const auditsBefore = await importAudits();

    const dry = await upload('units', file, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 30, updated: 0, unchanged: 0, errors: [] });
    expect(dry.body.zonesCreated).toHaveLength(3);
    expect(await unitsNamed(tag)).toHaveLength(0);

    const first = await upload('units', file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      dryRun: false,
      created: 30,
      updated: 0,
      unchanged: 0,
      format: 'xlsx',
    });
    const rows = await unitsNamed(tag);
    expect(rows).toHaveLength(30);
    const db = await tenantDbOf(HOME);
    const townships = await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(inArray(units.name, ['城关镇', '临河镇', '青山乡']));
    const township = new Map(townships.map((t) => [t.id, t.name]));
    const first01 = rows[0];
    expect(first01).toMatchObject({
      code: `T${tag}-0`,
      kind: 'primary',
      address: '示范县测试路1号',
      headName: '校长1',
      phone: '13800000000',
      enrolment: 300,
      staffCount: null,
    });
    expect(township.get(first01?.parentId ?? '')).toBe('城关镇');
    expect(rows[1]).toMatchObject({ kind: 'junior', phone: '0561-6010001', staffCount: 21 });
    const zoneRows = await db
      .select()
      .from(zones)
      .where(like(zones.name, `导入测试${tag}区%`));
    expect(zoneRows).toHaveLength(3);
    expect(await importAudits()).toBe(auditsBefore + 1);

    const again = await upload('units', file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 30, zonesCreated: [] });
    expect(await unitsNamed(tag)).toEqual(rows);
    expect(await importAudits()).toBe(auditsBefore + 1);

    // The same list as CSV (everything text) matches the same rows.
    const csv = await upload('units', utf8Csv(thirtySchools(tag).map((r) => r.map((c) => c))));
    expect(csv.body).toMatchObject({ created: 0, updated: 0, unchanged: 30, format: 'csv (utf-8)' });
  });

  it('lists every bad row with its row and column, and writes nothing', async () => {
    const tag = suffix();
    const good = (n: number) => ['', `坏行测试${tag}-${n}`, '小学', '城关镇', '', '', '', '', '', ''];
    const file = xlsxOf([
      UNIT_HEADER,
      good(1),
      ['', `坏行测试${tag}-2`, '小学', '城关镇', '', '', '', '12345', '', ''],
      ['', `坏行测试${tag}-3`, '大学', '城关镇', '', '', '', '', '', ''],
      good(4),
      good(1),
      good(6),
    ]);
    const audits = await importAudits();
    const res = await upload('units', file);
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const errors = res.body.error.details.errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '名称'],
      [3, '联系电话'],
      [4, '类型'],
      [6, '名称'],
    ]);
    expect(errors[0]?.message).toContain('第 6 行');
    expect(errors[1]?.message).toMatch(/联系电话格式不正确/);
    expect(errors[2]?.message).toMatch(/类型“大学”.*小学/);
    expect(errors[3]?.message).toContain('第 2 行');
    expect(await unitsNamed(tag)).toHaveLength(0);
    expect(await importAudits()).toBe(audits);
  });

  it('names a missing required column', async () => {
    const res = await upload(
      'units',
      xlsxOf([
        ['单位代码', '名称', '上级单位'],
        ['', `缺列${suffix()}`, '城关镇'],
      ]),
    );
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(res.body.error.message).toContain('“类型”');
    expect(res.body.error.details.errors).toEqual([{ row: 1, column: '类型', message: '缺少“类型”列' }]);
  });

  it('refuses merged cells, naming the range; a merged title above the header is fine', async () => {
    const tag = suffix();
    const rows = [
      UNIT_HEADER,
      ['', `合并${tag}-1`, '小学', '城关镇', '', '', '', '', '', ''],
      ['', `合并${tag}-2`, '小学', '', '', '', '', '', '', ''],
      ['', `合并${tag}-3`, '小学', '', '', '', '', '', '', ''],
    ];
    const merged = await upload('units', xlsxOf(rows, { merges: ['D2:D4'] }));
    expectErrorShape(merged, 422, 'VALIDATION_FAILED');
    expect(merged.body.error.message).toContain('D2:D4 是合并单元格，请取消合并后重新上传');
    expect(await unitsNamed(tag)).toHaveLength(0);

    const titled = [
      ['示范县学校名单'],
      UNIT_HEADER,
      ...rows.slice(1).map((r) => [...r.slice(0, 3), '城关镇', ...r.slice(4)]),
    ];
    const ok = await upload('units', xlsxOf(titled, { merges: ['A1:J1'] }), { dryRun: true });
    expect(ok.status).toBe(200);
    expect(ok.body.created).toBe(3);
  });

  it('refuses what is not a spreadsheet, by its bytes', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const res = await upload('units', new Uint8Array(png), {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expectErrorShape(res, 415, 'UNSUPPORTED_FILE');
    expect(res.body.error.message).toContain('.xlsx');

    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const old = await upload('units', xls);
    expectErrorShape(old, 415, 'UNSUPPORTED_FILE');
    expect(old.body.error.message).toContain('另存为');

    const zipNotBook = xlsxOf([['x']]).slice(0, 200);
    expectErrorShape(await upload('units', zipNotBook), 415, 'UNSUPPORTED_FILE');
  });

  it('reads a GBK CSV as Excel in China saves it, and explains an undecodable one', async () => {
    const tag = suffix();
    const res = await upload(
      'units',
      gbkCsv([
        UNIT_HEADER,
        ['', `编码测试${tag}中心小学`, '小学', '临河镇', '', '淮河路 1 号', '', '', '1200', ''],
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, format: 'csv (gbk)' });
    const [row] = await unitsNamed(tag);
    expect(row).toMatchObject({ name: `编码测试${tag}中心小学`, address: '淮河路 1 号', enrolment: 1200 });

    const garbage = new Uint8Array([0x41, 0x2c, 0x42, 0x0a, 0xff, 0xff, 0xfe, 0x80, 0x0a]);
    const bad = await upload('units', garbage);
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    expect(bad.body.error.message).toContain('CSV UTF-8');
  });

  it('refuses a zone over its limit (20), counting the file and the database together', async () => {
    const tag = suffix();
    const rows = Array.from({ length: 21 }, (_, i) => [
      '',
      `满区测试${tag}-${i}`,
      '教学点',
      '青山乡',
      `满区测试${tag}区`,
      '',
      '',
      '',
      '',
      '',
    ]);
    const res = await upload('units', xlsxOf([UNIT_HEADER, ...rows]));
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const errors = res.body.error.details.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 22, column: '责任区' });
    expect(errors[0].message).toContain(`满区测试${tag}区`);
    expect(errors[0].message).toContain('最多 20 个');
    expect(await unitsNamed(tag)).toHaveLength(0);
    const db = await tenantDbOf(HOME);
    expect(
      await db
        .select()
        .from(zones)
        .where(eq(zones.name, `满区测试${tag}区`)),
    ).toHaveLength(0);

    // 20 fit; one more in a second file is refused because of the 20 already there.
    expect((await upload('units', xlsxOf([UNIT_HEADER, ...rows.slice(0, 20)]))).status).toBe(200);
    const more = await upload('units', xlsxOf([UNIT_HEADER, rows[20] as string[]]));
    expectErrorShape(more, 422, 'VALIDATION_FAILED');
    expect(more.body.error.details.errors[0]).toMatchObject({ row: 2, column: '责任区' });
  });

  it('reports every wrong column of a row in one pass (a bad type beside a bad phone)', async () => {
    const tag = suffix();
    const res = await upload(
      'units',
      xlsxOf([UNIT_HEADER, ['', `双错测试${tag}`, '大学', '城关镇', '', '', '', '12345', '', '']]),
      { dryRun: true },
    );
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const columns = res.body.error.details.errors.map(
      (e: { row: number; column: string }) => `${e.row}:${e.column}`,
    );
    expect(columns.sort()).toEqual(['2:类型', '2:联系电话']);
  });

  it('holds the zone limit when two files fill the same zone at once: one lands, the other changes nothing', async () => {
    const tag = suffix();
    const zone = `并发测试${tag}区`;
    const row = (name: string) => ['', name, '教学点', '青山乡', zone, '', '', '', '', ''];
    expect((await upload('units', xlsxOf([UNIT_HEADER, row(`并发测试${tag}-0`)]))).status).toBe(200);
    const file = (side: string) =>
      xlsxOf([UNIT_HEADER, ...Array.from({ length: 12 }, (_, i) => row(`并发测试${tag}-${side}${i}`))]);
    const answers = await Promise.all([upload('units', file('a')), upload('units', file('b'))]);
    const statuses = answers.map((a) => a.status).sort();
    // Whichever came second was refused: by the check (422) or, inside the race, by the guard (409).
    expect(statuses[0]).toBe(200);
    expect([409, 422]).toContain(statuses[1]);
    const refused = answers.find((a) => a.status !== 200);
    if (refused?.status === 422)
      expect(refused.body.error.details.errors[0]).toMatchObject({ column: '责任区' });
    else expect(refused?.body.error.message).toMatch(/责任区已被其他人加满/);
    const db = await tenantDbOf(HOME);
    const [inZone] = await db
      .select({ n: count() })
      .from(units)
      .innerJoin(zones, eq(zones.id, units.zoneId))
      .where(eq(zones.name, zone));
    expect(inZone?.n).toBe(13);
  });

  it('says what to fix in numbers written as text, formula results and Excel errors', async () => {
    const tag = suffix();
    const res = await upload(
      'units',
      xlsxOf([
        UNIT_HEADER,
        ['', `数字测试${tag}-1`, '小学', '城关镇', '', '', '', '', '1,234', ''],
        ['', `数字测试${tag}-2`, '小学', '城关镇', '', '', '', '', { t: 'e', v: 0x2a }, ''],
        ['', `数字测试${tag}-3`, '小学', '城关镇', '', '', '', '', { t: 'n', v: 12, f: 'SUM(5,7)' }, '80人'],
      ]),
    );
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const errors = res.body.error.details.errors;
    expect(errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, '在校生数'],
      [3, '在校生数'],
      [4, '教职工数'],
    ]);
    expect(errors[0].message).toContain('不要加逗号');
    expect(errors[1].message).toContain('#N/A');
    expect(errors[2].message).toContain('“80人”');

    const fixed = await upload(
      'units',
      xlsxOf([
        UNIT_HEADER,
        ['', `数字测试${tag}-3`, '小学', '城关镇', '', '', '', '', { t: 'n', v: 12, f: 'SUM(5,7)' }, '80'],
      ]),
    );
    expect(fixed.status).toBe(200);
    expect((await unitsNamed(tag))[0]).toMatchObject({ enrolment: 12, staffCount: 80 });
  });

  it('refuses an empty file, a header without rows, too many rows and files over 5 MB', async () => {
    expectErrorShape(await upload('units', utf8Csv([[''], ['']])), 422, 'VALIDATION_FAILED');
    const headerOnly = await upload('units', xlsxOf([UNIT_HEADER]));
    expectErrorShape(headerOnly, 422, 'VALIDATION_FAILED');
    expect(headerOnly.body.error.message).toContain('没有数据');

    const many = Array.from({ length: 5001 }, (_, i) => ['', `超量${i}`, '小学', '', '', '', '', '', '', '']);
    const tooMany = await upload('units', utf8Csv([UNIT_HEADER, ...many]));
    expectErrorShape(tooMany, 422, 'VALIDATION_FAILED');
    expect(tooMany.body.error.message).toContain('5000');

    const big = new Uint8Array(5 * 1024 * 1024 + 10).fill(0x41);
    expectErrorShape(await upload('units', big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('matches by code first: a renamed school with its code is updated, not added', async () => {
    const tag = suffix();
    const code = `R${tag}`;
    const row = (name: string) => [code, name, '小学', '石桥镇', '', '', '', '', '500', ''];
    expect((await upload('units', xlsxOf([UNIT_HEADER, row(`改名前${tag}`)]))).body.created).toBe(1);
    const renamed = await upload('units', xlsxOf([UNIT_HEADER, row(`改名后${tag}`)]));
    expect(renamed.body).toMatchObject({ created: 0, updated: 1 });
    const rows = await unitsNamed(tag);
    expect(rows.map((r) => r.name)).toEqual([`改名后${tag}`]);
  });
  it('keeps units under an archived township on re-import, but adds none under it', async () => {
    const tag = suffix();
    const file = xlsxOf([
      UNIT_HEADER,
      ['', `归档镇${tag}`, '乡镇', '', '', '', '', '', '', ''],
      ['', `归档镇小学${tag}`, '小学', `归档镇${tag}`, '', '', '', '', '', ''],
    ]);
    expect((await upload('units', file)).body.created).toBe(2);
    const db = await tenantDbOf(HOME);
    await db
      .update(units)
      .set({ status: 'archived' })
      .where(eq(units.name, `归档镇${tag}`));
    expect((await upload('units', file)).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const res = await upload(
      'units',
      xlsxOf([UNIT_HEADER, ['', `归档镇新校${tag}`, '小学', `归档镇${tag}`, '', '', '', '', '', '']]),
    );
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(res.body.error.details.errors[0]).toMatchObject({ row: 2, column: '上级单位' });
    expect(res.body.error.details.errors[0].message).toContain('已归档');
  });
});

describe('units template and export', () => {
  it('the template has the columns, an example row and the instructions sheet', async () => {
    const file = await fetchFile('imports/units/template');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(file.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('学校名单导入模板.xlsx')}`,
    );
    expect(sheetNames(file.bytes)).toEqual(['学校名单', '填写说明']);
    const rows = sheetRows(file.bytes);
    expect(rows[0]).toEqual(UNIT_HEADER);
    expect(rows).toHaveLength(2);
    const help = sheetRows(file.bytes, '填写说明').flat().join('\n');
    expect(help).toContain('小学、初中');
    expect(help).toContain('乡镇');
    // The untouched template imports nothing: its example row is skipped.
    const res = await upload('units', file.bytes, { dryRun: true });
    expect(res.body).toMatchObject({ created: 0, rows: 0 });
  });

  it('exports every unit with a status column, and the export re-imports unchanged', async () => {
    const tag = suffix();
    await upload(
      'units',
      xlsxOf([
        UNIT_HEADER,
        [
          `E${tag}`,
          `导出测试${tag}甲`,
          '初中',
          '柳湾乡',
          `导出测试${tag}区`,
          '柳湾街 1 号',
          '王',
          '13900000001',
          900,
          60,
        ],
        ['', `导出测试${tag}乙`, '幼儿园', '柳湾乡', '', '', '', '', null, null],
      ]),
    );
    const file = await fetchFile('exports/units');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const rows = sheetRows(file.bytes);
    expect(rows[0]).toEqual([...UNIT_HEADER, '状态']);
    const mine = rows.filter((r) => String(r[1]).includes(tag));
    expect(mine).toEqual([
      [
        `E${tag}`,
        `导出测试${tag}甲`,
        '初中',
        '柳湾乡',
        `导出测试${tag}区`,
        '柳湾街 1 号',
        '王',
        '13900000001',
        900,
        60,
        '在用',
      ],
      [null, `导出测试${tag}乙`, '幼儿园', '柳湾乡', null, null, null, null, null, null, '在用'],
    ]);
    expect(rows.length).toBeGreaterThan(20);
    const before = await unitsNamed(tag);
    // Only this test's rows go back in: the rest of the tenant may be changing under other tests.
    const again = await upload('units', xlsxOf([rows[0] as string[], ...(mine as string[][])]));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await unitsNamed(tag)).toEqual(before);
    // The whole export passes the checks as it is.
    const whole = await upload('units', file.bytes, { dryRun: true });
    expect(whole.status).toBe(200);
    expect(whole.body.created).toBe(0);
  });
});

describe('import permissions', () => {
  it('directors import units but not accounts; inspectors export but never import', async () => {
    const director = await cookieOf('director1');
    const inspector = await cookieOf('role_inspector');
    const file = xlsxOf([UNIT_HEADER, ['', `权限测试${suffix()}`, '小学', '', '', '', '', '', '', '']]);
    expect((await upload('units', file, { cookie: director, dryRun: true })).status).toBe(200);
    expectErrorShape(await upload('users', file, { cookie: director }), 403, 'FORBIDDEN');
    expect((await fetchFile('imports/users/template', director)).status).toBe(403);
    expect((await fetchFile('exports/users', director)).status).toBe(403);
    expect((await fetchFile('exports/inspectors', inspector)).status).toBe(200);
    expectErrorShape(await upload('units', file, { cookie: inspector }), 403, 'FORBIDDEN');
  });

  it('an unknown list is 404 for those who may import, 403 for others', async () => {
    const res = await upload('schools', utf8Csv([['x']]));
    expectErrorShape(res, 404, 'NOT_FOUND');
    const teacher = await cookieOf('role_teacher');
    expectErrorShape(await upload('schools', utf8Csv([['x']]), { cookie: teacher }), 403, 'FORBIDDEN');
    expect((await fetchFile('exports/schools')).status).toBe(404);
  });

  it('another tenant’s session imports nothing here', async () => {
    const college = await cookieOf('role_admin', 'test-college');
    const tag = suffix();
    const res = await upload(
      'units',
      xlsxOf([UNIT_HEADER, ['', `隔离${tag}`, '小学', '', '', '', '', '', '', '']]),
      {
        cookie: college,
      },
    );
    expectErrorShape(res, 404, 'NOT_FOUND');
    expect(await unitsNamed(tag)).toHaveLength(0);
    const db = await tenantDbOf(HOME);
    const [n] = await db
      .select({ n: count() })
      .from(units)
      .where(and(like(units.name, `%${tag}%`)));
    expect(n?.n).toBe(0);
  });
});
