import { describe, expect, it } from 'vitest';
import { semesterKeyOf, semesterLabel } from '../../worker/semesters';

const SCHOOL = { autumnStartMonth: 9, springStartMonth: 2 };

describe('semesterKeyOf: the semester an observation counts in', () => {
  it('Sep 1 starts the autumn semester named by its year', () => {
    expect(semesterKeyOf('2026-09-01', SCHOOL)).toBe('2026-autumn');
    expect(semesterKeyOf('2026-12-31', SCHOOL)).toBe('2026-autumn');
  });

  it('Jan 31 is still the autumn semester of the year before', () => {
    expect(semesterKeyOf('2027-01-31', SCHOOL)).toBe('2026-autumn');
  });

  it('Feb 1 starts the spring semester, named by its own calendar year', () => {
    expect(semesterKeyOf('2027-02-01', SCHOOL)).toBe('2027-spring');
    expect(semesterKeyOf('2027-07-31', SCHOOL)).toBe('2027-spring');
  });

  it('August is the summer holiday: no semester', () => {
    expect(semesterKeyOf('2026-08-01', SCHOOL)).toBeNull();
    expect(semesterKeyOf('2026-08-31', SCHOOL)).toBeNull();
  });

  it('follows the tenant’s months: autumn from August, spring from March, July off', () => {
    const other = { autumnStartMonth: 8, springStartMonth: 3 };
    expect(semesterKeyOf('2026-08-01', other)).toBe('2026-autumn');
    expect(semesterKeyOf('2027-02-28', other)).toBe('2026-autumn');
    expect(semesterKeyOf('2027-03-01', other)).toBe('2027-spring');
    expect(semesterKeyOf('2027-07-15', other)).toBeNull();
  });

  it('labels a key the way offices write it', () => {
    expect(semesterLabel('2026-autumn')).toBe('2026年秋季学期');
    expect(semesterLabel('2027-spring')).toBe('2027年春季学期');
  });
});
