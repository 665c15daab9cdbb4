import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRICS, lessonRubric100 } from '../../tenants/observations/builtin';
import {
  gradeOf,
  maxTotal,
  placeRubricIssues,
  RubricBodySchema,
  rubricPlace,
  scoreObservation,
} from '../../tenants/observations/rubric';

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

describe('RubricBodySchema: what an editor may save', () => {
  const messages = (input: unknown) => {
    const result = v.safeParse(RubricBodySchema, input);
    return result.success ? [] : result.issues.map((i) => i.message);
  };
  const edited = (change: (b: typeof lessonRubric100.body) => void) => {
    const copy = structuredClone(lessonRubric100.body);
    change(copy);
    return copy;
  };

  it('names both items sharing a key, and both sections sharing one', () => {
    const dup = edited((b) => {
      const effect = b.sections[3]?.items[0];
      if (effect) effect.key = 'design';
      const methods = b.sections[2];
      if (methods) methods.key = 'basics';
    });
    expect(messages(dup)).toEqual([
      '评分部分“基本要求”和“方法与手段”的编号都是“basics”，请改成不同的编号',
      '评分项“教学设计”和“教学效果”的编号都是“design”，请改成不同的编号',
    ]);
  });

  it('refuses an 优秀 line above the items’ total, and bands out of order (a gap or an overlap)', () => {
    expect(messages(edited((b) => Object.assign(b.bands, { excellent: 101 })))).toEqual([
      '“优秀”的分数线 101 分高于各评分项满分之和 100 分，请降低分数线或提高评分项满分',
    ]);
    expect(messages(edited((b) => Object.assign(b.bands, { good: 60, pass: 60 })))).toEqual([
      '分数线应为 优秀 > 良好 > 合格',
    ]);
    // Exactly the total is reachable, so allowed.
    expect(messages(edited((b) => Object.assign(b.bands, { excellent: 100 })))).toEqual([]);
  });

  it('refuses an item without a name, a max of 0 or 2.5, and an empty section', () => {
    expect(
      messages(
        edited((b) => {
          const [first, second] = b.sections[0]?.items ?? [];
          if (first) first.max = 0;
          if (second) second.max = 2.5;
          const methods = b.sections[2];
          if (methods) methods.items = [];
        }),
      ),
    ).toEqual(['评分项的满分至少 1 分', '评分项的满分必须是整数', '每个评分部分至少要有 1 个评分项']);
  });
});

describe('placeRubricIssues: each message says which item it is about', () => {
  it('prefixes a section’s or an item’s place and name, and leaves other issues alone', () => {
    const raw = lessonRubric100.body;
    expect(rubricPlace(raw, 'sections.1.items.2.max')).toBe('第 2 部分“教学内容”第 3 项“教学设计”');
    expect(rubricPlace(raw, 'sections.3.title')).toBe('第 4 部分“教学效果”');
    expect(rubricPlace({ sections: [{ items: [{}] }] }, 'sections.0.items.0.label')).toBe('第 1 部分第 1 项');
    expect(rubricPlace(raw, 'bands.good')).toBeNull();
    expect(
      placeRubricIssues(raw, 'body.', [
        { path: 'body.sections.0.items.1.max', message: '评分项的满分至少 1 分' },
        { path: 'body.bands', message: '分数线应为 优秀 > 良好 > 合格' },
        { path: 'name', message: '请填写评课标准名称' },
      ]),
    ).toEqual([
      {
        path: 'body.sections.0.items.1.max',
        message: '第 1 部分“基本要求”第 2 项“教学态度”：评分项的满分至少 1 分',
      },
      { path: 'body.bands', message: '分数线应为 优秀 > 良好 > 合格' },
      { path: 'name', message: '请填写评课标准名称' },
    ]);
  });
});
