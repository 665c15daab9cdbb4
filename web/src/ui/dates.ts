// Calendar days as the office counts them (Beijing, UTC+8), whatever zone the phone is set to.
// The same rule as worker/dates.ts, repeated here so no server code ships to the browser.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's YYYY-MM-DD in Beijing. */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
