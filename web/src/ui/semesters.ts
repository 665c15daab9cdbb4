/** Semester keys as the API names them (`2026-autumn`, `2027-spring`), for the pages' semester choice. */

/** The semester before `key`: 2026-autumn → 2026-spring → 2025-autumn. */
export function previousSemester(key: string): string {
  const [year, kind] = key.split('-');
  return kind === 'autumn' ? `${year}-spring` : `${Number(year) - 1}-autumn`;
}

/** 2026-autumn → 2026年秋季学期. */
export function semesterLabel(key: string): string {
  const [year, kind] = key.split('-');
  return `${year}年${kind === 'autumn' ? '秋季' : '春季'}学期`;
}

/** `current` and the `count - 1` semesters before it, newest first, as select options. */
export function semesterOptions(current: string, count = 4) {
  const keys = [current];
  while (keys.length < count) keys.push(previousSemester(keys[keys.length - 1] as string));
  return keys.map((value) => ({ value, label: semesterLabel(value) }));
}

/**
 * Today's semester key in Beijing, as the API defaults to (worker/semesters.ts currentSemesterKey):
 * autumn from `autumnStartMonth`, spring from `springStartMonth`, and in the summer holiday the
 * autumn about to start.
 */
export function currentSemester(
  semesters: { autumnStartMonth: number; springStartMonth: number },
  now = new Date(),
): string {
  const beijing = new Date(now.getTime() + 8 * 3600 * 1000);
  const y = beijing.getUTCFullYear();
  const m = beijing.getUTCMonth() + 1;
  const autumn = semesters.autumnStartMonth;
  const spring = semesters.springStartMonth;
  const autumnLength = (spring - autumn + 12) % 12 || 6;
  if ((m - autumn + 12) % 12 < autumnLength) return `${m >= autumn ? y : y - 1}-autumn`;
  const springLength = Math.max(1, (autumn - 1 - spring + 12) % 12);
  if ((m - spring + 12) % 12 < springLength) return `${m >= spring ? y : y - 1}-spring`;
  return `${y}-autumn`;
}

/**
 * The semester a report of today covers (the compliance page, as the server counts it): like
 * `currentSemester`, except that the summer holiday shows the spring that just ended.
 */
export function reportingSemester(
  semesters: { autumnStartMonth: number; springStartMonth: number },
  now = new Date(),
): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  const year = beijing.getUTCFullYear();
  const month = beijing.getUTCMonth() + 1;
  const { autumnStartMonth: autumn, springStartMonth: spring } = semesters;
  if (month >= autumn) return `${year}-autumn`;
  if (month < spring) return `${year - 1}-autumn`;
  return `${year}-spring`;
}

/**
 * Whether a month is the summer holiday, which belongs to no semester (worker/semesters.ts
 * `semesterOf`): the months after spring ends and before autumn starts (August by default).
 */
export function isHolidayMonth(
  semesters: { autumnStartMonth: number; springStartMonth: number },
  month: number,
): boolean {
  const { autumnStartMonth: autumn, springStartMonth: spring } = semesters;
  const autumnLength = (spring - autumn + 12) % 12 || 6;
  if ((month - autumn + 12) % 12 < autumnLength) return false;
  const springLength = Math.max(1, (autumn - 1 - spring + 12) % 12);
  return (month - spring + 12) % 12 >= springLength;
}

/**
 * The latest day up to `today` (YYYY-MM-DD) that lies in a semester: today, or in the summer
 * holiday the last day of the spring semester, which records dated in a semester can take.
 */
export function lastTeachingDay(
  semesters: { autumnStartMonth: number; springStartMonth: number },
  today: string,
): string {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  if (!isHolidayMonth(semesters, month)) return today;
  for (let i = 0; i < 12 && isHolidayMonth(semesters, month); i++) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}
