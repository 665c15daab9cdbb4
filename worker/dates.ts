/**
 * Calendar days as the offices count them: deadlines, visit days and overdue checks use the
 * Beijing date (UTC+8, no daylight saving), whatever the server's clock zone is.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of `now` in Beijing. */
export function beijingDate(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `days` after (or before, when negative) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The last day of a month (1–12) of a year. */
export function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The UTC instant (ISO text, as timestamps are stored) of an hour of a Beijing day. */
export function beijingTimeUtc(day: string, hour = 0): string {
  return new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)).toISOString();
}

/** The UTC instant a Beijing day starts. */
export function beijingDayStartUtc(day: string): string {
  return beijingTimeUtc(day, 0);
}
