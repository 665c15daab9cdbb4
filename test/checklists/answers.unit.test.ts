import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type Answer, type Answers, answersSchemaFor, checkAnswers } from '../../tenants/checklists/answers';
import { BUILTIN_TEMPLATES } from '../../tenants/checklists/builtin';
import { type ChecklistBody, ChecklistBodySchema } from '../../tenants/checklists/schema';

/** One item of each type, each rule kind, and scores in two sections (one with halves). */
const body = v.parse(ChecklistBodySchema, {
  sections: [
    {
      key: 'basics',
      title: '基本情况',
      items: [
        {
          key: 'exits_clear',
          label: '安全出口畅通',
          type: 'yes_no',
          required: true,
          hazardLevel: 'major',
          rules: [{ when: { answer: 'no' }, requireNote: true, requirePhoto: true, createFinding: true }],
        },
        {
          key: 'staff_on_duty',
          label: '值班人数',
          type: 'number',
          unit: '人',
          rules: [{ when: { below: 2 }, requireNote: true, createFinding: true }],
        },
        {
          key: 'overall',
          label: '总体评价',
          type: 'choice',
          choices: ['合格', '不合格'],
          rules: [{ when: { choice: '不合格' }, requireNote: true }],
        },
        { key: 'remarks', label: '其他情况', type: 'text' },
        { key: 'site_photo', label: '现场照片', type: 'photo', required: true },
        { key: 'deadline', label: '整改期限', type: 'date' },
      ],
    },
    {
      key: 'teaching',
      title: '教学',
      items: [
        {
          key: 'lesson_plans',
          label: '教案检查',
          type: 'score',
          max: 10,
          required: true,
          rules: [{ when: { below: 6 }, requirePhoto: true, createFinding: true }],
        },
        { key: 'homework', label: '作业批改', type: 'score', max: 5 },
      ],
    },
    { key: 'extra', title: '附加', items: [{ key: 'bonus', label: '特色加分', type: 'score', max: 2.5 }] },
  ],
});

function builtin(key: string): ChecklistBody {
  const template = BUILTIN_TEMPLATES.find((t) => t.key === key);
  if (!template) throw new Error(`no builtin template ${key}`);
  return v.parse(ChecklistBodySchema, template.body);
}

/** Answers every yes/no item "yes" and every choice with its first option: a clean visit. */
function allYes(template: ChecklistBody): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const item of template.sections.flatMap((s) => s.items)) {
    if (item.type === 'yes_no') answers[item.key] = { value: true };
    if (item.type === 'choice') answers[item.key] = { value: item.choices?.[0] ?? null };
  }
  return answers;
}

/** Issues of a draft, so that only validity checks speak. */
function draftIssues(answers: Answers) {
  return checkAnswers(body, answers, { draft: true }).issues;
}

describe('checkAnswers: values by item type', () => {
  it.each<[string, Answer]>([
    ['exits_clear', { value: true }],
    ['exits_clear', { value: false, note: '堵塞', photos: ['p1'] }],
    ['lesson_plans', { value: 0 }],
    ['lesson_plans', { value: 10 }],
    ['lesson_plans', { value: 7.5 }],
    ['lesson_plans', { value: 8.3 }],
    ['staff_on_duty', { value: 0, note: '无人值班' }],
    ['staff_on_duty', { value: 12.5 }],
    ['overall', { value: '合格' }],
    ['remarks', { value: '  有说明  ' }],
    ['remarks', { value: '字'.repeat(2000) }],
    ['site_photo', { photos: ['p1'] }],
    ['site_photo', { photos: Array.from({ length: 10 }, (_, i) => `p${i}`), value: null }],
    ['deadline', { value: '2025-03-01' }],
    ['deadline', { value: '2024-02-29' }],
    ['exits_clear', { value: true, note: '说'.repeat(1000) }],
  ])('accepts %s = %j', (key, answer) => {
    expect(draftIssues({ [key]: answer })).toEqual([]);
  });

  it.each<[string, Answer, string, string]>([
    ['exits_clear', { value: 'yes' }, 'value', '“安全出口畅通”只能回答“是”或“否”'],
    ['exits_clear', { value: 1 }, 'value', '“安全出口畅通”只能回答“是”或“否”'],
    ['lesson_plans', { value: 10.5 }, 'value', '“教案检查”的得分不能超过满分 10'],
    ['lesson_plans', { value: -1 }, 'value', '“教案检查”的得分不能小于 0'],
    ['lesson_plans', { value: 7.25 }, 'value', '“教案检查”的得分最多保留一位小数'],
    ['lesson_plans', { value: '8' }, 'value', '“教案检查”的得分必须是数字'],
    ['lesson_plans', { value: Number.NaN }, 'value', '“教案检查”的得分必须是数字'],
    ['staff_on_duty', { value: -1 }, 'value', '“值班人数”不能为负数'],
    ['staff_on_duty', { value: '3' }, 'value', '“值班人数”必须填写数字'],
    ['staff_on_duty', { value: Number.POSITIVE_INFINITY }, 'value', '“值班人数”必须填写数字'],
    ['overall', { value: '优秀' }, 'value', '“总体评价”只能从给定选项中选择'],
    ['overall', { value: '合格 ' }, 'value', '“总体评价”只能从给定选项中选择'],
    ['overall', { value: true }, 'value', '“总体评价”只能从给定选项中选择'],
    ['remarks', { value: '字'.repeat(2001) }, 'value', '“其他情况”不能超过 2000 个字'],
    ['remarks', { value: 5 }, 'value', '“其他情况”必须填写文字'],
    ['site_photo', { value: 'x', photos: ['p1'] }, 'value', '“现场照片”只需拍照，不填写内容'],
    [
      'site_photo',
      { photos: Array.from({ length: 11 }, (_, i) => `p${i}`) },
      'photos',
      '“现场照片”最多 10 张照片',
    ],
    ['site_photo', { photos: [''] }, 'photos', '“现场照片”的照片无效，请重新拍照'],
    ['site_photo', { photos: ['p'.repeat(101)] }, 'photos', '“现场照片”的照片无效，请重新拍照'],
    ['deadline', { value: '2025-02-29' }, 'value', '“整改期限”必须是有效日期，格式如 2025-03-01'],
    ['deadline', { value: '2025-04-31' }, 'value', '“整改期限”必须是有效日期，格式如 2025-03-01'],
    ['deadline', { value: '2025-13-01' }, 'value', '“整改期限”必须是有效日期，格式如 2025-03-01'],
    ['deadline', { value: '2025-3-1' }, 'value', '“整改期限”必须是有效日期，格式如 2025-03-01'],
    ['deadline', { value: 20250301 }, 'value', '“整改期限”必须是有效日期，格式如 2025-03-01'],
    [
      'exits_clear',
      { value: true, note: '说'.repeat(1001) },
      'note',
      '“安全出口畅通”的说明不能超过 1000 个字',
    ],
  ])('rejects %s = %j', (key, answer, field, message) => {
    expect(draftIssues({ [key]: answer })).toEqual([{ path: `answers.${key}.${field}`, message }]);
  });

  it('takes a photo list that is not a list as invalid, and so as no photos', () => {
    const answers = { site_photo: { photos: 'p1' } } as unknown as Answers;
    expect(checkAnswers(body, answers).issues.filter((i) => i.path.startsWith('answers.site_photo'))).toEqual(
      [
        { path: 'answers.site_photo.photos', message: '“现场照片”的照片无效，请重新拍照' },
        { path: 'answers.site_photo.photos', message: '“现场照片”为必填项，请拍照' },
      ],
    );
  });
});

describe('checkAnswers: required items', () => {
  const missing = [
    { path: 'answers.exits_clear.value', message: '“安全出口畅通”为必填项，请作答' },
    { path: 'answers.site_photo.photos', message: '“现场照片”为必填项，请拍照' },
    { path: 'answers.lesson_plans.value', message: '“教案检查”为必填项，请作答' },
  ];

  it('asks for every required item in a final submission', () => {
    expect(checkAnswers(body, {}).issues).toEqual(missing);
  });

  it('treats null, blank text and an empty photo list as no answer', () => {
    const answers = {
      exits_clear: { value: null },
      site_photo: { photos: [] },
      lesson_plans: { value: '   ' },
    };
    expect(checkAnswers(body, answers).issues).toEqual(missing);
  });

  it('lets a draft leave required items empty but still reports wrong values', () => {
    expect(checkAnswers(body, {}, { draft: true }).issues).toEqual([]);
    expect(checkAnswers(body, { lesson_plans: { value: 11 } }, { draft: true }).issues).toEqual([
      { path: 'answers.lesson_plans.value', message: '“教案检查”的得分不能超过满分 10' },
    ]);
  });

  it('does not also ask to answer an item whose value is wrong', () => {
    const answers = {
      exits_clear: { value: 'no' },
      site_photo: { photos: ['p1'] },
      lesson_plans: { value: 8 },
    };
    expect(checkAnswers(body, answers).issues).toEqual([
      { path: 'answers.exits_clear.value', message: '“安全出口畅通”只能回答“是”或“否”' },
    ]);
  });
});

describe('checkAnswers: rules', () => {
  /** The required items answered cleanly, so each test sees only its own item. */
  const base: Record<string, Answer> = {
    exits_clear: { value: true },
    site_photo: { photos: ['p0'] },
    lesson_plans: { value: 8 },
  };
  const run = (extra: Record<string, Answer>, draft = false) =>
    checkAnswers(body, { ...base, ...extra }, { draft });

  it('"no" requires a note and a photo and drafts a finding with the hazard level', () => {
    const result = run({ exits_clear: { value: false } });
    expect(result.issues).toEqual([
      { path: 'answers.exits_clear.note', message: '“安全出口畅通”选择“否”时须填写说明' },
      { path: 'answers.exits_clear.photos', message: '“安全出口畅通”选择“否”时须拍照' },
    ]);
    expect(result.findings).toEqual([
      {
        itemKey: 'exits_clear',
        sectionKey: 'basics',
        label: '安全出口畅通',
        problem: '不符合“安全出口畅通”',
        hazardLevel: 'major',
      },
    ]);
  });

  it('"no" with a note and a photo passes and carries both into the finding', () => {
    const result = run({ exits_clear: { value: false, note: '  北侧出口堆放杂物  ', photos: ['p1', 'p2'] } });
    expect(result.issues).toEqual([]);
    expect(result.findings).toEqual([
      {
        itemKey: 'exits_clear',
        sectionKey: 'basics',
        label: '安全出口畅通',
        problem: '不符合“安全出口畅通”',
        hazardLevel: 'major',
        note: '北侧出口堆放杂物',
        photos: ['p1', 'p2'],
      },
    ]);
  });

  it('a blank note does not count as a note', () => {
    const result = run({ exits_clear: { value: false, note: '   ', photos: ['p1'] } });
    expect(result.issues).toEqual([
      { path: 'answers.exits_clear.note', message: '“安全出口畅通”选择“否”时须填写说明' },
    ]);
  });

  it('"yes" triggers nothing', () => {
    expect(run({ exits_clear: { value: true } })).toMatchObject({ issues: [], findings: [] });
  });

  it('a number below the limit requires a note; the limit itself does not', () => {
    const below = run({ staff_on_duty: { value: 1 } });
    expect(below.issues).toEqual([
      { path: 'answers.staff_on_duty.note', message: '“值班人数”低于 2 人时须填写说明' },
    ]);
    expect(below.findings).toEqual([
      {
        itemKey: 'staff_on_duty',
        sectionKey: 'basics',
        label: '值班人数',
        problem: '“值班人数”为 1 人（低于 2 人）',
      },
    ]);
    expect(run({ staff_on_duty: { value: 2 } })).toMatchObject({ issues: [], findings: [] });
  });

  it('a score below the limit requires a photo; the limit itself does not', () => {
    const below = run({ lesson_plans: { value: 5.5 } });
    expect(below.issues).toEqual([
      { path: 'answers.lesson_plans.photos', message: '“教案检查”低于 6 分时须拍照' },
    ]);
    expect(below.findings).toEqual([
      {
        itemKey: 'lesson_plans',
        sectionKey: 'teaching',
        label: '教案检查',
        problem: '“教案检查”为 5.5 分（低于 6 分）',
      },
    ]);
    expect(run({ lesson_plans: { value: 6 } })).toMatchObject({ issues: [], findings: [] });
  });

  it('a chosen option requires a note; other options do not; no finding unless the rule asks', () => {
    expect(run({ overall: { value: '不合格' } })).toMatchObject({
      issues: [{ path: 'answers.overall.note', message: '“总体评价”选择“不合格”时须填写说明' }],
      findings: [],
    });
    expect(run({ overall: { value: '不合格', note: '安全台账缺失' } }).issues).toEqual([]);
    expect(run({ overall: { value: '合格' } }).issues).toEqual([]);
  });

  it('a draft skips missing notes and photos but still drafts the findings', () => {
    const result = run({ exits_clear: { value: false }, staff_on_duty: { value: 0 } }, true);
    expect(result.issues).toEqual([]);
    expect(result.findings.map((f) => f.itemKey)).toEqual(['exits_clear', 'staff_on_duty']);
  });

  it('a wrong value triggers no rule', () => {
    const result = run({ lesson_plans: { value: -3 } });
    expect(result.issues).toEqual([
      { path: 'answers.lesson_plans.value', message: '“教案检查”的得分不能小于 0' },
    ]);
    expect(result.findings).toEqual([]);
  });
});

describe('checkAnswers: findings from a shipped safety template', () => {
  it('drafts findings in template order with each item’s hazard level', () => {
    const safety = builtin('safety_general');
    const answers = allYes(safety);
    // Given out of template order: the findings still follow the template.
    answers.exits_clear = { value: false, note: '安全出口上锁', photos: ['p3'] };
    answers.doors_windows = { value: false, note: '三楼窗玻璃破碎', photos: ['p2'] };
    answers.facilities_compliant = { value: false, note: '篮球架锈蚀', photos: ['p1'] };

    const result = checkAnswers(safety, answers);
    expect(result.issues).toEqual([]);
    expect(result.findings).toEqual([
      {
        itemKey: 'facilities_compliant',
        sectionKey: 'facilities',
        label: '校区设施设备符合安全规范要求',
        problem: '不符合“校区设施设备符合安全规范要求”',
        hazardLevel: 'serious',
        note: '篮球架锈蚀',
        photos: ['p1'],
      },
      {
        itemKey: 'doors_windows',
        sectionKey: 'facilities',
        label: '门窗、玻璃完好，开关正常，无脱落、破碎',
        problem: '不符合“门窗、玻璃完好，开关正常，无脱落、破碎”',
        hazardLevel: 'general',
        note: '三楼窗玻璃破碎',
        photos: ['p2'],
      },
      {
        itemKey: 'exits_clear',
        sectionKey: 'fire',
        label: '疏散通道、安全出口畅通，未锁闭、未堵塞',
        problem: '不符合“疏散通道、安全出口畅通，未锁闭、未堵塞”',
        hazardLevel: 'major',
        note: '安全出口上锁',
        photos: ['p3'],
      },
    ]);
  });
});

describe('checkAnswers: scores', () => {
  it('sums answered score items per section and in total', () => {
    const result = checkAnswers(body, {
      lesson_plans: { value: 7.5 },
      homework: { value: 3.5 },
      bonus: { value: 2 },
    });
    expect(result.scores).toEqual([
      { sectionKey: 'teaching', score: 11, max: 15 },
      { sectionKey: 'extra', score: 2, max: 2.5 },
    ]);
    expect(result.total).toEqual({ score: 13, max: 17.5 });
  });

  it('leaves unanswered and wrong scores out of score and max, and keeps tenths exact', () => {
    const result = checkAnswers(body, {
      lesson_plans: { value: 0.1 },
      homework: { value: 0.2 },
      bonus: { value: 3 },
    });
    expect(result.scores).toEqual([
      { sectionKey: 'teaching', score: 0.3, max: 15 },
      { sectionKey: 'extra', score: 0, max: 0 },
    ]);
    expect(result.total).toEqual({ score: 0.3, max: 15 });
  });

  it('lists only sections with score items, for a shipped template', () => {
    const study = builtin('study_order');
    const answers = { ...allYes(study), learning_score: { value: 8 }, self_study_score: { value: 6.5 } };
    const result = checkAnswers(study, answers, { draft: true });
    expect(result.scores).toEqual([
      { sectionKey: 'classroom', score: 8, max: 10 },
      { sectionKey: 'sampling', score: 6.5, max: 10 },
    ]);
    expect(result.total).toEqual({ score: 14.5, max: 20 });
  });
});

describe('unknown item keys', () => {
  it('checkAnswers names each unknown key', () => {
    const result = checkAnswers(body, { nope: { value: true } }, { draft: true });
    expect(result.issues).toEqual([{ path: 'answers.nope', message: '检查表中没有编号为“nope”的检查项' }]);
  });

  it('the HTTP schema names an unknown key and caps the entry count', () => {
    const schema = answersSchemaFor(body);
    const unknown = v.safeParse(schema, { exits_clear: { value: true }, nope: { value: true } });
    expect(unknown.success).toBe(false);
    expect(unknown.issues?.map((i) => i.message)).toEqual(['检查表中没有编号为“nope”的检查项']);

    const tooMany = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, {}]));
    const counted = v.safeParse(schema, tooMany);
    expect(counted.issues?.map((i) => i.message)).toEqual(['作答不能超过 9 项']);
  });

  it('the HTTP schema accepts a well-formed map and refuses a malformed answer', () => {
    const schema = answersSchemaFor(body);
    const answers = {
      exits_clear: { value: false, note: '堵塞', photos: ['p1'] },
      deadline: { value: null },
    };
    expect(v.parse(schema, answers)).toEqual(answers);
    expect(v.safeParse(schema, { exits_clear: { value: true, extra: 1 } }).success).toBe(false);
    expect(v.safeParse(schema, { exits_clear: { note: 5 } }).success).toBe(false);
    expect(v.safeParse(schema, { exits_clear: { value: {} } }).success).toBe(false);
    expect(v.safeParse(schema, []).success).toBe(false);
  });
});

describe('a shipped template end to end (routine_eight)', () => {
  const routine = builtin('routine_eight');

  it('all "yes" gives no issues, no findings and no scores', () => {
    const answers = allYes(routine);
    expect(v.safeParse(answersSchemaFor(routine), answers).success).toBe(true);
    expect(checkAnswers(routine, answers)).toEqual({
      issues: [],
      findings: [],
      scores: [],
      total: { score: 0, max: 0 },
    });
  });

  it('two "no" answers with photos but no notes give exactly two note issues and two findings', () => {
    const answers = {
      ...allYes(routine),
      campus_safety: { value: false, photos: ['p2'] },
      school_management: { value: false, photos: ['p1'] },
    };
    const result = checkAnswers(routine, answers);
    expect(result.issues).toEqual([
      { path: 'answers.school_management.note', message: '“校务管理和制度执行情况良好”选择“否”时须填写说明' },
      {
        path: 'answers.campus_safety.note',
        message: '“校园及周边安全、学生交通安全措施落实”选择“否”时须填写说明',
      },
    ]);
    expect(result.findings.map((f) => [f.itemKey, f.photos])).toEqual([
      ['school_management', ['p1']],
      ['campus_safety', ['p2']],
    ]);
  });
});
