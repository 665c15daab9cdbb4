import { describe, expect, it } from 'vitest';
import { demoTenant } from '../../tenants/demo';
import { demoJuniorCoefficients } from '../../tenants/demo/balance-figures';

describe('the demo county’s two school years', () => {
  const demo = demoTenant('demo-county');
  if (!demo) throw new Error('no demo county');
  const [older, newer] = demoJuniorCoefficients(demo, 2026);

  it('fails one 初中 indicator in the older year, pulled over by its largest 初中', () => {
    const junior = older?.result.junior;
    const failing = Object.values(junior?.indicators ?? {}).filter((i) => !i.pass);
    expect(failing.map((i) => i.key)).toEqual(['sports_area']);
    expect(failing[0]?.cv3).toBeGreaterThan(0.45);
    expect(older?.result.primary.schools).toBeGreaterThan(3);
    expect(Object.values(older?.result.primary.indicators ?? {}).every((i) => i.pass)).toBe(true);
  });

  it('passes every coefficient of both stages the year after', () => {
    for (const stage of ['primary', 'junior'] as const) {
      const r = newer?.result[stage];
      expect(r?.schools).toBeGreaterThan(2);
      for (const i of Object.values(r?.indicators ?? {}))
        expect(i.pass, `${stage} ${i.key} ${i.cv3}`).toBe(true);
    }
  });
});
