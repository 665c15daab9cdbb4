import { describe, expect, it } from 'vitest';
import { priorityWarnings } from '../../worker/modules/priority-teachers/warnings';

const flag = (fields: Partial<Parameters<typeof priorityWarnings>[0]> = {}) => ({
  clearedAt: null,
  courseEndsOn: null,
  flaggedOn: '2026-10-10',
  ...fields,
});
const none = { count: 0, lastObservedOn: null };

describe('priority-teacher warnings', () => {
  it('warns not_observed until the teacher is observed this semester', () => {
    expect(priorityWarnings(flag(), none, '2026-11-02')).toEqual(['not_observed']);
    expect(priorityWarnings(flag(), { count: 1, lastObservedOn: '2026-09-20' }, '2026-11-02')).toEqual([]);
  });

  it('warns course_ending from 14 days before the course ends to its last day, not after', () => {
    const ends = flag({ courseEndsOn: '2026-12-20' });
    expect(priorityWarnings(ends, none, '2026-12-05')).toEqual(['not_observed']); // 15 days before
    expect(priorityWarnings(ends, none, '2026-12-06')).toEqual(['not_observed', 'course_ending']); // 14 days
    expect(priorityWarnings(ends, none, '2026-12-20')).toEqual(['not_observed', 'course_ending']); // the last day
    expect(priorityWarnings(ends, none, '2026-12-21')).toEqual(['not_observed']); // over
  });

  it('course_ending counts only lessons observed since the flag, not earlier ones', () => {
    const ends = flag({ courseEndsOn: '2026-12-20', flaggedOn: '2026-11-15' });
    const before = { count: 2, lastObservedOn: '2026-11-14' };
    expect(priorityWarnings(ends, before, '2026-12-10')).toEqual(['course_ending']);
    const sameDay = { count: 3, lastObservedOn: '2026-11-15' };
    expect(priorityWarnings(ends, sameDay, '2026-12-10')).toEqual([]);
  });

  it('a cleared flag warns of nothing', () => {
    const cleared = flag({ clearedAt: '2026-11-01T02:00:00.000Z', courseEndsOn: '2026-11-10' });
    expect(priorityWarnings(cleared, none, '2026-11-05')).toEqual([]);
  });
});
