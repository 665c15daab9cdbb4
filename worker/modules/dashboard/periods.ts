import type { TenantConfig } from '../../../tenants/config/schema';
import { lastDayOfMonth } from '../../dates';

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

/** The UTC instant a Beijing day starts, as the ISO text timestamps are stored in. */
export function beijingDayStartUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}
