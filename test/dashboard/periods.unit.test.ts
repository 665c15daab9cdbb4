import { describe, expect, it } from 'vitest';
import { beijingDayStartUtc } from '../../worker/dates';
import { monthKey, semesterOf } from '../../worker/semesters';

const SCHOOL = { autumnStartMonth: 9, springStartMonth: 2 };

describe('semesterOf', () => {
  it('puts September to January in the autumn semester of the school year that starts in September', () => {
    expect(semesterOf(2025, 9, SCHOOL)).toEqual({
      kind: 'autumn',
      schoolYear: 2025,
      from: '2025-09-01',
      to: '2026-01-31',
      length: 5,
      elapsed: 1,
      holiday: false,
    });
    expect(semesterOf(2026, 1, SCHOOL)).toMatchObject({ kind: 'autumn', schoolYear: 2025, elapsed: 5 });
  });

  it('puts February to July in the spring semester, second of the school year', () => {
    expect(semesterOf(2026, 2, SCHOOL)).toEqual({
      kind: 'spring',
      schoolYear: 2025,
      from: '2026-02-01',
      to: '2026-07-31',
      length: 6,
      elapsed: 1,
      holiday: false,
    });
    expect(semesterOf(2028, 7, SCHOOL)).toMatchObject({ to: '2028-07-31', elapsed: 6, holiday: false });
  });

  it('shows the spring semester that just ended in the summer holiday', () => {
    expect(semesterOf(2026, 8, SCHOOL)).toMatchObject({
      kind: 'spring',
      from: '2026-02-01',
      to: '2026-07-31',
      elapsed: 6,
      holiday: true,
    });
  });

  it('follows other start months from the tenant config', () => {
    expect(semesterOf(2026, 3, { autumnStartMonth: 8, springStartMonth: 3 })).toMatchObject({
      kind: 'spring',
      from: '2026-03-01',
      to: '2026-06-30',
      length: 4,
    });
    expect(semesterOf(2026, 2, { autumnStartMonth: 8, springStartMonth: 3 })).toMatchObject({
      kind: 'autumn',
      schoolYear: 2025,
      from: '2025-08-01',
      to: '2026-02-28',
      elapsed: 7,
    });
  });
});

describe('months and days', () => {
  it('steps months across years', () => {
    expect(monthKey(2026, 1, -1)).toBe('2025-12');
    expect(monthKey(2026, 11, -11)).toBe('2025-12');
    expect(monthKey(2026, 12, 1)).toBe('2027-01');
  });

  it('starts a Beijing day at 16:00 UTC the day before', () => {
    expect(beijingDayStartUtc('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
  });
});
