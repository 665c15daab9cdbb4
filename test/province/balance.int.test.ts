import { beforeAll, describe, expect, it } from 'vitest';
import { ensurePlatformAccount } from '../../tenants/platform-accounts';
import { schoolUnitsFor } from '../balance/fixtures';
import { api, databases, expectErrorShape, signIn, signInPlatform, stack } from '../support/api';

const T = 'test-county';
// A school year of its own: other suites write their own years into this tenant.
const YEAR = 2011;

interface CountyRow {
  slug: string;
  reachable: boolean;
  year: number | null;
  years: number[];
  stages: {
    stage: string;
    schools: number;
    pass: boolean | null;
    indicators: { key: string; cv: number | null; pass: boolean | null; missing: number }[];
  }[];
}

const figures = (enrolment: number, scale: number) => ({
  enrolment,
  resources: {
    qualified_teachers: Math.round(0.06 * enrolment * scale),
    backbone_teachers: Math.round(0.015 * enrolment * scale),
    pe_art_teachers: Math.round(0.012 * enrolment * scale),
    teaching_area: Math.round(6 * enrolment * scale),
    sports_area: Math.round(9 * enrolment * scale),
    equipment_value: Math.round(3000 * enrolment * scale),
    multimedia_rooms: Math.round(0.03 * enrolment * scale),
  },
});

let schools: Awaited<ReturnType<typeof schoolUnitsFor>> = {};

beforeAll(async () => {
  schools = await schoolUnitsFor(T, '省级比较', [
    { key: 'p1', kind: 'primary' },
    { key: 'p2', kind: 'primary' },
    { key: 'j1', kind: 'junior' },
    { key: 'j2', kind: 'junior' },
  ]);
  const admin = await signIn(T, 'role_admin');
  const plan: [string, number, number][] = [
    ['p1', 600, 1],
    ['p2', 300, 0.4],
    ['j1', 800, 1.1],
    ['j2', 500, 0.9],
  ];
  for (const [key, enrolment, scale] of plan) {
    const res = await api(`/api/t/${T}/balance/years/${YEAR}/schools/${schools[key]?.id}`, {
      method: 'PUT',
      cookie: admin,
      body: figures(enrolment, scale),
    });
    expect(res.status).toBe(200);
  }
});

describe('GET /api/province/balance', () => {
  it("gives each county's seven coefficients as the county itself computes them, and no school", async () => {
    const res = await api(`/api/province/balance?year=${YEAR}`, { cookie: await signInPlatform('province') });
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(YEAR);
    const county = res.body.counties.find((c: CountyRow) => c.slug === T) as CountyRow;
    expect(county).toMatchObject({ reachable: true, year: YEAR });
    expect(county.years).toContain(YEAR);
    // Colleges have no compulsory schools and are not compared.
    expect(res.body.counties.map((c: CountyRow) => c.slug)).not.toContain('test-college');

    const own = await api(`/api/t/${T}/balance/years/${YEAR}/coefficients`, {
      cookie: await signIn(T, 'role_viewer'),
    });
    expect(own.status).toBe(200);
    for (const stage of own.body.stages) {
      const seen = county.stages.find((s) => s.stage === stage.stage);
      expect(seen?.schools).toBe(stage.schools);
      expect(seen?.pass).toBe(stage.pass);
      for (const indicator of stage.indicators) {
        const mine = seen?.indicators.find((i) => i.key === indicator.key);
        expect(mine?.cv).toBe(indicator.cv);
        expect(mine?.pass).toBe(indicator.pass);
      }
    }
    // The primary stage has two schools, one at 0.4 of the other's resources: a real coefficient.
    const primary = county.stages.find((s) => s.stage === 'primary');
    expect(primary?.indicators.every((i) => typeof i.cv === 'number' && i.cv > 0)).toBe(true);
    const text = JSON.stringify(res.body);
    for (const school of Object.values(schools)) expect(text).not.toContain(school.name);
    expect(text).not.toMatch(/unitId|headName/);
  });

  it("without a year gives each county's latest, and refuses a malformed year in Chinese", async () => {
    const cookie = await signInPlatform('province');
    const latest = await api('/api/province/balance', { cookie });
    expect(latest.status).toBe(200);
    const county = latest.body.counties.find((c: CountyRow) => c.slug === T) as CountyRow;
    expect(county.year).toBe(Math.max(...county.years));
    expect(latest.body.years).toEqual([...latest.body.years].sort((a: number, b: number) => b - a));

    const bad = await api('/api/province/balance?year=20x1', { cookie });
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    expect(bad.body.error.message).toMatch(/学年/);
    const none = await api('/api/province/balance?year=2000', { cookie });
    expect(none.status).toBe(200);
    expect(none.body.counties.find((c: CountyRow) => c.slug === T)).toMatchObject({
      year: null,
      stages: null,
    });
  });

  it('is not for tenant accounts, and a provincial account of another province does not see the county', async () => {
    const tenantCookie = await signIn(T, 'role_admin');
    const asTenant = await api('/api/province/balance', { cookie: tenantCookie });
    expect(asTenant.status).toBe(401);
    await ensurePlatformAccount(
      databases().control(),
      {
        username: 'jiangsu-balance',
        displayName: '江苏省教育督导室',
        role: 'province',
        regionPrefix: '32',
        password: stack.password,
      },
      { actorId: null, actorName: 'test', requestId: 'test' },
    );
    const other = await api('/api/province/balance', { cookie: await signInPlatform('jiangsu-balance') });
    expect(other.status).toBe(200);
    expect(other.body.counties.map((c: CountyRow) => c.slug)).not.toContain(T);
  });
});
