import { describe, expect, it } from 'vitest';
import { lastTeachingDay } from '../../web/src/ui/semesters';
import { semesterKeyOf } from '../../worker/semesters';

const USUAL = { autumnStartMonth: 9, springStartMonth: 2 };

describe('lastTeachingDay: the check form’s default day, one the server takes', () => {
  it('is today in a semester, winter break included (January is autumn)', () => {
    expect(lastTeachingDay(USUAL, '2026-12-02')).toBe('2026-12-02');
    expect(lastTeachingDay(USUAL, '2027-01-28')).toBe('2027-01-28');
    expect(lastTeachingDay(USUAL, '2026-07-31')).toBe('2026-07-31');
  });

  it('is the last day of spring in the summer holiday, and the server puts it in that spring', () => {
    for (const day of ['2026-08-01', '2026-08-15', '2026-08-31']) {
      expect(semesterKeyOf(day, USUAL)).toBeNull();
      expect(lastTeachingDay(USUAL, day)).toBe('2026-07-31');
    }
    expect(semesterKeyOf('2026-07-31', USUAL)).toBe('2026-spring');
  });

  it('follows a tenant whose year starts in October (spring March–August, September off)', () => {
    const late = { autumnStartMonth: 10, springStartMonth: 3 };
    expect(semesterKeyOf('2026-09-10', late)).toBeNull();
    expect(lastTeachingDay(late, '2026-09-10')).toBe('2026-08-31');
    expect(semesterKeyOf('2026-08-31', late)).toBe('2026-spring');
    expect(lastTeachingDay(late, '2026-08-10')).toBe('2026-08-10');
  });
});
