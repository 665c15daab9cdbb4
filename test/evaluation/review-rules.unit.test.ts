import { describe, expect, it } from 'vitest';
import type { SchemeBody } from '../../tenants/evaluation/scheme';
import { docxBytes } from '../../worker/docx';
import { finalizeBlock } from '../../worker/modules/evaluation/rounds/finalize';
import { lostPoints } from '../../worker/modules/evaluation/rounds/lost-points';
import { rankUnits } from '../../worker/modules/evaluation/rounds/ranking';
import { replyBlock, replyItemIssues } from '../../worker/modules/evaluation/rounds/reply';
import type { UnitReport } from '../../worker/modules/evaluation/rounds/report-data';
import { reportBlocks } from '../../worker/modules/evaluation/rounds/report-docx';
import { reviewScoreIssues } from '../../worker/modules/evaluation/rounds/save-review';

/** 20 points: A1 (10) = A1.1 (6) + A1.2 (4); A2 (10) a leaf. */
const scheme: SchemeBody = {
  indicators: [
    {
      key: 'A1',
      name: '组织领导',
      points: 10,
      children: [
        { key: 'A1.1', name: '专题研究', points: 6 },
        { key: 'A1.2', name: '责任落实', points: 4 },
      ],
    },
    { key: 'A2', name: '经费保障', points: 10 },
  ],
};

const unit = (
  name: string,
  status: 'self' | 'submitted' | 'reviewed' | 'replied' | 'final',
  t: number[],
) => ({
  unitId: name,
  unitName: name,
  status,
  selfTotal: t[0] ?? null,
  reviewTotal: t[1] ?? null,
  finalTotal: t[2] ?? null,
});

describe('ranking', () => {
  it('ranks by final, else published preliminary total; ties share a rank and the next skips', () => {
    const rows = rankUnits([
      unit('丙校', 'final', [90, 85, 85]),
      unit('甲校', 'final', [88, 85, 85]),
      unit('乙校', 'replied', [95, 92]),
      unit('丁校', 'final', [80, 70.5, 70.5]),
      // the team's running total before publishing must not leak into a ranking
      unit('戊校', 'submitted', [99, 99]),
      unit('己校', 'self', []),
    ]);
    expect(rows.map((r) => [r.unitName, r.rank, r.total, r.basis, r.difference])).toEqual([
      ['乙校', 1, 92, 'preliminary', -3],
      // 丙 (U+4E19) before 甲 (U+7532) by code point, both second
      ['丙校', 2, 85, 'final', -5],
      ['甲校', 2, 85, 'final', -3],
      ['丁校', 4, 70.5, 'final', -9.5],
      ['己校', null, null, 'none', null],
      ['戊校', null, null, 'none', null],
    ]);
  });

  it('gives every unit rank 1 when all totals tie', () => {
    const rows = rankUnits([unit('A', 'final', [1, 50, 50]), unit('B', 'final', [1, 50, 50])]);
    expect(rows.map((r) => r.rank)).toEqual([1, 1]);
  });
});

describe('lost points', () => {
  it('sums and averages points − score per first- and second-level indicator, most lost first', () => {
    const result = lostPoints(scheme, [
      { 'A1.1': 6, 'A1.2': 2, A2: 9 }, // loses 0, 2, 1
      { 'A1.1': 3, 'A1.2': 4, A2: 10 }, // loses 3, 0, 0
      { 'A1.1': 5.5, 'A1.2': 4 }, // A2 unscored: out of A2, counted in A1
    ]);
    expect(result.units).toBe(3);
    expect(
      result.firstLevel.map((r) => [r.key, r.units, r.lostSum, r.lostMean, r.unitsLosing, r.incomplete]),
    ).toEqual([
      ['A1', 3, 5.5, 1.83, 3, 0],
      ['A2', 2, 1, 0.5, 1, 1],
    ]);
    expect(result.secondLevel.map((r) => [r.key, r.parentKey, r.lostSum, r.unitsLosing, r.lostRate])).toEqual(
      [
        ['A1.1', 'A1', 3.5, 2, 0.194],
        ['A1.2', 'A1', 2, 1, 0.167],
      ],
    );
  });

  it('is empty of losses with no units', () => {
    const result = lostPoints(scheme, []);
    expect(result.firstLevel.every((r) => r.units === 0 && r.lostSum === 0 && r.lostMean === 0)).toBe(true);
  });
});

describe('review scores', () => {
  it('names the indicator for a score above its points, negative, off the half step, a parent or an unknown key', () => {
    const issues = reviewScoreIssues(scheme, [
      { key: 'A1.1', score: 6.5 },
      { key: 'A1.2', score: -1 },
      { key: 'A2', score: 7.3 },
      { key: 'A1', score: 5 },
      { key: 'Z9', score: 1 },
      { key: 'A2', score: 7 },
    ]);
    expect(issues).toEqual([
      { path: 'scores.0.score', message: '指标“A1.1 专题研究”满分 6 分，得分不能超过 6 分' },
      { path: 'scores.1.score', message: '指标“A1.2 责任落实”的得分不能是负数' },
      { path: 'scores.2.score', message: '指标“A2 经费保障”的得分只能是整数或 .5（如 3.5），现在是 7.3' },
      { path: 'scores.3.key', message: '本次评估的指标体系中没有可评分的指标“A1”（只对末级指标评分）' },
      { path: 'scores.4.key', message: '本次评估的指标体系中没有可评分的指标“Z9”（只对末级指标评分）' },
      { path: 'scores.5.key', message: '指标“A2”填写了两次' },
    ]);
    expect(
      reviewScoreIssues(scheme, [
        { key: 'A1.1', score: 0 },
        { key: 'A2', score: 9.5 },
      ]),
    ).toEqual([]);
  });

  it('accepts reply claims only on leaves, each once', () => {
    expect(
      replyItemIssues(scheme, [
        { indicatorKey: 'A1.1' },
        { indicatorKey: 'A1' },
        { indicatorKey: 'A1.1' },
      ]).map((i) => i.path),
    ).toEqual(['items.1.indicatorKey', 'items.2.indicatorKey']);
  });
});

describe('the way of a unit after review', () => {
  const deadline = '2026-12-10';
  it('lets the unit reply once, after publishing and until the deadline (inclusive)', () => {
    expect(replyBlock({ status: 'reviewed', repliedAt: null }, deadline, '2026-12-10')).toBeNull();
    expect(replyBlock({ status: 'reviewed', repliedAt: null }, deadline, '2026-12-11')).toContain(
      '申辩截止日期',
    );
    expect(replyBlock({ status: 'submitted', repliedAt: null }, deadline, '2026-12-01')).toContain(
      '尚未发布',
    );
    expect(replyBlock({ status: 'replied', repliedAt: 'x' }, deadline, '2026-12-01')).toContain(
      '只能申辩一次',
    );
    // "no objection" keeps the status reviewed with a time: a second reply is refused too
    expect(replyBlock({ status: 'reviewed', repliedAt: 'x' }, deadline, '2026-12-01')).toContain(
      '只能申辩一次',
    );
    expect(replyBlock({ status: 'final', repliedAt: null }, deadline, '2026-12-01')).toContain('已确定');
  });

  it('finalizes a reply, a no-objection or a lapsed reply period, nothing else', () => {
    expect(finalizeBlock({ status: 'replied', repliedAt: 'x' }, deadline, '2026-12-01')).toBeNull();
    expect(finalizeBlock({ status: 'reviewed', repliedAt: 'x' }, deadline, '2026-12-01')).toBeNull();
    expect(finalizeBlock({ status: 'reviewed', repliedAt: null }, deadline, '2026-12-11')).toBeNull();
    expect(finalizeBlock({ status: 'reviewed', repliedAt: null }, deadline, '2026-12-10')).toContain(
      '申辩期未结束',
    );
    expect(finalizeBlock({ status: 'submitted', repliedAt: null }, deadline, '2026-12-11')).toContain(
      '待评审',
    );
    expect(finalizeBlock({ status: 'self', repliedAt: null }, deadline, '2026-12-11')).toContain('自评中');
    expect(finalizeBlock({ status: 'final', repliedAt: null }, deadline, '2026-12-11')).toContain('已经确定');
  });
});

describe('report', () => {
  const report: UnitReport = {
    stage: 'preliminary',
    office: '示范县教育督导室',
    round: { id: 'r', name: '2026年发展性评估', schoolYear: 2026, replyDeadline: '2026-12-10' },
    scheme: { name: '发展性评估方案', version: 2 },
    unit: { id: 'u', name: '第一小学', status: 'replied' },
    team: [
      { name: '李四', lead: false },
      { name: '张三', lead: true },
    ],
    points: 20,
    selfTotal: 19,
    reviewTotal: 16,
    finalTotal: null,
    rows: [
      {
        key: 'A1',
        name: '组织领导',
        level: 1,
        points: 10,
        leaf: false,
        self: 9,
        review: 7,
        final: null,
        reviewNote: null,
      },
      {
        key: 'A1.1',
        name: '专题研究',
        level: 2,
        points: 6,
        leaf: true,
        self: 5,
        review: 3,
        final: null,
        reviewNote: '纪要不全',
      },
    ],
    selfReport: null,
    summary: '总体良好',
    publishedAt: '2026-12-01T02:00:00.000Z',
    reply: {
      text: '请复核',
      items: [{ indicatorKey: 'A1.1', text: '已补纪要' }],
      at: '2026-12-02T01:00:00.000Z',
    },
    noObjection: false,
    answer: null,
    finalizedAt: null,
    targets: [],
  };

  it('marks a preliminary report, lists scores, reply and team, and leaves out targets when none', () => {
    const text = JSON.stringify(reportBlocks(report));
    for (const expected of [
      '评估报告（初步结果）',
      '第一小学',
      '第 2 版',
      '张三',
      '纪要不全',
      '请复核',
      '已补纪要',
      '（尚未答复）',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('发展目标');
    expect(docxBytes(reportBlocks(report)).byteLength).toBeGreaterThan(1000);
  });

  it('adds the school year’s targets when there are some', () => {
    const text = JSON.stringify(
      reportBlocks({
        ...report,
        targets: [
          {
            title: '骨干教师',
            measure: '市级骨干 12 人',
            status: 'partly',
            statusLabel: '部分达成',
            progress: '10 人',
            adjustment: '维持',
          },
        ],
      }),
    );
    expect(text).toContain('2026—2027 学年发展目标达成情况');
    expect(text).toContain('部分达成');
  });
});
