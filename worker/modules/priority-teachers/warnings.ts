import { addDays } from '../../dates';

/** How many days before a flagged teacher's course ends the office is warned. */
export const COURSE_ENDING_DAYS = 14;

export type PriorityWarning = 'not_observed' | 'course_ending';

export interface FlagState {
  clearedAt: string | null;
  /** YYYY-MM-DD or null. */
  courseEndsOn: string | null;
  /** The Beijing day the teacher was flagged. */
  flaggedOn: string;
}

export interface ObservedStats {
  /** Observations of the teacher in the flag's semester. */
  count: number;
  /** The latest lesson observed in that semester, YYYY-MM-DD. */
  lastObservedOn: string | null;
}

/**
 * The warnings of an active flag on `today` (a Beijing day): `not_observed` while nobody has
 * observed the teacher this semester; `course_ending` when the course ends within
 * COURSE_ENDING_DAYS (today included) and no lesson was observed since the flag was set. A
 * cleared flag warns of nothing.
 */
export function priorityWarnings(flag: FlagState, stats: ObservedStats, today: string): PriorityWarning[] {
  if (flag.clearedAt) return [];
  const warnings: PriorityWarning[] = [];
  if (stats.count === 0) warnings.push('not_observed');
  const ends = flag.courseEndsOn;
  const observedSinceFlag = stats.lastObservedOn !== null && stats.lastObservedOn >= flag.flaggedOn;
  if (ends && ends >= today && ends <= addDays(today, COURSE_ENDING_DAYS) && !observedSinceFlag) {
    warnings.push('course_ending');
  }
  return warnings;
}
