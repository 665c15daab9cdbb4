import { describe, expect, it } from 'vitest';
import { demoTenant } from '../../tenants/demo';
import { demoBalanceYears } from '../../tenants/demo/balance-figures';
import { AppError } from '../../worker/errors';
import { basicBalance, countyCoefficients } from '../../worker/modules/balance/coefficients';
import { readSchoolTable } from '../../worker/modules/balance/school-table';

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

// The seven, then the basic-balance composite's own four totals under the headers offices write.
const HEADER =
  '学校名称,学段,在校生数,qualified_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms,计算机台数,图书册数,专任教师数,中级及以上专业技术职务教师数';

describe('the basic-balance composite from a school table with its four extra totals', () => {
  it('reads the four columns and computes the composite by hand', () => {
    // Two 小学 of 100 (A) and 300 (B) students, per-student values a and b: P = 400,
    // X̄ = (a + 3b) / 4, S = √3 · |a − b| / 4, so CV = √3 · |a − b| / (a + 3b).
    //   教学及辅助用房 4 / 6 m²        → √3 · 2 / 22          = 0.157459
    //   体育运动场馆 8 / 8 m²          → 0
    //   仪器设备值 2000 / 3000 元      → √3 · 1000 / 11000    = 0.157459
    //   计算机 10 / 42 台 (0.10 / 0.14) → √3 · 0.04 / 0.52     = 0.133235
    //   图书 2000 / 9000 册 (20 / 30)   → √3 · 10 / 110        = 0.157459
    //   专任教师 8 / 18 人 (0.08 / 0.06) → √3 · 0.02 / 0.26     = 0.133235
    //   高学历教师 5 / 15 人 (0.05 / 0.05) → 0
    //   中级职称 2 / 12 人 (0.02 / 0.04) → √3 · 0.02 / 0.14     = 0.247436
    // composite = (3 · 0.157459 + 2 · 0.133235 + 0.247436) / 8 = 0.986283 / 8 = 0.123285 → 0.123.
    const schools = readSchoolTable(
      csv([
        HEADER,
        'A,小学,100,5,1,1,400,800,200000,3,10,2000,8,2',
        'B,小学,300,15,3,3,1800,2400,900000,9,42,9000,18,12',
      ]),
      { requireAll: true },
    );
    expect(schools[0]?.resources).toMatchObject({
      computers: 10,
      books: 2000,
      teachers: 8,
      senior_title_teachers: 2,
    });
    const basic = basicBalance(schools);
    expect(basic.primary.indicators.computers.cv3).toBe(0.133);
    expect(basic.primary.indicators.teachers.cv3).toBe(0.133);
    expect(basic.primary.indicators.senior_title_teachers.cv3).toBe(0.247);
    expect(basic.primary.indicators.books.cv3).toBe(0.157);
    expect(basic.primary.composite).toBe(0.123);
    expect(basic.primary.pass).toBe(true);
    // The seven do not change with the extra columns.
    expect(countyCoefficients(schools).primary.indicators.teaching_area.cv3).toBe(0.157);
  });

  it('leaves the four optional: without them the seven compute and the composite is not given', () => {
    const seven = HEADER.split(',').slice(0, 10).join(',');
    const schools = readSchoolTable(
      csv([seven, 'A,小学,100,5,1,1,400,800,200000,3', 'B,小学,300,15,3,3,1800,2400,900000,9']),
      {
        requireAll: true,
      },
    );
    expect(countyCoefficients(schools).primary.indicators.teaching_area.cv3).toBe(0.157);
    expect(basicBalance(schools).primary.composite).toBeNull();
  });

  it('names a negative extra total by row and column, nothing read', () => {
    try {
      readSchoolTable(csv([HEADER, 'A,小学,100,5,1,1,400,800,200000,3,10,-1,8,2']), { requireAll: false });
      throw new Error('should have failed');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      const errors = (err as AppError).details?.errors as { row: number; column: string; message: string }[];
      expect(errors).toEqual([
        expect.objectContaining({ row: 2, column: 'books', message: expect.stringContaining('-1') }),
      ]);
    }
  });
});

describe('the demo county’s figures', () => {
  const demo = demoTenant('demo-county');
  if (!demo) throw new Error('no demo county');

  it('give the basic-balance composite for both stages of both years, under the lines', () => {
    for (const { year, schools } of demoBalanceYears(demo, 2026)) {
      const basic = basicBalance(schools);
      for (const stage of ['primary', 'junior'] as const) {
        const r = basic[stage];
        expect(r.composite, `${year} ${stage}`).not.toBeNull();
        expect(r.composite as number).toBeGreaterThan(0);
        expect(r.pass, `${year} ${stage} ${r.composite}`).toBe(true);
        for (const [key, i] of Object.entries(r.indicators)) expect(i.missing, key).toEqual([]);
      }
    }
  });
});
