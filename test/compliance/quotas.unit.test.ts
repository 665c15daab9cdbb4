import { describe, expect, it } from 'vitest';
import {
  expectedByToday,
  quotaFor,
  semesterProgress,
  statusOf,
  supervisorQuota,
} from '../../worker/modules/compliance/quotas';
import { reportingSemesterKey } from '../../worker/semesters';

const SEMESTERS = { autumnStartMonth: 9, springStartMonth: 2 };
const QUOTAS = {
  roles: [
    { key: 'front_line_teacher', label: '一线教师', perSemester: 8 },
    { key: 'group_head', label: '教研组长', perSemester: 16 },
  ],
  supervisorPerWeek: 1,
};

describe('semester progress', () => {
  it('2026-autumn runs 1 Sep 2026 to 31 Jan 2027: 153 days, 22 weeks begun by the end', () => {
    const p = semesterProgress('2026-autumn', SEMESTERS, '2026-12-02');
    expect(p).toMatchObject({ from: '2026-09-01', to: '2027-01-31', totalDays: 153, elapsedDays: 93 });
    expect(p.percentElapsed).toBe(61);
    expect(p.week).toBe(14);
    expect(p.current).toBe(true);
    expect(p.label).toBe('2026年秋季学期');
  });

  it('2027-spring runs 1 Feb to 31 Jul 2027 (181 days); before it starts nothing has elapsed', () => {
    const p = semesterProgress('2027-spring', SEMESTERS, '2026-12-02');
    expect(p).toMatchObject({
      from: '2027-02-01',
      to: '2027-07-31',
      totalDays: 181,
      elapsedDays: 0,
      week: 0,
    });
    expect(p.current).toBe(false);
  });

  it('the current semester of a summer day is the spring that just ended', () => {
    expect(reportingSemesterKey('2026-08-15', SEMESTERS)).toBe('2026-spring');
    expect(reportingSemesterKey('2026-12-02', SEMESTERS)).toBe('2026-autumn');
    expect(reportingSemesterKey('2027-01-31', SEMESTERS)).toBe('2026-autumn');
    expect(reportingSemesterKey('2027-02-01', SEMESTERS)).toBe('2027-spring');
  });
});

describe('lessons expected by today (pro rata, rounded up)', () => {
  const on = (day: string) => semesterProgress('2026-autumn', SEMESTERS, day);

  it('on the first day one lesson of 8 is already due', () => {
    expect(on('2026-09-01').elapsedDays).toBe(1);
    expect(expectedByToday(8, on('2026-09-01'))).toBe(1);
  });

  it('mid-semester: 8 × 93 / 153 = 4.86 → 5; 16 → 9.7 → 10; 20 → 12.2 → 13', () => {
    expect(expectedByToday(8, on('2026-12-02'))).toBe(5);
    expect(expectedByToday(16, on('2026-12-02'))).toBe(10);
    expect(expectedByToday(20, on('2026-12-02'))).toBe(13);
  });

  it('an exact multiple is not rounded past itself: 153 × 51 / 153 = 51', () => {
    expect(expectedByToday(153, on('2026-10-21'))).toBe(51);
  });

  it('on the last day and after the end the whole quota is due', () => {
    expect(expectedByToday(8, on('2027-01-31'))).toBe(8);
    expect(expectedByToday(8, on('2027-03-15'))).toBe(8);
  });

  it('before the semester starts nothing is due', () => {
    expect(expectedByToday(8, on('2026-08-20'))).toBe(0);
  });
});

describe('supervisors: lessons a week', () => {
  const on = (day: string) => semesterProgress('2026-autumn', SEMESTERS, day);

  it('the semester asks for one a week begun: 22 in 153 days', () => {
    expect(supervisorQuota(1, on('2026-09-01'))).toEqual({ required: 22, expected: 1 });
    expect(supervisorQuota(1, on('2026-09-07'))).toEqual({ required: 22, expected: 1 });
    expect(supervisorQuota(1, on('2026-09-08'))).toEqual({ required: 22, expected: 2 });
    expect(supervisorQuota(2, on('2026-12-02'))).toEqual({ required: 44, expected: 28 });
    expect(supervisorQuota(1, on('2027-01-31'))).toEqual({ required: 22, expected: 22 });
  });

  it('an inspector is held to the weekly quota whatever quota role they carry; none when the tenant sets 0', () => {
    const p = on('2026-12-02');
    expect(quotaFor({ role: 'inspector', quotaRole: 'group_head' }, QUOTAS, '督导员', p)).toMatchObject({
      key: 'supervisor',
      required: 22,
      expected: 14,
    });
    expect(
      quotaFor({ role: 'inspector', quotaRole: null }, { ...QUOTAS, supervisorPerWeek: 0 }, '督导员', p),
    ).toBe(null);
  });

  it('anyone else by their quota role; none without one or with a key the tenant no longer has', () => {
    const p = on('2026-12-02');
    expect(quotaFor({ role: 'teacher', quotaRole: 'group_head' }, QUOTAS, '督导员', p)).toMatchObject({
      key: 'group_head',
      label: '教研组长',
      required: 16,
      expected: 10,
    });
    expect(quotaFor({ role: 'teacher', quotaRole: null }, QUOTAS, '督导员', p)).toBe(null);
    expect(quotaFor({ role: 'teacher', quotaRole: 'removed' }, QUOTAS, '督导员', p)).toBe(null);
  });
});

describe('status', () => {
  it('done at the quota, on track at the expected count, behind below it', () => {
    expect(statusOf(8, 8, 5)).toBe('done');
    expect(statusOf(9, 8, 8)).toBe('done');
    expect(statusOf(5, 8, 5)).toBe('on_track');
    expect(statusOf(4, 8, 5)).toBe('behind');
    expect(statusOf(0, 0, 0)).toBe('done');
  });
});
