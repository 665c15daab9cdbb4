import { cookieOf, unitOf } from '../observations/fixtures';
import { api } from '../support/api';

export function targetsPath(tenant = 'test-county') {
  return `/api/t/${tenant}/targets`;
}

/** The unit of the tenant's seeded unit manager (role_unit_manager), whose targets tests keep. */
export async function managerUnit(tenant = 'test-county'): Promise<string> {
  const id = await unitOf(tenant, 'role_unit_manager');
  if (!id) throw new Error(`role_unit_manager of ${tenant} has no unit`);
  return id;
}

/** A target made through the API (by the unit manager unless `by` says otherwise); the target. */
export async function newTarget(
  tenant: string,
  fields: { unitId?: string; schoolYear: number } & Record<string, unknown>,
  by = 'role_unit_manager',
) {
  const unitId = fields.unitId ?? (await managerUnit(tenant));
  const res = await api(targetsPath(tenant), {
    cookie: await cookieOf(tenant, by),
    body: { title: `测试目标${crypto.randomUUID().slice(0, 8)}`, measure: '达到 10 人', ...fields, unitId },
  });
  if (res.status !== 201) throw new Error(`create target: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.target as { id: string; title: string; unitId: string; schoolYear: number; sort: number };
}

/** The school year starting this calendar year or last, as the server counts (autumn from September). */
export function thisSchoolYear(now = new Date()): number {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  return beijing.getUTCMonth() >= 8 ? beijing.getUTCFullYear() : beijing.getUTCFullYear() - 1;
}
