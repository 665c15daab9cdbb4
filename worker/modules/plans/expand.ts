import type { PlanKind } from '../../../db/schema/tenant';
import { lastDayOfMonth } from '../../dates';

/** A plan's period: first and last day, YYYY-MM-DD, start ≤ end. */
export interface PlanPeriod {
  startsOn: string;
  endsOn: string;
}

/** One visit a plan expects: a unit, from `startsOn` to `dueOn`. */
export interface PlanItemDraft {
  unitId: string;
  startsOn: string;
  dueOn: string;
}

/** A plan may expect at most this many visits; a bigger one is a mistake (or two plans). */
export const MAX_PLAN_ITEMS = 5000;

/** A campaign names at most this many units. */
export const MAX_CAMPAIGN_UNITS = 500;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar months a period touches, each cut to the period: 2026-03-15…2026-05-10 gives
 * 03-15…03-31, 04-01…04-30, 05-01…05-10.
 */
export function monthWindows(period: PlanPeriod): { startsOn: string; dueOn: string }[] {
  const windows: { startsOn: string; dueOn: string }[] = [];
  let year = Number(period.startsOn.slice(0, 4));
  let month = Number(period.startsOn.slice(5, 7));
  for (;;) {
    const first = `${year}-${pad(month)}-01`;
    if (first > period.endsOn) break;
    const last = lastDayOfMonth(year, month);
    windows.push({
      startsOn: first > period.startsOn ? first : period.startsOn,
      dueOn: last < period.endsOn ? last : period.endsOn,
    });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return windows;
}

/** How many items a plan of this kind over `unitCount` units would have, without making them. */
export function planItemCount(kind: PlanKind, period: PlanPeriod, unitCount: number): number {
  return kind === 'zone_monthly' ? unitCount * monthWindows(period).length : unitCount;
}

/**
 * The visits a plan expects. `zone_monthly`: every unit of the zone once in each month of the period
 * (the first and last month cut to the period); `semester_all` and `campaign`: every unit once over
 * the whole period. Units are taken as given (the caller picks the active ones, without repeats).
 */
export function expandPlan(kind: PlanKind, period: PlanPeriod, unitIds: readonly string[]): PlanItemDraft[] {
  if (kind !== 'zone_monthly') {
    return unitIds.map((unitId) => ({ unitId, startsOn: period.startsOn, dueOn: period.endsOn }));
  }
  const items: PlanItemDraft[] = [];
  for (const window of monthWindows(period)) {
    for (const unitId of unitIds) items.push({ unitId, ...window });
  }
  return items;
}

/**
 * The last day a plan starting on `startsOn` may end: a year less a day later (2026-09-01 →
 * 2027-08-31; a start on 29 February ends by 28 February).
 */
export function latestEndFor(startsOn: string): string {
  const year = Number(startsOn.slice(0, 4)) + 1;
  const month = Number(startsOn.slice(5, 7));
  const day = Number(startsOn.slice(8, 10));
  const date = new Date(Date.UTC(year, month - 1, day) - 24 * 60 * 60 * 1000);
  // 29 February + 1 year rolls over to 1 March; the day before is 28 February, as wanted.
  return date.toISOString().slice(0, 10);
}
