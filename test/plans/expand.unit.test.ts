import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  expandPlan,
  latestEndFor,
  MAX_PLAN_ITEMS,
  monthWindows,
  planItemCount,
} from '../../worker/modules/plans/expand';
import { CalendarQuery, CreatePlanInput, SaveThemesInput } from '../../worker/modules/plans/schemas';

describe('monthWindows', () => {
  it('cuts the first and last month to the period', () => {
    expect(monthWindows({ startsOn: '2026-03-15', endsOn: '2026-05-10' })).toEqual([
      { startsOn: '2026-03-15', dueOn: '2026-03-31' },
      { startsOn: '2026-04-01', dueOn: '2026-04-30' },
      { startsOn: '2026-05-01', dueOn: '2026-05-10' },
    ]);
  });

  it('a period inside one month is one window, the period itself', () => {
    expect(monthWindows({ startsOn: '2026-06-03', endsOn: '2026-06-20' })).toEqual([
      { startsOn: '2026-06-03', dueOn: '2026-06-20' },
    ]);
    expect(monthWindows({ startsOn: '2026-06-30', endsOn: '2026-06-30' })).toEqual([
      { startsOn: '2026-06-30', dueOn: '2026-06-30' },
    ]);
  });

  it('crosses the year and knows February of leap and common years', () => {
    expect(monthWindows({ startsOn: '2027-12-01', endsOn: '2028-03-31' })).toEqual([
      { startsOn: '2027-12-01', dueOn: '2027-12-31' },
      { startsOn: '2028-01-01', dueOn: '2028-01-31' },
      { startsOn: '2028-02-01', dueOn: '2028-02-29' },
      { startsOn: '2028-03-01', dueOn: '2028-03-31' },
    ]);
    expect(monthWindows({ startsOn: '2026-02-01', endsOn: '2026-02-28' })[0]?.dueOn).toBe('2026-02-28');
  });

  it('a full autumn semester has 5 months, a year less a day from the 15th has 13', () => {
    expect(monthWindows({ startsOn: '2026-09-01', endsOn: '2027-01-31' })).toHaveLength(5);
    const windows = monthWindows({ startsOn: '2026-01-15', endsOn: latestEndFor('2026-01-15') });
    expect(windows).toHaveLength(13);
    expect(windows[0]).toEqual({ startsOn: '2026-01-15', dueOn: '2026-01-31' });
    expect(windows[12]).toEqual({ startsOn: '2027-01-01', dueOn: '2027-01-14' });
  });
});

describe('expandPlan', () => {
  const units = ['u1', 'u2', 'u3'];

  it('zone_monthly: every unit in every month of the period', () => {
    const items = expandPlan('zone_monthly', { startsOn: '2026-03-10', endsOn: '2026-05-20' }, units);
    expect(items).toHaveLength(9);
    expect(items.filter((i) => i.unitId === 'u2')).toEqual([
      { unitId: 'u2', startsOn: '2026-03-10', dueOn: '2026-03-31' },
      { unitId: 'u2', startsOn: '2026-04-01', dueOn: '2026-04-30' },
      { unitId: 'u2', startsOn: '2026-05-01', dueOn: '2026-05-20' },
    ]);
    // No window repeats for a unit, and each lies inside one calendar month.
    const keys = new Set(items.map((i) => `${i.unitId}:${i.dueOn}`));
    expect(keys.size).toBe(items.length);
    for (const i of items) expect(i.startsOn.slice(0, 7)).toBe(i.dueOn.slice(0, 7));
  });

  it('semester_all and campaign: every unit once over the whole period', () => {
    for (const kind of ['semester_all', 'campaign'] as const) {
      expect(expandPlan(kind, { startsOn: '2026-09-01', endsOn: '2027-01-20' }, units)).toEqual(
        units.map((unitId) => ({ unitId, startsOn: '2026-09-01', dueOn: '2027-01-20' })),
      );
    }
  });

  it('no units, no items', () => {
    expect(expandPlan('zone_monthly', { startsOn: '2026-01-01', endsOn: '2026-12-31' }, [])).toEqual([]);
    expect(expandPlan('campaign', { startsOn: '2026-01-01', endsOn: '2026-01-31' }, [])).toEqual([]);
  });

  it('planItemCount matches the expansion without making it', () => {
    const period = { startsOn: '2026-02-14', endsOn: '2026-11-02' };
    for (const kind of ['zone_monthly', 'semester_all', 'campaign'] as const) {
      expect(planItemCount(kind, period, units.length)).toBe(expandPlan(kind, period, units).length);
    }
    // A county's 200 units monthly for 13 months would pass the ceiling only through a mistake.
    expect(
      planItemCount('zone_monthly', { startsOn: '2026-01-15', endsOn: '2027-01-14' }, 400),
    ).toBeGreaterThan(MAX_PLAN_ITEMS);
  });
});

describe('latestEndFor', () => {
  it('is a year less a day', () => {
    expect(latestEndFor('2026-09-01')).toBe('2027-08-31');
    expect(latestEndFor('2026-01-01')).toBe('2026-12-31');
    expect(latestEndFor('2028-02-29')).toBe('2029-02-28');
    expect(latestEndFor('2027-03-01')).toBe('2028-02-29');
  });
});

describe('CreatePlanInput', () => {
  const valid = {
    kind: 'semester_all',
    name: '秋季学期全覆盖督导',
    visitKind: 'routine',
    startsOn: '2026-09-01',
    endsOn: '2027-01-20',
  };
  const issues = (input: unknown) => {
    const r = v.safeParse(CreatePlanInput, input);
    return r.success ? [] : r.issues.map((i) => ({ path: v.getDotPath(i), message: i.message }));
  };

  it('accepts a plain plan and turns blank ids into null', () => {
    const r = v.parse(CreatePlanInput, { ...valid, templateId: '', zoneId: ' ' });
    expect(r.templateId).toBeNull();
    expect(r.zoneId).toBeNull();
  });

  it('refuses an end before the start, on endsOn', () => {
    expect(issues({ ...valid, endsOn: '2026-08-31' })).toEqual([
      { path: 'endsOn', message: '结束日期不能早于开始日期' },
    ]);
  });

  it('refuses a period longer than a year, and dates that do not exist', () => {
    expect(issues({ ...valid, endsOn: '2027-09-01' })[0]?.path).toBe('endsOn');
    expect(issues({ ...valid, endsOn: '2027-08-31' })).toEqual([]);
    expect(issues({ ...valid, startsOn: '2026-02-30' })[0]).toMatchObject({ path: 'startsOn' });
    expect(issues({ ...valid, startsOn: '1999-12-31', endsOn: '2000-01-31' })[0]).toMatchObject({
      path: 'startsOn',
    });
  });

  it('refuses an unknown kind or visit kind, repeated or malformed units, too many units', () => {
    expect(issues({ ...valid, kind: 'weekly' })[0]?.path).toBe('kind');
    expect(issues({ ...valid, visitKind: 'party' })[0]?.path).toBe('visitKind');
    const id = '11111111-2222-4333-8444-555555555555';
    expect(issues({ ...valid, kind: 'campaign', unitIds: [id, id] })[0]?.path).toBe('unitIds');
    expect(issues({ ...valid, kind: 'campaign', unitIds: ['x'] })[0]?.path).toBe('unitIds.0');
    const many = Array.from(
      { length: 501 },
      (_, i) => `11111111-2222-4333-8444-${String(i).padStart(12, '0')}`,
    );
    expect(issues({ ...valid, kind: 'campaign', unitIds: many })[0]?.path).toBe('unitIds');
  });
});

describe('SaveThemesInput and CalendarQuery', () => {
  it('takes 0–12 unique months with themes of up to 60 characters (blank: none)', () => {
    expect(v.safeParse(SaveThemesInput, { year: 2026, themes: [] }).success).toBe(true);
    expect(
      v.safeParse(SaveThemesInput, {
        year: 2026,
        themes: [
          { month: 1, theme: ' 校园安全 ' },
          { month: 2, theme: '' },
        ],
      }).output,
    ).toEqual({
      year: 2026,
      themes: [
        { month: 1, theme: '校园安全' },
        { month: 2, theme: '' },
      ],
    });
    const bad = [
      { year: 1999, themes: [] },
      { year: 2026.5, themes: [] },
      { year: 2026, themes: [{ month: 13, theme: 'x' }] },
      { year: 2026, themes: [{ month: 0, theme: 'x' }] },
      {
        year: 2026,
        themes: [
          { month: 3, theme: 'a' },
          { month: 3, theme: 'b' },
        ],
      },
      { year: 2026, themes: [{ month: 3, theme: '字'.repeat(61) }] },
    ];
    for (const input of bad)
      expect(v.safeParse(SaveThemesInput, input).success, JSON.stringify(input)).toBe(false);
  });

  it('reads ?year and ?month', () => {
    expect(v.parse(CalendarQuery, { year: '2026', month: '3' })).toEqual({
      year: 2026,
      month: 3,
      module: '',
    });
    expect(v.safeParse(CalendarQuery, { year: '26' }).success).toBe(false);
    expect(v.safeParse(CalendarQuery, { year: '2026', month: '13' }).success).toBe(false);
    expect(v.safeParse(CalendarQuery, { year: '2101' }).success).toBe(false);
  });
});
