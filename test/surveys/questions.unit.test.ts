import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SURVEY_PRESETS } from '../../tenants/surveys/presets';
import {
  checkAnswers,
  overallPercent,
  type Question,
  QuestionsSchema,
  resultsVisible,
  summarize,
} from '../../tenants/surveys/questions';

const QUESTIONS: Question[] = [
  { key: 'a', kind: 'rating', label: '态度', max: 5, required: true },
  { key: 'b', kind: 'rating', label: '效果', max: 10, required: false },
  { key: 'c', kind: 'choice', label: '作业量', options: ['少', '中', '多'], multiple: false, required: true },
  { key: 'd', kind: 'choice', label: '用餐', options: ['早', '午', '晚'], multiple: true, required: false },
  { key: 'e', kind: 'text', label: '建议', required: false },
];

describe('question schema', () => {
  it('accepts the presets and fills defaults (max 5, required, single choice)', () => {
    for (const preset of SURVEY_PRESETS)
      expect(v.safeParse(QuestionsSchema, preset.questions).success).toBe(true);
    const parsed = v.parse(QuestionsSchema, [
      { key: 'x', kind: 'rating', label: '评分' },
      { key: 'y', kind: 'choice', label: '选择', options: ['是', '否'] },
    ]);
    expect(parsed).toEqual([
      { key: 'x', kind: 'rating', label: '评分', max: 5, required: true },
      { key: 'y', kind: 'choice', label: '选择', options: ['是', '否'], multiple: false, required: true },
    ]);
  });

  it.each([
    [[{ key: 'x', kind: 'rating', label: '评分', max: 1 }], '2–10'],
    [[{ key: 'x', kind: 'rating', label: '评分', max: 11 }], '2–10'],
    [[{ key: 'x', kind: 'choice', label: '选', options: ['一'] }], '至少要有 2 个选项'],
    [
      [{ key: 'x', kind: 'choice', label: '选', options: Array.from({ length: 13 }, (_, i) => `${i}`) }],
      '最多 12 个选项',
    ],
    [[{ key: 'x', kind: 'choice', label: '选', options: ['一', '一'] }], '不能重复'],
    [
      [
        { key: 'x', kind: 'text', label: '意见' },
        { key: 'x', kind: 'text', label: '又' },
      ],
      '题目编号不能重复',
    ],
    [[{ key: 'x', kind: 'date', label: '日期' }], '题型应为'],
  ])('refuses %j in Chinese', (questions, message) => {
    const result = v.safeParse(QuestionsSchema, questions);
    expect(result.success).toBe(false);
    expect(result.issues?.map((i) => i.message).join(' ')).toContain(message);
  });
});

describe('checkAnswers', () => {
  it('keeps ratings and choices in answers and texts apart, trimmed; optional blanks are skipped', () => {
    const out = checkAnswers(QUESTIONS, { a: 5, b: 10, c: 0, d: [2, 0, 2], e: '  很好 ' });
    expect(out.issues).toEqual([]);
    expect(out.answers).toEqual({ a: 5, b: 10, c: 0, d: [0, 2] });
    expect(out.texts).toEqual([{ key: 'e', body: '很好' }]);
    expect(checkAnswers(QUESTIONS, { a: 1, c: 2, d: [], e: '' })).toEqual({
      answers: { a: 1, c: 2 },
      texts: [],
      issues: [],
    });
  });

  it.each([
    [{ a: 6, c: 0 }, 'answers.a', '第 1 题“态度”应选 1 到 5 分'],
    [{ a: 0, c: 0 }, 'answers.a', '应选 1 到 5 分'],
    [{ a: 2.5, c: 0 }, 'answers.a', '应选 1 到 5 分'],
    [{ a: '5', c: 0 }, 'answers.a', '应选 1 到 5 分'],
    [{ c: 0 }, 'answers.a', '第 1 题“态度”是必答题'],
    [{ a: 3, c: 3 }, 'answers.c', '只能选一个已有选项'],
    [{ a: 3, c: [0, 1] }, 'answers.c', '只能选一个已有选项'],
    [{ a: 3, c: 0, d: [0, 5] }, 'answers.d', '选项不存在'],
    [{ a: 3, c: 0, e: 12 }, 'answers.e', '应填写文字'],
    [{ a: 3, c: 0, e: '字'.repeat(1001) }, 'answers.e', '不能超过 1000 个字'],
    [{ a: 3, c: 0, z: 1 }, 'answers.z', '没有编号为“z”的题目'],
  ])('refuses %j at %s', (input, path, message) => {
    const { issues } = checkAnswers(QUESTIONS, input);
    expect(issues.find((i) => i.path === path)?.message).toContain(message);
  });
});

describe('summarize and overallPercent', () => {
  it('counts distributions, means to 2 decimals, choice counts; ignores values outside a question', () => {
    const [a, b, c, d, e] = summarize(QUESTIONS, [
      { a: 5, c: 0, d: [0, 1] },
      { a: 4, b: 7, c: 0, d: [1] },
      { a: 4, c: 2 },
      { a: 9, c: 7 },
    ]);
    expect(a).toMatchObject({ answered: 3, sum: 13, mean: 4.33, distribution: [0, 0, 0, 2, 1] });
    expect(b).toMatchObject({ answered: 1, mean: 7, distribution: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0] });
    expect(c).toMatchObject({
      answered: 3,
      options: [
        { label: '少', count: 2 },
        { label: '中', count: 0 },
        { label: '多', count: 1 },
      ],
    });
    expect(d).toMatchObject({
      answered: 2,
      options: [
        { label: '早', count: 1 },
        { label: '午', count: 2 },
        { label: '晚', count: 0 },
      ],
    });
    expect(e).toEqual({ key: 'e', kind: 'text', label: '建议' });
    // (13/3)/5 = 86.67 % and 7/10 = 70 %: their mean is 78.3 %.
    expect(overallPercent([a, b, c, d, e].filter((x) => x !== undefined))).toBe(78.3);
  });

  it('has no overall rating without answers', () => {
    expect(overallPercent(summarize(QUESTIONS, []))).toBeNull();
    expect(summarize(QUESTIONS, [])[0]).toMatchObject({
      answered: 0,
      mean: null,
      distribution: [0, 0, 0, 0, 0],
    });
  });
});

describe('resultsVisible', () => {
  it('shows results from the threshold on, and never below 3', () => {
    expect(resultsVisible(4, 5)).toBe(false);
    expect(resultsVisible(5, 5)).toBe(true);
    expect(resultsVisible(2, 1)).toBe(false);
    expect(resultsVisible(3, 1)).toBe(true);
  });
});
