import { describe, expect, it } from 'vitest';
import type { SchemeBody } from '../../tenants/evaluation/scheme';
import { totalScores } from '../../worker/modules/evaluation/rounds/totals';

/**
 * A three-level tree, 30 points:
 *   A (20) ─ A1 (12) ─ A1.1 (5), A1.2 (7)
 *          └ A2 (8)
 *   B (10) ─ B1 (4), B2 (6)
 */
const body: SchemeBody = {
  indicators: [
    {
      key: 'A',
      name: '甲',
      points: 20,
      children: [
        {
          key: 'A1',
          name: '甲一',
          points: 12,
          children: [
            { key: 'A1.1', name: '甲一一', points: 5 },
            { key: 'A1.2', name: '甲一二', points: 7 },
          ],
        },
        { key: 'A2', name: '甲二', points: 8 },
      ],
    },
    {
      key: 'B',
      name: '乙',
      points: 10,
      children: [
        { key: 'B1', name: '乙一', points: 4 },
        { key: 'B2', name: '乙二', points: 6 },
      ],
    },
  ],
};

describe('round totals', () => {
  it('add every level by hand-computed sums when every leaf is scored', () => {
    // A1 = 4.5 + 6 = 10.5; A = 10.5 + 7.5 = 18; B = 3 + 5.5 = 8.5; total = 26.5.
    const t = totalScores(body, { 'A1.1': 4.5, 'A1.2': 6, A2: 7.5, B1: 3, B2: 5.5 });
    expect(t.byKey.A1?.score).toBe(10.5);
    expect(t.byKey.A?.score).toBe(18);
    expect(t.byKey.B?.score).toBe(8.5);
    expect(t.byKey.A2).toEqual({ key: 'A2', points: 8, score: 7.5, leaves: 1, scored: 1, missing: [] });
    expect(t.total).toBe(26.5);
    expect(t.points).toBe(30);
    expect(t.complete).toBe(true);
    expect(t.missing).toEqual([]);
    expect(t.leaves).toBe(5);
    expect(t.scored).toBe(5);
  });

  it('list unscored leaves as missing at every level instead of counting them as 0 silently', () => {
    const t = totalScores(
      body,
      new Map([
        ['A1.2', 6],
        ['B2', 0],
      ]),
    );
    expect(t.total).toBe(6);
    expect(t.complete).toBe(false);
    expect(t.missing).toEqual(['A1.1', 'A2', 'B1']);
    expect(t.byKey.A1).toEqual({
      key: 'A1',
      points: 12,
      score: 6,
      leaves: 2,
      scored: 1,
      missing: ['A1.1'],
    });
    expect(t.byKey.A?.missing).toEqual(['A1.1', 'A2']);
    // A zero given is a score, not a gap.
    expect(t.byKey.B).toEqual({ key: 'B', points: 10, score: 0, leaves: 2, scored: 1, missing: ['B1'] });
    expect(t.scored).toBe(2);
  });

  it('never adds a score given to a parent or an unknown key', () => {
    const t = totalScores(body, { A: 20, 'A1.1': 5, Z9: 3 });
    expect(t.total).toBe(5);
    expect(t.byKey.A?.score).toBe(5);
    expect(t.unknown).toEqual(['A', 'Z9']);
  });

  it('read nothing scored as all missing with a total of 0', () => {
    const t = totalScores(body, {});
    expect(t.total).toBe(0);
    expect(t.missing).toEqual(['A1.1', 'A1.2', 'A2', 'B1', 'B2']);
    expect(t.complete).toBe(false);
  });
});
