import { describe, expect, it } from 'vitest';
import { demoTenant } from '../../tenants/demo';
import { demoTargetRows } from '../../tenants/demo/development-targets';
import { BUILTIN_SCHEMES } from '../../tenants/evaluation/builtin';
import { walkIndicators } from '../../tenants/evaluation/scheme';
import { summarize } from '../../worker/modules/targets/for-unit';

describe('target summary', () => {
  it('counts each status and the total', () => {
    const rows = ['met', 'met', 'partly', 'missed', 'planned', 'met'].map((status) => ({
      status: status as 'met' | 'partly' | 'missed' | 'planned',
    }));
    expect(summarize(rows)).toEqual({ total: 6, met: 3, partly: 1, missed: 1, planned: 1 });
    expect(summarize([])).toEqual({ total: 0, met: 0, partly: 0, missed: 0, planned: 0 });
  });
});

describe('demo county targets', () => {
  const county = demoTenant('demo-county');
  if (!county) throw new Error('no demo county');
  const ids = new Map(county.units.map((u) => [u.key, `id-${u.key}`]));

  it('gives two schools their targets for the year, the same on every start', () => {
    const a = demoTargetRows(county, ids, 2026, 'u', 'T');
    const b = demoTargetRows(county, ids, 2026, 'u', 'T');
    const strip = (rows: typeof a) => rows.map(({ id: _id, ...r }) => r);
    expect(strip(a)).toEqual(strip(b));
    expect(new Set(a.map((r) => r.unitId))).toEqual(new Set(['id-sch_cg_junior', 'id-sch_cg_primary_1']));
    expect(a.every((r) => r.schoolYear === 2026)).toBe(true);
    expect(summarize(a)).toEqual({ total: 5, met: 2, partly: 1, missed: 0, planned: 2 });
  });

  it('names only first-level or leaf indicators of the shipped developmental scheme', () => {
    const scheme = BUILTIN_SCHEMES.find((s) => s.kind === 'developmental');
    if (!scheme) throw new Error('no developmental scheme');
    const allowed = new Set(
      [...walkIndicators(scheme.body.indicators)]
        .filter((w) => w.level === 1 || !w.indicator.children?.length)
        .map((w) => w.indicator.key),
    );
    for (const row of demoTargetRows(county, ids, 2026, 'u')) {
      if (row.indicatorKey) expect(allowed.has(row.indicatorKey), row.indicatorKey).toBe(true);
    }
  });

  it('gives the district none (its schools have no plan targets in the demo)', () => {
    const district = demoTenant('demo-district');
    if (!district) throw new Error('no demo district');
    const districtIds = new Map(district.units.map((u) => [u.key, u.key]));
    expect(demoTargetRows(district, districtIds, 2026, 'u')).toEqual([]);
  });
});
