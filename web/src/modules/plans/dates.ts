import { beijingToday } from '../../ui/dates';

export { beijingToday };

// Calendar days as the office counts them (Beijing, UTC+8), whatever zone the phone is set to.

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of the month `offset` months after the month of `day`. */
export function monthOf(day: string, offset = 0): { first: string; last: string } {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${year}-${pad(month)}-01`, last: `${year}-${pad(month)}-${pad(last)}` };
}

/**
 * The school term around `day`: 1 September to 31 January, or 1 February (from `day` in spring)
 * to 31 July. It starts no earlier than `day`, since a plan is for what is still to come.
 */
export function termOf(day: string): { first: string; last: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 8) return { first: later(day, `${year}-09-01`), last: `${year + 1}-01-31` };
  if (month === 1) return { first: day, last: `${year}-01-31` };
  return { first: later(day, `${year}-02-01`), last: `${year}-07-31` };
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}
