import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/** `npm run coefficients -- <file>` as an office would run it; never throws, gives what it printed. */
async function coefficients(file: string) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'coefficients', '--', file], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const HEADER =
  'name,stage,enrolment,enrolment_primary,enrolment_junior,qualified_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms';

async function fileWith(name: string, content: string | Uint8Array) {
  const dir = await mkdtemp(join(tmpdir(), 'coefficients-'));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

// Each call starts Node and tsx (about a second); a loaded CI machine may take several.
describe('npm run coefficients', { timeout: 30_000 }, () => {
  it('prints each stage’s seven coefficients as JSON from a CSV, the 教学点 under 50 said on stderr', async () => {
    const csv = [
      HEADER,
      // 教学及辅助用房: 4 and 6 m² per student for 100 and 300 students → 0.157 (see the unit test).
      '一小,小学,100,,,5,1,1,400,800,200000,3',
      '二小,小学,300,,,15,3,3,1800,2400,600000,9',
      '实验学校,九年一贯制,376,166,210,20,4,4,1994,4000,900000,10',
      '一中,初中,500,,,30,6,5,3000,5500,1300000,12',
      '王庄教学点,教学点,30,,,2,0,1,200,300,40000,1',
    ].join('\n');
    const out = await coefficients(await fileWith('schools.csv', csv));
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(['primary', 'junior']);
    expect(Object.keys(json.primary)).toEqual([
      'qualified_teachers',
      'backbone_teachers',
      'pe_art_teachers',
      'teaching_area',
      'sports_area',
      'equipment_value',
      'multimedia_rooms',
    ]);
    expect(json.primary.qualified_teachers).toEqual({ cv: expect.any(Number), threshold: 0.5, pass: true });
    expect(json.junior.teaching_area).toMatchObject({ threshold: 0.45, pass: true });
    expect(out.stderr).toContain('未计入：王庄教学点');
  });

  it('reads an .xlsx with the Chinese headers offices write, and gives the hand-computed figure', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      [
        '学校名称',
        '学段',
        '在校生数',
        '高于规定学历教师数',
        '县级以上骨干教师数',
        '体育艺术专任教师数',
        '教学及辅助用房面积',
        '体育运动场馆面积',
        '教学仪器设备值',
        '网络多媒体教室数',
      ],
      ['一小', '小学', 100, 5, 1, 1, 400, 800, 200000, 3],
      ['二小', '小学', 300, 15, 3, 3, 1800, 2400, 600000, 9],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '学校');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    const out = await coefficients(await fileWith('schools.xlsx', bytes));
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.primary.teaching_area).toEqual({ cv: 0.157, threshold: 0.5, pass: true });
    expect(json.junior).toEqual({});
  });

  it('names every bad row and column and prints no JSON', async () => {
    const csv = [
      HEADER,
      '一小,小学,0,,,5,1,1,400,800,200000,3',
      '二小,高中,300,,,15,3,3,1800,2400,600000,9',
      '实验学校,九年一贯制,376,166,,20,4,4,2000,4000,900000,10',
      '一中,初中,500,,,30,6,5,3000,,1300000,12',
    ].join('\n');
    const out = await coefficients(await fileWith('bad.csv', csv));
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('表格中有 4 处问题');
    expect(out.stderr).toContain('第 2 行「enrolment」：学生数必须大于 0');
    expect(out.stderr).toContain('第 3 行「stage」：学段应为');
    expect(out.stderr).toContain('第 4 行「enrolment_junior」');
    expect(out.stderr).toContain('第 5 行「sports_area」：缺少体育运动场馆面积');
  });

  it('says how to call it without a file, and which file it could not read', async () => {
    const none = await coefficients('');
    expect(none.code).toBe(2);
    const missing = await coefficients('/nonexistent/学校.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取文件 /nonexistent/学校.csv');
  });
});
