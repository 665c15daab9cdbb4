import { beijingToday } from '../../ui/dates';

export { beijingToday };

// Calendar days as the office counts them (Beijing, UTC+8), whatever zone the phone is set to.
// The same rules as worker/dates.ts, repeated here so no server code ships to the browser.
const DAY_MS = 24 * 60 * 60 * 1000;

/** The day `days` after a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** YYYY-MM-DD of an ISO timestamp, in Beijing. */
export function beijingDateOf(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso.slice(0, 10) : beijingToday(new Date(ms));
}
