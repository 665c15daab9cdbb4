import * as XLSX from '@e965/xlsx';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCHEMES } from '../../tenants/evaluation/builtin';
import { leafIndicators, SchemeBodySchema, schemeTotal } from '../../tenants/evaluation/scheme';
import { AppError } from '../../worker/errors';
import { readSchemeSheet, schemeSheet } from '../../worker/modules/evaluation/scheme-sheet';
import { workbookBytes } from '../../worker/spreadsheet/write';

function sheetBytes(rows: (string | number | null)[][], merges: string[] = []): Uint8Array {
  const book = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges.map((ref) => XLSX.utils.decode_range(ref));
  XLSX.utils.book_append_sheet(book, sheet, '指标');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

function problems(fn: () => unknown): { message: string; rows: number[]; texts: string[] } {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const issues = ((err.details as { errors?: { row: number; message: string }[] })?.errors ?? []) as {
      row: number;
      message: string;
    }[];
    return { message: err.message, rows: issues.map((i) => i.row), texts: issues.map((i) => i.message) };
  }
  throw new Error('expected a refusal');
}

describe('evaluation scheme bodies', () => {
  it('ship three valid schemes of 100 points each', () => {
    expect(BUILTIN_SCHEMES.map((s) => s.kind)).toEqual(['developmental', 'government', 'kindergarten']);
    for (const scheme of BUILTIN_SCHEMES) {
      expect(v.safeParse(SchemeBodySchema, scheme.body).issues).toBeUndefined();
      expect(schemeTotal(scheme.body)).toBe(100);
    }
    expect(BUILTIN_SCHEMES[1]?.body.indicators).toHaveLength(10);
    expect(leafIndicators(BUILTIN_SCHEMES[0]?.body ?? { indicators: [] })).toHaveLength(19);
  });

  it('refuse a parent whose points are not its children’s sum, duplicate codes, and a fourth level', () => {
    const deep = {
      key: 'X',
      name: '一',
      points: 2,
      children: [
        {
          key: 'X.1',
          name: '二',
          points: 2,
          children: [
            { key: 'X.1.1', name: '三', points: 2, children: [{ key: 'X.1.1.1', name: '四', points: 2 }] },
          ],
        },
      ],
    };
    const body = {
      indicators: [
        {
          key: 'A',
          name: '甲',
          points: 10,
          children: [
            { key: 'A.1', name: '乙', points: 4 },
            { key: 'A', name: '丙', points: 5 },
          ],
        },
        deep,
      ],
    };
    const messages = v.safeParse(SchemeBodySchema, body).issues?.map((i) => i.message) ?? [];
    expect(messages).toContain('指标“A 甲”为 10 分，但其下级指标合计 9 分：两者应相等');
    expect(messages).toContain('指标编号“A”重复了，每个指标的编号必须不同');
    expect(messages.some((m) => m.includes('第 4 级'))).toBe(true);
  });

  it('refuse points that are not whole or half points', () => {
    const issues = v.safeParse(SchemeBodySchema, {
      indicators: [{ key: 'A', name: '甲', points: 2.25 }],
    }).issues;
    expect(issues?.[0]?.message).toBe('分值只能是整数或 .5（如 2.5）');
  });
});

describe('scheme sheets', () => {
  it('read the usual layout with merged first-level cells and codes in the names', () => {
    const body = readSchemeSheet(
      sheetBytes(
        [
          ['乡镇教育工作督导评估细则'],
          ['一级指标', '二级指标', '分值', '评估要点', '佐证材料'],
          ['B1 组织领导', 'B1.1 教育优先', 4, '每年专题研究不少于 2 次', '会议纪要'],
          [null, 'B1.2 责任落实', 3.5, '签订责任状', null],
          ['B2 经费保障', 'B2.1 经费投入', 6, null, null],
        ],
        ['A3:A4'],
      ),
    );
    expect(body.indicators.map((i) => [i.key, i.name, i.points])).toEqual([
      ['B1', '组织领导', 7.5],
      ['B2', '经费保障', 6],
    ]);
    expect(body.indicators[0]?.children?.[0]).toEqual({
      key: 'B1.1',
      name: '教育优先',
      points: 4,
      criteria: '每年专题研究不少于 2 次',
      evidence: '会议纪要',
    });
  });

  it('number indicators without codes 1, 1.1 and check a stated first-level total', () => {
    const body = readSchemeSheet(
      sheetBytes([
        ['一级指标', '二级指标', '分值'],
        ['办园条件', null, 20],
        ['办园条件', '园舍场地', 12],
        ['办园条件', '设施设备', 8],
      ]),
    );
    expect(body.indicators[0]).toMatchObject({
      key: '1',
      points: 20,
      children: [{ key: '1.1' }, { key: '1.2' }],
    });
    const wrong = problems(() =>
      readSchemeSheet(
        sheetBytes([
          ['一级指标', '二级指标', '分值'],
          ['办园条件', null, 25],
          ['办园条件', '园舍场地', 12],
          ['办园条件', '设施设备', 8],
        ]),
      ),
    );
    expect(wrong.texts).toEqual(['“办园条件”填写 25 分，但下级指标合计 20 分：两者应相等']);
    expect(wrong.rows).toEqual([2]);
  });

  it('name every bad row at once', () => {
    const found = problems(() =>
      readSchemeSheet(
        sheetBytes([
          ['一级指标', '二级指标', '分值'],
          ['A 甲', 'A.1 乙', '五分'],
          ['A 甲', 'A.2 丙', null],
          [null, 'A.3 丁', 3],
          ['A 甲', 'A.2 丙', 2],
          ['A 甲', 'A.2 丙', 2],
        ]),
      ),
    );
    expect(found.rows).toEqual([2, 3, 4, 6]);
    expect(found.texts[0]).toBe('分值“五分”不是数字');
  });

  it('refuse a sheet without the header', () => {
    expect(problems(() => readSchemeSheet(sheetBytes([['名称', '得分']]))).message).toMatch(/没有找到表头/);
  });

  it('export every shipped scheme in the layout it reads back', () => {
    for (const scheme of BUILTIN_SCHEMES) {
      const bytes = workbookBytes([schemeSheet(scheme.name, scheme.body)]);
      expect(readSchemeSheet(bytes)).toEqual(scheme.body);
    }
  });
});
