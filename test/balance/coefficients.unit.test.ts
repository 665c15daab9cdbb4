import { describe, expect, it } from 'vitest';
import {
  basicBalance,
  countyCoefficients,
  type SchoolFigures,
  stageParts,
  weightedCoefficient,
} from '../../worker/modules/balance/coefficients';
import { BALANCE_INDICATORS, type IndicatorKey } from '../../worker/modules/balance/indicators';

/** Every figure the same per student, so only the figure under test varies. */
function school(
  name: string,
  kind: SchoolFigures['kind'],
  enrolment: number,
  own: Partial<Record<IndicatorKey, number>> = {},
  byStage?: SchoolFigures['enrolmentByStage'],
): SchoolFigures {
  const resources: Partial<Record<IndicatorKey, number>> = {};
  for (const i of BALANCE_INDICATORS)
    resources[i.key] = (i.per100 ? 5 : 10) * (enrolment / (i.per100 ? 100 : 1));
  return {
    name,
    kind,
    enrolment,
    ...(byStage ? { enrolmentByStage: byStage } : {}),
    resources: { ...resources, ...own },
  };
}

describe('the enrolment-weighted coefficient (DOMAIN.md §1), by hand', () => {
  it('two schools, 生均 figure: 100 students with 4 m² each, 300 with 6 m² → CV 0.157 (unweighted would be 0.200)', () => {
    // P = 400, X̄ = (400 + 1800) / 400 = 5.5,
    // S² = 0.25·(4 − 5.5)² + 0.75·(6 − 5.5)² = 0.5625 + 0.1875 = 0.75, S = 0.8660, CV = 0.15746.
    const c = weightedCoefficient({ per100: false }, [
      { school: 'A', enrolment: 100, total: 400 },
      { school: 'B', enrolment: 300, total: 1800 },
    ]);
    expect(c.mean).toBeCloseTo(5.5, 10);
    expect(c.sd).toBeCloseTo(Math.sqrt(0.75), 10);
    expect(c.cv).toBeCloseTo(0.157459, 6);
    // A pulls harder than B: 0.5625 of 0.75.
    expect(c.contributions.map((x) => [x.school, x.share])).toEqual([
      ['A', 0.75],
      ['B', 0.25],
    ]);
  });

  it('每百名学生 figure: 10 teachers for 200 students and 1 for 50 → X 5 and 2, X̄ 4.4, S 1.2, CV 0.273', () => {
    // X̄ = 100 · 11 / 250 = 4.4; S² = 0.8·0.6² + 0.2·2.4² = 0.288 + 1.152 = 1.44.
    const c = weightedCoefficient({ per100: true }, [
      { school: 'A', enrolment: 200, total: 10 },
      { school: 'B', enrolment: 50, total: 1 },
    ]);
    expect(c.mean).toBeCloseTo(4.4, 10);
    expect(c.sd).toBeCloseTo(1.2, 10);
    expect(c.cv).toBeCloseTo(1.2 / 4.4, 10);
  });

  it('equal values give 0; nobody having any gives no coefficient', () => {
    const same = weightedCoefficient({ per100: false }, [
      { school: 'A', enrolment: 100, total: 750 },
      { school: 'B', enrolment: 400, total: 3000 },
    ]);
    expect(same.cv).toBe(0);
    const none = weightedCoefficient({ per100: true }, [{ school: 'A', enrolment: 100, total: 0 }]);
    expect(none.cv).toBeNull();
  });
});

describe('schools of two or three stages split by student weights', () => {
  it('九年一贯制 1 : 1.1 — DOMAIN.md’s 23226 books, 166 小学生, 210 初中生 → 9711.6 and 13514.4', () => {
    const { parts } = stageParts({
      name: '实验学校',
      kind: '九年一贯制',
      enrolment: 376,
      enrolmentByStage: { primary: 166, junior: 210 },
      resources: { equipment_value: 23226 },
    });
    expect(parts.map((p) => [p.stage, p.enrolment])).toEqual([
      ['primary', 166],
      ['junior', 210],
    ]);
    expect(parts[0]?.resources.equipment_value).toBeCloseTo((23226 * 166) / 397, 6);
    expect(parts[0]?.resources.equipment_value).toBeCloseTo(9711.6, 1);
    expect(parts[1]?.resources.equipment_value).toBeCloseTo(13514.4, 1);
  });

  it('完全中学 初中 : 高中 = 1 : 1.2 — the 高中 share leaves the computation', () => {
    const { parts } = stageParts({
      name: '二中',
      kind: '完全中学',
      enrolment: 1100,
      enrolmentByStage: { junior: 500, senior: 600 },
      resources: { teaching_area: 12200 },
    });
    // 12200 · 500 / (500 + 1.2 · 600) = 12200 · 500 / 1220 = 5000.
    expect(parts).toHaveLength(1);
    expect(parts[0]?.stage).toBe('junior');
    expect(parts[0]?.resources.teaching_area).toBeCloseTo(5000, 9);
  });

  it('十二年一贯制 1 : 1.1 : 1.32', () => {
    const { parts } = stageParts({
      name: '外国语学校',
      kind: '十二年一贯制',
      enrolment: 300,
      enrolmentByStage: { primary: 100, junior: 100, senior: 100 },
      resources: { sports_area: 3420 },
    });
    // 3420 / (100 + 110 + 132) = 10 per weighted student.
    expect(parts.map((p) => [p.stage, Math.round((p.resources.sports_area ?? 0) * 1000) / 1000])).toEqual([
      ['primary', 1000],
      ['junior', 1100],
    ]);
  });

  it('a 教学点 under 50 students is left out and said so; one of 50 counts as 小学', () => {
    expect(stageParts(school('小村教学点', '教学点', 49)).excluded?.reason).toBe(
      '教学点，学生 49 人，不足 50 人',
    );
    expect(stageParts(school('大村教学点', '教学点', 50)).parts.map((p) => p.stage)).toEqual(['primary']);
  });
});

describe('a county', () => {
  it('computes 小学 and 初中 apart, reads pass/fail from the 3-decimal figure, and names schools without a figure', () => {
    const result = countyCoefficients([
      school('一小', '小学', 100, { teaching_area: 400 }),
      school('二小', '小学', 300, { teaching_area: 1800 }),
      school('一中', '初中', 500),
      { ...school('三小', '小学', 200), resources: { qualified_teachers: 10 } },
      school('小村教学点', '教学点', 20),
    ]);
    expect(result.primary.schools).toBe(3);
    expect(result.junior.schools).toBe(1);
    expect(result.excluded.map((e) => e.school)).toEqual(['小村教学点']);
    const area = result.primary.indicators.teaching_area;
    expect(area.cv3).toBe(0.157);
    expect(area).toMatchObject({ threshold: 0.5, pass: true, schools: 2, missing: ['三小'] });
    expect(result.junior.indicators.teaching_area).toMatchObject({ cv3: 0, threshold: 0.45, pass: true });
  });

  it('fails a coefficient over the line, with the school that pulls it up first', () => {
    const result = countyCoefficients([
      school('一小', '小学', 400, { sports_area: 400 }),
      school('二小', '小学', 400, { sports_area: 4000 }),
      school('三小', '小学', 400, { sports_area: 3600 }),
    ]);
    const sports = result.primary.indicators.sports_area;
    // X = 1, 10, 9; X̄ = 20/3; S² = (1/3)(32.11 + 11.11 + 5.44) = 16.22; CV = 4.028 / 6.667 = 0.604.
    expect(sports.cv3).toBe(0.604);
    expect(sports.pass).toBe(false);
    expect(sports.contributions[0]?.school).toBe('一小');
  });

  it('checks each school against the seven minimums: 6 of 7 pass, a missing figure is not met', () => {
    const result = countyCoefficients([
      // 5 per hundred and 10 per student everywhere: all seven minimums of 小学 met but 设备 (2000).
      school('一小', '小学', 100),
      { ...school('二小', '小学', 100), resources: { qualified_teachers: 5 } },
    ]);
    const [first, second] = result.primary.checks;
    expect(first?.met).not.toContain('equipment_value');
    expect(first?.met).toHaveLength(6);
    expect(first?.pass).toBe(true);
    expect(second?.met).toEqual(['qualified_teachers']);
    expect(second?.pass).toBe(false);
  });
});

describe('the older basic-balance composite (教督〔2012〕3号)', () => {
  const eight = (perStudent: number, enrolment: number): SchoolFigures['resources'] => ({
    teaching_area: perStudent * enrolment,
    sports_area: perStudent * enrolment,
    equipment_value: perStudent * enrolment,
    computers: perStudent * enrolment,
    books: perStudent * enrolment,
    teachers: perStudent * enrolment,
    qualified_teachers: perStudent * enrolment,
    senior_title_teachers: perStudent * enrolment,
  });

  it('is the plain mean of the eight weighted coefficients, read to 3 decimals against 0.65 / 0.55', () => {
    // Every indicator 4 vs 6 per student for 100 and 300 students: each CV 0.15746 (as above);
    // books level everywhere (CV 0): composite = 7 · 0.15746 / 8 = 0.13778.
    const result = basicBalance([
      { name: 'A', kind: '小学', enrolment: 100, resources: { ...eight(4, 100), books: 2000 } },
      { name: 'B', kind: '小学', enrolment: 300, resources: { ...eight(6, 300), books: 6000 } },
    ]);
    expect(result.primary.indicators.teaching_area.cv3).toBe(0.157);
    expect(result.primary.indicators.books.cv3).toBe(0);
    expect(result.primary.composite).toBe(0.138);
    expect(result.primary).toMatchObject({ threshold: 0.65, pass: true, schools: 2 });
    // No 初中 at all: no composite, and nothing passed.
    expect(result.junior).toMatchObject({ schools: 0, composite: null, pass: false });
  });

  it('gives no composite while a school lacks one of the eight figures, and names it', () => {
    const { computers: _dropped, ...seven } = eight(5, 200);
    const result = basicBalance([
      { name: 'A', kind: '初中', enrolment: 200, resources: seven },
      { name: 'B', kind: '初中', enrolment: 200, resources: eight(5, 200) },
    ]);
    expect(result.junior.indicators.computers.missing).toEqual(['A']);
    expect(result.junior.composite).toBe(0);
    const none = basicBalance([{ name: 'A', kind: '初中', enrolment: 200, resources: seven }]);
    expect(none.junior.composite).toBeNull();
    expect(none.junior.pass).toBe(false);
  });
});
