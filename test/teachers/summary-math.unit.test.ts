import { describe, expect, it } from 'vitest';
import { lessonRubric100 } from '../../tenants/observations/builtin';
import { observationStats, ratingResult } from '../../worker/modules/teachers/summary-math';
import { foldChecks } from '../../worker/modules/teaching-checks/matrix';

const body = lessonRubric100.body;
const base = {
  discipline: 3,
  attitude: 4,
  preparation: 3,
  objectives: 13,
  selection: 13,
  design: 17,
  methods: 17,
  effect: 16,
};

describe('observation stats of a teacher', () => {
  it('averages totals and each section by hand-computed values', () => {
    const bodies = new Map([['v1', body]]);
    const stats = observationStats(
      [
        { total: 86, grade: 'good', scores: base, rubricVersionId: 'v1' },
        {
          total: 96,
          grade: 'excellent',
          scores: { ...base, design: 20, methods: 20, effect: 20 },
          rubricVersionId: 'v1',
        },
        {
          total: 43,
          grade: 'fail',
          scores: {
            discipline: 1,
            attitude: 1,
            preparation: 1,
            objectives: 5,
            selection: 5,
            design: 10,
            methods: 10,
            effect: 10,
          },
          rubricVersionId: 'v1',
        },
      ],
      bodies,
    );
    expect(stats.count).toBe(3);
    expect(stats.averageTotal).toBe(75);
    expect(stats.grades).toEqual({ excellent: 1, good: 1, pass: 0, fail: 1 });
    const byKey = Object.fromEntries(stats.sections.map((s) => [s.key, s]));
    // basics (max 10): 10, 10, 3 → 7.7 points, 76.7 %
    expect(byKey.basics).toMatchObject({ max: 10, average: 7.7, percent: 76.7, count: 3 });
    // content (max 50): 43, 46, 20 → 36.3 points; 86 %, 92 %, 40 % → 72.7 %
    expect(byKey.content).toMatchObject({ max: 50, average: 36.3, percent: 72.7 });
    expect(byKey.methods).toMatchObject({ max: 20, average: 15.7, percent: 78.3 });
    expect(byKey.effect).toMatchObject({ max: 20, average: 15.3, percent: 76.7 });
  });

  it('has no average when nothing was observed', () => {
    const stats = observationStats([], new Map());
    expect(stats).toMatchObject({ count: 0, averageTotal: null, sections: [] });
  });
});

describe('评教 result of one survey', () => {
  const questions = [
    { key: 'q1', kind: 'rating', label: '教学态度', max: 5, required: true },
    { key: 'q2', kind: 'rating', label: '教学效果', max: 10, required: true },
    { key: 'q3', kind: 'text', label: '建议', required: false },
  ] as const;
  const five = [
    { q1: 5, q2: 8, q3: '好' },
    { q1: 4, q2: 9 },
    { q1: 3, q2: 10 },
    { q1: 5, q2: 7 },
    { q1: 4, q2: 6 },
  ];

  it('hides the average below the minimum of responses and says how many there are', () => {
    const result = ratingResult(questions, 5, five.slice(0, 4));
    expect(result).toEqual({ responses: 4, minResponses: 5, hidden: true });
  });

  it('at the minimum, averages every rating on 100: q1 84, q2 80, all 82', () => {
    const result = ratingResult(questions, 5, five);
    expect(result).toMatchObject({ responses: 5, hidden: false, average: 82 });
    if (result.hidden) throw new Error('hidden');
    expect(result.questions).toEqual([
      { key: 'q1', label: '教学态度', average: 84, answers: 5 },
      { key: 'q2', label: '教学效果', average: 80, answers: 5 },
    ]);
  });

  it('leaves out answers outside 1..max', () => {
    const result = ratingResult(questions, 3, [{ q1: 6, q2: 0 }, { q1: 5, q2: '9' }, { q1: 4 }]);
    if (result.hidden) throw new Error('hidden');
    expect(result.questions.map((q) => [q.answers, q.average])).toEqual([
      [2, 90],
      [0, null],
    ]);
    expect(result.average).toBe(90);
  });
});

describe('five-link matrix fold', () => {
  it('keeps the latest check per link and sums sampled plans and homework', () => {
    const [row] = foldChecks(
      [{ teacherId: 't', teacherName: '甲', unitId: null, unitName: null }],
      [
        {
          id: 'a',
          teacherId: 't',
          link: 'prepare',
          checkedOn: '2026-10-09',
          createdAt: '1',
          score: 80,
          sampledCount: 12,
        },
        {
          id: 'b',
          teacherId: 't',
          link: 'prepare',
          checkedOn: '2026-11-09',
          createdAt: '0',
          score: 90,
          sampledCount: 8,
        },
        {
          id: 'c',
          teacherId: 't',
          link: 'mark',
          checkedOn: '2026-11-01',
          createdAt: '2',
          score: 70,
          sampledCount: 30,
        },
        {
          id: 'd',
          teacherId: 't',
          link: 'mark',
          checkedOn: '2026-11-01',
          createdAt: '3',
          score: 75,
          sampledCount: null,
        },
        {
          id: 'e',
          teacherId: 'other',
          link: 'exam',
          checkedOn: '2026-11-01',
          createdAt: '3',
          score: 60,
          sampledCount: 5,
        },
      ],
    );
    expect(row?.links.prepare).toEqual({ id: 'b', score: 90, checkedOn: '2026-11-09' });
    expect(row?.links.mark).toEqual({ id: 'd', score: 75, checkedOn: '2026-11-01' });
    expect(row?.links.exam).toBeNull();
    expect(row).toMatchObject({ checkCount: 4, sampledPlans: 20, sampledHomework: 30 });
  });
});
