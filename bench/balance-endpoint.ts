/**
 * balance.coefficients_endpoint_p95_ms (issue 6): the coefficients page's request for one school
 * year, over HTTP against the Worker on the local stack, in a county of 300 schools with 10 school
 * years of figures stored (the county of `balance-county.ts`, written straight into its database).
 */

import { localDatabases } from '../db/local/connections';
import { balanceFigures, units } from '../db/schema/tenant';
import type { DemoTenant } from '../tenants/demo/types';
import type { LocalStack } from '../worker/local/stack';
import type { SchoolKind } from '../worker/modules/balance/coefficients';
import { BENCH_SCHOOLS, BENCH_YEARS, benchCounty } from './balance-county';
import { benchCopyOf, type Emit, p95 } from './common';

export const BALANCE_SLUG = 'bench-balance';
const FIRST_YEAR = 2016;
const SAMPLES = 50;
const WARM_UP = 10;
const UNIT_KIND: Record<SchoolKind, string> = {
  小学: 'primary',
  初中: 'junior',
  九年一贯制: 'nine_year',
  完全中学: 'complete_secondary',
  十二年一贯制: 'nine_year',
  教学点: 'teaching_point',
};

/** demo-county's config and admin with nothing else: the bench writes the schools and figures. */
export function balanceTenant(): DemoTenant {
  return benchCopyOf('demo-county', BALANCE_SLUG, '均衡监测基准测试县');
}

export async function benchBalanceEndpoint(stack: LocalStack, password: string, emit: Emit): Promise<void> {
  const dbs = localDatabases(stack.sqld);
  const tenant = await dbs
    .control()
    .query.tenants.findFirst({ where: (t, ops) => ops.eq(t.slug, BALANCE_SLUG) });
  if (!tenant) throw new Error(`${BALANCE_SLUG} is missing`);
  const db = dbs.tenant(tenant.dbUrl);
  const years = benchCounty();
  const now = new Date().toISOString();
  const first = years[0] ?? [];
  const ids = first.map(() => crypto.randomUUID());
  for (let i = 0; i < first.length; i += 100) {
    await db.insert(units).values(
      first.slice(i, i + 100).map((s, j) => ({
        id: ids[i + j] as string,
        name: s.name,
        code: `34${String(i + j).padStart(8, '0')}`,
        kind: UNIT_KIND[s.kind],
        status: 'active' as const,
        updatedAt: now,
      })),
    );
  }
  for (const [y, schools] of years.entries()) {
    for (let i = 0; i < schools.length; i += 100) {
      await db.insert(balanceFigures).values(
        schools.slice(i, i + 100).map((s, j) => ({
          schoolYear: FIRST_YEAR + y,
          unitId: ids[i + j] as string,
          schoolKind: s.kind,
          enrolment: s.enrolment,
          enrolmentByStage: (s.enrolmentByStage as Record<string, number> | undefined) ?? null,
          resources: s.resources as Record<string, number>,
          updatedBy: 'bench',
          updatedAt: now,
        })),
      );
    }
  }

  const base = `${stack.url}/api/t/${BALANCE_SLUG}`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`balance bench login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const latest = FIRST_YEAR + BENCH_YEARS - 1;
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/balance/years/${latest}/coefficients`, { headers: { cookie } });
    const body = (await res.json()) as { stages?: { schools: number }[] };
    const counted = (body.stages ?? []).reduce((n, s) => n + s.schools, 0);
    // 300 schools less the small 教学点, the two-stage schools counted in both stages.
    if (!res.ok || counted < BENCH_SCHOOLS - 10)
      throw new Error(`coefficients answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  emit('balance.coefficients_endpoint_p95_ms', p95(times), 'ms');
  await benchYearsEndpoint(base, cookie, emit);
}

/**
 * balance.years_endpoint_p95_ms: the balance page's first request, the list of school years with
 * pass/fail per stage, over the same 300 schools × 10 years.
 */
async function benchYearsEndpoint(base: string, cookie: string, emit: Emit) {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/balance/years`, { headers: { cookie } });
    const body = (await res.json()) as { items?: { schools: number }[] };
    if (!res.ok || body.items?.length !== BENCH_YEARS || body.items[0]?.schools !== BENCH_SCHOOLS)
      throw new Error(`years answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  emit('balance.years_endpoint_p95_ms', p95(times), 'ms');
}
