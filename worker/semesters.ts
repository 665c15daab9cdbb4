import type { TenantConfig } from '../tenants/config/schema';
import { lastDayOfMonth } from './dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM of a month, `offset` months after (or before) year-month. */
export function monthKey(year: number, month: number, offset = 0): string {
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export interface Semester {
  kind: 'autumn' | 'spring';
  /** The school year's first calendar year: 2025 for 2025–2026. */
  schoolYear: number;
  /** First and last day of the semester, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Months in the semester (autumn Sep–Jan: 5, spring Feb–Jul: 6). */
  length: number;
  /** Months of it up to and including the asked month (a summer month counts the whole spring). */
  elapsed: number;
  /** The asked month is the summer holiday between spring and autumn (August). */
  holiday: boolean;
}

/**
 * The semester a month belongs to, in the Chinese school year: autumn from `autumnStartMonth` (9)
 * to the month before `springStartMonth` (January), spring from `springStartMonth` (2) to two
 * months before autumn starts (July); the month left (August, the summer holiday) shows the
 * spring semester that just ended.
 */
export function semesterOf(year: number, month: number, semesters: TenantConfig['semesters']): Semester {
  const autumn = semesters.autumnStartMonth;
  const spring = semesters.springStartMonth;
  const autumnLength = (spring - autumn + 12) % 12 || 6;
  const springLength = Math.max(1, (autumn - 1 - spring + 12) % 12);
  const sinceAutumn = (month - autumn + 12) % 12;
  if (sinceAutumn < autumnLength) {
    const startYear = month >= autumn ? year : year - 1;
    return {
      kind: 'autumn',
      schoolYear: startYear,
      ...span(startYear, autumn, autumnLength),
      length: autumnLength,
      elapsed: sinceAutumn + 1,
      holiday: false,
    };
  }
  const sinceSpring = (month - spring + 12) % 12;
  const startYear = month >= spring ? year : year - 1;
  return {
    kind: 'spring',
    schoolYear: startYear - 1,
    ...span(startYear, spring, springLength),
    length: springLength,
    elapsed: Math.min(sinceSpring + 1, springLength),
    holiday: sinceSpring >= springLength,
  };
}

function span(startYear: number, startMonth: number, length: number) {
  const last = monthKey(startYear, startMonth, length - 1);
  return {
    from: `${monthKey(startYear, startMonth)}-01`,
    to: lastDayOfMonth(Number(last.slice(0, 4)), Number(last.slice(5, 7))),
  };
}

/** A semester's key as records store it: `2026-autumn` (Sep 2026–Jan 2027), `2027-spring` (Feb–Jul 2027). */
export const SEMESTER_KEY = /^\d{4}-(autumn|spring)$/;

/**
 * The key of the semester a day (YYYY-MM-DD) falls in, named by the calendar year the semester
 * starts in (so the spring after the 2026 autumn is `2027-spring`, as offices say 2027年春季学期),
 * or null for a day of the summer holiday, which belongs to no semester.
 */
export function semesterKeyOf(day: string, semesters: TenantConfig['semesters']): string | null {
  const semester = semesterOf(Number(day.slice(0, 4)), Number(day.slice(5, 7)), semesters);
  if (semester.holiday) return null;
  return `${semester.from.slice(0, 4)}-${semester.kind}`;
}

/** 2026-autumn → 2026年秋季学期, for messages and pages. */
export function semesterLabel(key: string): string {
  const [year, kind] = key.split('-');
  return `${year}年${kind === 'autumn' ? '秋季' : '春季'}学期`;
}

/**
 * The semester a teaching record made today belongs to: today's, or in the summer holiday the
 * autumn semester about to start (offices flag new teachers and plan checks in August for it).
 */
export function currentSemesterKey(today: string, semesters: TenantConfig['semesters']): string {
  return semesterKeyOf(today, semesters) ?? `${today.slice(0, 4)}-autumn`;
}

/**
 * The semester a report of today covers (observation quotas): today's, or in the summer holiday
 * the spring semester that just ended, whose tally is what the office still reads in August.
 */
export function reportingSemesterKey(today: string, semesters: TenantConfig['semesters']): string {
  const s = semesterOf(Number(today.slice(0, 4)), Number(today.slice(5, 7)), semesters);
  return `${s.from.slice(0, 4)}-${s.kind}`;
}

/** First and last day (YYYY-MM-DD) of a semester key such as `2026-autumn`. */
export function semesterSpan(
  key: string,
  semesters: TenantConfig['semesters'],
): { from: string; to: string } {
  const [year, kind] = key.split('-');
  const month = kind === 'autumn' ? semesters.autumnStartMonth : semesters.springStartMonth;
  const semester = semesterOf(Number(year), month, semesters);
  return { from: semester.from, to: semester.to };
}
