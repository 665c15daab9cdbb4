// The school-year arithmetic is shared with other modules (observations count by semester).
export { monthKey, type Semester, semesterOf } from '../../semesters';

/** The UTC instant a Beijing day starts, as the ISO text timestamps are stored in. */
export function beijingDayStartUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}
