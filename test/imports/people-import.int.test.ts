import { asc, eq, inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inspectors, inspectorUnits, inspectorZones, units, users, zones } from '../../db/schema/tenant';
import { api, expectErrorShape, tenantDbOf } from '../support/api';
import { fetchFile, HOME, sheetNames, sheetRows, suffix, upload, utf8Csv, xlsxOf } from './fixtures';

const INSPECTOR_HEADER = [
  '督学证号',
  '姓名',
  '类型',
  '聘期开始',
  '聘期结束',
  '培训学时',
  '公开电话',
  '电子邮箱',
  '工作单位',
  '责任区(多个用、分隔)',
  '负责单位(多个用、分隔)',
];
const USER_HEADER = ['用户名', '姓名', '角色', '所属单位', '手机号', '听课类别'];

async function inspectorsNamed(tag: string) {
  const db = await tenantDbOf(HOME);
  return db
    .select()
    .from(inspectors)
    .where(like(inspectors.name, `%${tag}%`))
    .orderBy(asc(inspectors.name));
}

async function usersNamed(tag: string) {
  const db = await tenantDbOf(HOME);
  return db
    .select()
    .from(users)
    .where(like(users.username, `%${tag}%`))
    .orderBy(asc(users.username));
}

describe('inspectors import', () => {
  it('imports inspectors with Excel dates, labels, zones and units; again changes nothing', async () => {
    const tag = suffix();
    const file = xlsxOf([
      INSPECTOR_HEADER,
      [
        `C${tag}1`,
        `督学甲${tag}`,
        '专职',
        new Date(Date.UTC(2026, 8, 1)) as unknown as string,
        '2029/8/31',
        24,
        13700000001,
        'jia@example.cn',
        '县教育局',
        `督学导入${tag}区一、督学导入${tag}区二`,
        '示范县第一中学',
      ],
      ['', `督学乙${tag}`, '兼职督学', '', '', '12.5', '0561-6010002', '', '', `督学导入${tag}区一`, ''],
      ['', `督学丙${tag}`, 'special', '', '', '', '', '', '', '', ''],
    ]);
    const res = await upload('inspectors', file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(res.body.zonesCreated).toEqual([`督学导入${tag}区一`, `督学导入${tag}区二`]);
    const rows = await inspectorsNamed(tag);
    const jia = rows.find((r) => r.name === `督学甲${tag}`);
    expect(jia).toMatchObject({
      certificateNo: `C${tag}1`,
      type: 'full_time',
      termStart: '2026-09-01',
      termEnd: '2029-08-31',
      trainingHours: 24,
      phone: '13700000001',
      email: 'jia@example.cn',
      workplace: '县教育局',
    });
    expect(rows.find((r) => r.name === `督学乙${tag}`)).toMatchObject({
      type: 'part_time',
      trainingHours: 12.5,
    });
    expect(rows.find((r) => r.name === `督学丙${tag}`)).toMatchObject({ type: 'special', trainingHours: 0 });
    const db = await tenantDbOf(HOME);
    const links = await db
      .select({ zone: zones.name })
      .from(inspectorZones)
      .innerJoin(zones, eq(zones.id, inspectorZones.zoneId))
      .where(eq(inspectorZones.inspectorId, jia?.id ?? ''));
    expect(links.map((l) => l.zone).sort()).toEqual([`督学导入${tag}区一`, `督学导入${tag}区二`]);
    const unitLinks = await db
      .select({ name: units.name })
      .from(inspectorUnits)
      .innerJoin(units, eq(units.id, inspectorUnits.unitId))
      .where(eq(inspectorUnits.inspectorId, jia?.id ?? ''));
    expect(unitLinks).toEqual([{ name: '示范县第一中学' }]);

    const again = await upload('inspectors', file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, zonesCreated: [] });
    expect(await inspectorsNamed(tag)).toEqual(rows);

    // Export → the same rows back in → nothing changes.
    const exported = await fetchFile('exports/inspectors');
    const sheet = sheetRows(exported.bytes);
    expect(sheet[0]).toEqual([...INSPECTOR_HEADER, '状态']);
    const mine = sheet.filter((r) => String(r[1]).includes(tag)) as string[][];
    expect(mine).toHaveLength(3);
    expect(mine.find((r) => r[1] === `督学甲${tag}`)).toEqual([
      `C${tag}1`,
      `督学甲${tag}`,
      '专职督学',
      '2026-09-01',
      '2029-08-31',
      24,
      '13700000001',
      'jia@example.cn',
      '县教育局',
      `督学导入${tag}区一、督学导入${tag}区二`,
      '示范县第一中学',
      '在任',
    ]);
    const back = await upload('inspectors', xlsxOf([sheet[0] as string[], ...mine]));
    expect(back.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await inspectorsNamed(tag)).toEqual(rows);

    // A changed assignment is an update of that inspector only.
    const moved = await upload(
      'inspectors',
      xlsxOf([
        ['督学证号', '姓名', '类型', '责任区'],
        [`C${tag}1`, `督学甲${tag}`, '专职督学', `督学导入${tag}区二`],
      ]),
    );
    expect(moved.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  });

  it('lists bad emails, reversed terms, unknown units and types; writes nothing', async () => {
    const tag = suffix();
    const res = await upload(
      'inspectors',
      utf8Csv([
        INSPECTOR_HEADER,
        ['', `坏督学${tag}1`, '责任督学', '', '', '', '', 'not-an-email', '', '', ''],
        ['', `坏督学${tag}2`, '责任督学', '2027-01-01', '2026-01-01', '', '', '', '', '', ''],
        ['', `坏督学${tag}3`, '责任督学', '', '', '', '', '', '', '', `不存在的学校${tag}`],
        ['', `坏督学${tag}4`, '督导员', '', '', '', '', '', '', '', ''],
      ]),
    );
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(
      res.body.error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column]),
    ).toEqual([
      [2, '电子邮箱'],
      [3, '聘期结束'],
      [4, '负责单位(多个用、分隔)'],
      [5, '类型'],
    ]);
    expect(await inspectorsNamed(tag)).toHaveLength(0);
  });

  it('the template lists the inspector types', async () => {
    const file = await fetchFile('imports/inspectors/template');
    expect(file.status).toBe(200);
    expect(sheetNames(file.bytes)).toEqual(['督学名单', '填写说明']);
    expect(sheetRows(file.bytes)[0]).toEqual(INSPECTOR_HEADER);
    expect(sheetRows(file.bytes, '填写说明').flat().join('\n')).toContain(
      '专职督学、兼职督学、特约督学、责任督学',
    );
  });
});

describe('users import', () => {
  it('creates accounts with one-time passwords that must be changed; again changes nothing', async () => {
    const tag = suffix();
    const file = xlsxOf([
      USER_HEADER,
      [`imp${tag}a`, '导入督学', '督学', '', 13600000001],
      [`IMP${tag}B`, '导入教师', '教师', '示范县第一中学', ''],
    ]);
    const res = await upload('users', file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const credentials = res.body.credentials as { username: string; displayName: string; password: string }[];
    expect(credentials.map((c) => c.username)).toEqual([`imp${tag}a`, `imp${tag}b`]);
    for (const c of credentials) expect(c.password).toMatch(/^[A-Za-z0-9]{12}$/);
    const rows = await usersNamed(tag);
    expect(rows.map((r) => [r.username, r.role, r.phone, r.mustChangePassword])).toEqual([
      [`imp${tag}a`, 'inspector', '13600000001', true],
      [`imp${tag}b`, 'teacher', null, true],
    ]);
    expect(rows.every((r) => !r.passwordHash.includes(credentials[0]?.password ?? '?'))).toBe(true);

    const login = await api(`/api/t/${HOME}/auth/login`, {
      body: { username: `imp${tag}a`, password: credentials[0]?.password },
    });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expectErrorShape(await api(`/api/t/${HOME}/units`, { cookie }), 403, 'PASSWORD_CHANGE_REQUIRED');

    // Signing in touches the account row; compare from here.
    const settled = await usersNamed(tag);
    const again = await upload('users', file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.body.credentials).toBeUndefined();
    expect(await usersNamed(tag)).toEqual(settled);

    // A role change updates the account and never its password.
    const promoted = await upload(
      'users',
      xlsxOf([USER_HEADER, [`imp${tag}a`, '导入督学', '督导室主任', '', '']]),
    );
    expect(promoted.body).toMatchObject({ created: 0, updated: 1 });
    const [after] = await usersNamed(`${tag}a`);
    expect(after).toMatchObject({ role: 'director', phone: null, passwordHash: rows[0]?.passwordHash });

    // Export never carries passwords; my rows re-import unchanged.
    const exported = await fetchFile('exports/users');
    const sheet = sheetRows(exported.bytes);
    expect(sheet[0]).toEqual([...USER_HEADER, '状态']);
    expect(JSON.stringify(sheet)).not.toMatch(/pbkdf2|密码/);
    const mine = sheet.filter((r) => String(r[0]).includes(tag)) as string[][];
    expect(mine).toEqual([
      [`imp${tag}a`, '导入督学', '督导室主任', null, null, null, '正常'],
      [`imp${tag}b`, '导入教师', '教师', '示范县第一中学', null, null, '正常'],
    ]);
    const back = await upload('users', xlsxOf([sheet[0] as string[], ...mine]));
    expect(back.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses a teacher without a unit, duplicate usernames, bad roles and changing one’s own role', async () => {
    const tag = suffix();
    const res = await upload(
      'users',
      xlsxOf([
        USER_HEADER,
        [`bad${tag}1`, '无单位教师', '教师', '', ''],
        [`bad${tag}2`, '重复一', '督学', '', ''],
        [`BAD${tag}2`, '重复二', '督学', '', ''],
        [`bad${tag}3`, '乱角色', '校长', '', ''],
        ['role_admin', '测试admin', '查阅人员', '', ''],
        ['a', '短用户名', '督学', '', ''],
      ]),
    );
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(
      res.body.error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column]),
    ).toEqual([
      [2, '所属单位'],
      [3, '用户名'],
      [4, '用户名'],
      [5, '角色'],
      [6, '角色'],
      [7, '用户名'],
    ]);
    expect(await usersNamed(tag)).toHaveLength(0);
    const db = await tenantDbOf(HOME);
    const [admin] = await db
      .select()
      .from(users)
      .where(inArray(users.username, ['role_admin']));
    expect(admin?.role).toBe('admin');
  });

  it('听课类别 takes a quota role by label or key, blank for none; an unknown one is named by row', async () => {
    const tag = suffix();
    const header = ['用户名', '姓名', '角色', '所属单位', '听课类别'];
    const bad = await upload(
      'users',
      xlsxOf([header, [`quo${tag}x`, '类别有误', '教师', '示范县第一中学', '班主任']]),
    );
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    expect(bad.body.error.details.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '听课类别',
        message: expect.stringContaining('专任教师、教研组长、校长'),
      }),
    ]);
    expect(await usersNamed(tag)).toHaveLength(0);

    const res = await upload(
      'users',
      xlsxOf([
        header,
        [`quo${tag}a`, '专任教师甲', '教师', '示范县第一中学', '专任教师'],
        [`quo${tag}b`, '教研组长乙', '教师', '示范县第一中学', 'group_head'],
        [`quo${tag}c`, '无任务丙', '教师', '示范县第一中学', ''],
      ]),
    );
    expect(res.body).toMatchObject({ created: 3 });
    expect((await usersNamed(tag)).map((u) => [u.username, u.quotaRole])).toEqual([
      [`quo${tag}a`, 'teacher'],
      [`quo${tag}b`, 'group_head'],
      [`quo${tag}c`, null],
    ]);
    // A file without the column leaves quota roles as they are; a blank clears one.
    const noColumn = await upload(
      'users',
      xlsxOf([header.slice(0, 4), [`quo${tag}a`, '专任教师甲', '教师', '示范县第一中学']]),
    );
    expect(noColumn.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const cleared = await upload(
      'users',
      xlsxOf([header, [`quo${tag}b`, '教研组长乙', '教师', '示范县第一中学', '']]),
    );
    expect(cleared.body).toMatchObject({ updated: 1 });
    expect((await usersNamed(`${tag}b`))[0]?.quotaRole).toBe(null);
    const exported = sheetRows((await fetchFile('exports/users')).bytes) as string[][];
    expect(exported.find((r) => r[0] === `quo${tag}a`)?.[5]).toBe('专任教师');
  });

  it('the template lists the roles', async () => {
    const file = await fetchFile('imports/users/template');
    expect(file.status).toBe(200);
    expect(sheetRows(file.bytes)[0]).toEqual(USER_HEADER);
    expect(sheetRows(file.bytes, '填写说明').flat().join('\n')).toContain('系统管理员、督导室主任、督学');
  });
});
