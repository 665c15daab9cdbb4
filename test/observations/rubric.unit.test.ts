import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRICS, lessonRubric100 } from '../../tenants/observations/builtin';
import { gradeOf, maxTotal, RubricBodySchema, scoreObservation } from '../../tenants/observations/rubric';

const body = v.parse(RubricBodySchema, lessonRubric100.body);

/** Full marks on every item of the shipped rubric, then the changes a test makes. */
function scores(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    discipline: 3,
    attitude: 4,
    preparation: 3,
    objectives: 15,
    selection: 15,
    design: 20,
    methods: 20,
    effect: 20,
    ...changes,
  };
}

describe('the shipped 100-point rubric (DOMAIN.md §5)', () => {
  it('is a valid body whose sections add up to 10 / 50 / 20 / 20 = 100', () => {
    for (const rubric of BUILTIN_RUBRICS)
      expect(v.safeParse(RubricBodySchema, rubric.body).success).toBe(true);
    expect(new Set(BUILTIN_RUBRICS.map((r) => r.key)).size).toBe(BUILTIN_RUBRICS.length);
    expect(body.sections.map((s) => [s.title, s.items.reduce((n, i) => n + i.max, 0)])).toEqual([
      ['基本要求', 10],
      ['教学内容', 50],
      ['方法与手段', 20],
      ['教学效果', 20],
    ]);
    expect(body.sections[0]?.items.map((i) => i.max)).toEqual([3, 4, 3]);
    expect(body.sections[1]?.items.map((i) => i.max)).toEqual([15, 15, 20]);
    expect(maxTotal(body)).toBe(100);
    expect(body.bands).toEqual({ excellent: 90, good: 75, pass: 60 });
  });
});

describe('scoreObservation: totals and grades, hand-computed', () => {
  it('full marks: 100, 优秀', () => {
    expect(scoreObservation(body, scores())).toMatchObject({ issues: [], total: 100, grade: 'excellent' });
  });

  it('3 + 4 + 3 + 13 + 13 + 18 + 17.5 + 18.5 = 90: exactly the 优秀 line', () => {
    const result = scoreObservation(
      body,
      scores({ objectives: 13, selection: 13, design: 18, methods: 17.5, effect: 18.5 }),
    );
    expect(result).toMatchObject({ issues: [], total: 90, grade: 'excellent' });
  });

  it('89.5 is 良好; 75 is 良好; 74.5 is 合格; 60 is 合格; 59.5 is 不合格', () => {
    // 2 + 3 + 2 + 12 + 12 + 16 + 16 + 12 = 75
    const seventyFive = scores({
      discipline: 2,
      attitude: 3,
      preparation: 2,
      objectives: 12,
      selection: 12,
      design: 16,
      methods: 16,
      effect: 12,
    });
    expect(scoreObservation(body, seventyFive)).toMatchObject({ total: 75, grade: 'good' });
    expect(scoreObservation(body, { ...seventyFive, effect: 11.5 })).toMatchObject({
      total: 74.5,
      grade: 'pass',
    });
    // 2 + 2 + 2 + 9 + 9 + 12 + 12 + 12 = 60
    const sixty = scores({
      discipline: 2,
      attitude: 2,
      preparation: 2,
      objectives: 9,
      selection: 9,
      design: 12,
      methods: 12,
      effect: 12,
    });
    expect(scoreObservation(body, sixty)).toMatchObject({ total: 60, grade: 'pass' });
    expect(scoreObservation(body, { ...sixty, preparation: 1.5 })).toMatchObject({
      total: 59.5,
      grade: 'fail',
    });
    expect(scoreObservation(body, scores({ effect: 9.5 }))).toMatchObject({ total: 89.5, grade: 'good' });
  });

  it('all zeros: 0, 不合格', () => {
    const zeros = Object.fromEntries(Object.keys(scores()).map((k) => [k, 0]));
    expect(scoreObservation(body, zeros)).toMatchObject({ issues: [], total: 0, grade: 'fail' });
  });

  it('names each bad item: above its max, below 0, missing, not a number, not a half point, unknown', () => {
    const { discipline: _dropped, ...withoutDiscipline } = scores();
    const result = scoreObservation(body, {
      ...withoutDiscipline,
      attitude: 5,
      preparation: -1,
      objectives: '15',
      selection: 13.3,
      extra: 2,
    });
    expect(result.issues.map((i) => i.path)).toEqual([
      'scores.discipline',
      'scores.attitude',
      'scores.preparation',
      'scores.objectives',
      'scores.selection',
      'scores.extra',
    ]);
    expect(result.issues[0]?.message).toBe('请为“教学纪律”打分（0–3 分）');
    expect(result.issues[1]?.message).toContain('满分 4 分');
    expect(result.issues[2]?.message).toContain('不能是负数');
    for (const issue of result.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('uses the bands stored in the body, not fixed numbers', () => {
    expect(gradeOf(80, { excellent: 85, good: 70, pass: 50 })).toBe('good');
    expect(gradeOf(49.5, { excellent: 85, good: 70, pass: 50 })).toBe('fail');
  });

  it('refuses a body whose bands are out of order, above the total, or whose keys repeat', () => {
    const bad = (changes: object) =>
      v.safeParse(RubricBodySchema, { ...lessonRubric100.body, ...changes }).success;
    expect(bad({ bands: { excellent: 70, good: 75, pass: 60 } })).toBe(false);
    expect(bad({ bands: { excellent: 101, good: 75, pass: 60 } })).toBe(false);
    expect(
      bad({
        sections: [
          { key: 'a', title: '甲', items: [{ key: 'x', label: '一', max: 50 }] },
          { key: 'b', title: '乙', items: [{ key: 'x', label: '二', max: 50 }] },
        ],
      }),
    ).toBe(false);
  });
});
