import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchCounty } from '../../bench/balance-county';
import { balanceFigures, units } from '../../db/schema/tenant';
import { countyCoefficients, type SchoolKind } from '../../worker/modules/balance/coefficients';
import { BALANCE_INDICATORS, STAGES } from '../../worker/modules/balance/indicators';
import { stagePass } from '../../worker/modules/balance/year-coefficients';
import { api, signIn, tenantDbOf } from '../support/api';

const T = 'test-county';
/** Years nobody else writes: the list must give for them what the full computation gives. */
const FIRST = 1990;
const YEARS = 6;
const SCHOOLS = 80;
const UNIT_KIND: Record<SchoolKind, string> = {
  小学: 'primary',
  初中: 'junior',
  九年一贯制: 'nine_year',
  完全中学: 'complete_secondary',
  十二年一贯制: 'nine_year',
  教学点: 'teaching_point',
};

type Figures = ReturnType<typeof benchCounty>[number];
let written: { year: number; schools: (Figures[number] & { unitId: string })[] }[] = [];

beforeAll(async () => {
  const db = await tenantDbOf(T);
  const years = benchCounty().slice(0, YEARS);
  const first = (years[0] ?? [])
    .slice(0, SCHOOLS)
    .map((s) => (s.kind === '十二年一贯制' ? { ...s, kind: '九年一贯制' as const } : s));
  const ids = first.map(() => crypto.randomUUID());
  const now = new Date().toISOString();
  await db.insert(units).values(
    first.map((s, i) => ({
      id: ids[i] as string,
      name: `年度列表校${i}-${ids[i]?.slice(0, 6)}`,
      kind: UNIT_KIND[s.kind],
      status: 'active' as const,
      updatedAt: now,
    })),
  );
  written = years.map((schools, y) => ({
    year: FIRST + y,
    schools: schools.slice(0, SCHOOLS).map((s, i) => {
      const kind = (first[i] as Figures[number]).kind;
      // A figure missing here and there: those schools drop out of that indicator only.
      const resources = { ...s.resources };
      if ((i + y) % 17 === 0) delete resources.sports_area;
      // Every other year a third of the schools lack sports grounds: that coefficient fails.
      else if (y % 2 === 0 && i % 3 === 0) resources.sports_area = (resources.sports_area ?? 0) * 0.1;
      return { ...s, kind, resources, unitId: ids[i] as string };
    }),
  }));
  for (const { year, schools } of written) {
    await db.insert(balanceFigures).values(
      schools.map((s) => ({
        schoolYear: year,
        unitId: s.unitId,
        schoolKind: s.kind,
        enrolment: s.enrolment,
        enrolmentByStage:
          s.kind === '九年一贯制' && !s.enrolmentByStage?.primary
            ? { primary: Math.round(s.enrolment / 2), junior: s.enrolment - Math.round(s.enrolment / 2) }
            : ((s.enrolmentByStage as Record<string, number> | undefined) ?? null),
        resources: s.resources as Record<string, number>,
        updatedBy: 'test',
        updatedAt: now,
      })),
    );
  }
});

describe('GET /balance/years and /balance/trend', () => {
  it('gives each year, in the list and the trend, exactly what the full computation of coefficients.ts gives', async () => {
    const cookie = await signIn(T, 'role_viewer');
    const res = await api(`/api/t/${T}/balance/years`, { cookie });
    expect(res.status).toBe(200);
    const trend = await api(`/api/t/${T}/balance/trend`, { cookie });
    expect(trend.status).toBe(200);
    const db = await tenantDbOf(T);
    let failingSomewhere = 0;
    for (const { year } of written) {
      const rows = await db.select().from(balanceFigures).where(eq(balanceFigures.schoolYear, year));
      const result = countyCoefficients(
        rows.map((r) => ({
          name: r.unitId,
          kind: r.schoolKind as SchoolKind,
          enrolment: r.enrolment,
          ...(r.enrolmentByStage ? { enrolmentByStage: r.enrolmentByStage } : {}),
          resources: r.resources,
        })),
      );
      const expected = {
        year,
        schools: rows.length,
        stages: STAGES.map((stage) => ({
          stage,
          schools: result[stage].schools,
          pass: stagePass(result, stage),
          failing: Object.values(result[stage].indicators).filter((i) => i.cv3 !== null && !i.pass).length,
        })),
      };
      failingSomewhere += expected.stages.reduce((n, s) => n + s.failing, 0);
      const item = res.body.items.find((i: { year: number }) => i.year === year);
      expect(item, String(year)).toMatchObject(expected);
      const line = trend.body.items.find((i: { year: number }) => i.year === year);
      expect(line, `trend ${year}`).toEqual({
        year,
        stages: STAGES.map((stage) => ({
          stage,
          schools: result[stage].schools,
          threshold: result[stage].indicators.qualified_teachers.threshold,
          pass: stagePass(result, stage),
          cv: Object.fromEntries(BALANCE_INDICATORS.map((i) => [i.key, result[stage].indicators[i.key].cv3])),
        })),
      });
    }
    // The data has failing coefficients too, so pass and fail are both compared.
    expect(failingSomewhere).toBeGreaterThan(0);
    // Newest first.
    const years = res.body.items.map((i: { year: number }) => i.year);
    expect(years).toEqual([...years].sort((a: number, b: number) => b - a));
  });
});
