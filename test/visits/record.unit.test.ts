import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../tenants/checklists/schema';
import { answerText, recordBlocks } from '../../worker/modules/visits/record-docx';
import type { VisitDetail } from '../../worker/modules/visits/records';

const item = (fields: Partial<ChecklistItem>): ChecklistItem =>
  ({ key: 'k', label: '检查项', type: 'text', required: false, ...fields }) as ChecklistItem;

describe('answerText', () => {
  it('prints each item type as the record reads it', () => {
    expect(answerText(item({ type: 'yes_no' }), { value: true })).toBe('是');
    expect(answerText(item({ type: 'yes_no' }), { value: false })).toBe('否');
    expect(answerText(item({ type: 'score', max: 10 }), { value: 7.5 })).toBe('7.5 / 10 分');
    expect(answerText(item({ type: 'number', unit: '人' }), { value: 12 })).toBe('12 人');
    expect(answerText(item({ type: 'choice', choices: ['好', '差'] }), { value: '好' })).toBe('好');
    expect(answerText(item({ type: 'photo' }), { photos: ['a', 'b'] })).toBe('已拍照 2 张');
    expect(answerText(item({ type: 'photo' }), undefined)).toBe('未拍照');
    expect(answerText(item({ type: 'text' }), undefined)).toBe('未检查');
    expect(answerText(item({ type: 'date' }), { value: '' })).toBe('未检查');
    expect(answerText(item({ type: 'yes_no' }), { value: true, photos: ['a'] })).toBe('是（附照片 1 张）');
  });
});

describe('recordBlocks', () => {
  const visit = {
    id: 'v',
    module: 'safety',
    kind: 'special',
    unitId: 'u',
    unitName: '第一小学',
    visitedOn: '2026-04-01',
    theme: null,
    methods: ['site', 'documents'],
    score: null,
    maxScore: null,
    summary: null,
    feedback: '已反馈',
    feedbackSignedBy: '李校长',
    team: [
      { id: 'a', name: '张督学', lead: true },
      { id: 'b', name: '王督学', lead: false },
    ],
    leadName: '张督学',
    templateId: 't',
    templateVersion: 2,
    templateName: '食堂检查',
    template: {
      id: 't',
      name: '食堂检查',
      version: 2,
      body: {
        sections: [
          { key: 's', title: '食品安全', items: [item({ key: 'k', type: 'yes_no', label: '留样' })] },
        ],
      },
    },
    answers: { k: { value: false, note: '未留样' } },
    photos: [],
    findings: [
      {
        id: 'f',
        itemKey: 'k',
        category: '食品安全',
        severity: 'serious',
        description: '留样：未留样',
        status: 'open',
        deadline: '2026-04-15',
        noticeNo: null,
      },
    ],
    findingCount: 1,
    createdBy: 'x',
    createdByName: '管理员',
    createdAt: '2026-04-01T02:00:00.000Z',
  } as unknown as VisitDetail;

  it('has the fields, the answers, the findings and the lead’s signature', () => {
    const text = JSON.stringify(recordBlocks(visit, '某县教育督导室'));
    for (const expected of [
      '督导记录',
      '督安全·专项督导',
      '第一小学',
      '2026年4月1日',
      '张督学',
      '王督学',
      '实地查看、查资料',
      '食堂检查（第 2 版）',
      '不计分',
      '未留样',
      '被督导单位签收人：李校长',
      '较大',
      '2026年4月15日',
      '督导组组长：张督学',
      '某县教育督导室',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('"督导意见"'.slice(1, -1));
  });
});
