import { api } from '../support/api';
import { newUnit, suffix, unitsAdminCookie } from '../units/fixtures';

export { suffix };

/** The path of a module's plans in a tenant. */
export function plansPath(tenant = 'test-county', module = 'management') {
  return `/api/t/${tenant}/${module}/plans`;
}

/**
 * A campaign plan over one fresh unit in 2090 (a year no other test looks at), made through the
 * API; returns its id.
 */
export async function newPlan(
  tenant = 'test-county',
  module = 'management',
  fields: Record<string, unknown> = {},
) {
  const unitId = await newUnit(tenant);
  const res = await api(plansPath(tenant, module), {
    cookie: await unitsAdminCookie(tenant),
    body: {
      kind: 'campaign',
      name: `测试专项督导${suffix()}`,
      visitKind: 'special',
      unitIds: [unitId],
      startsOn: '2090-03-01',
      endsOn: '2090-03-31',
      ...fields,
    },
  });
  if (res.status !== 201) throw new Error(`create plan: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.plan.id as string;
}

/** Beijing's date today and `days` from it, YYYY-MM-DD: plan states are decided on Beijing days. */
export function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
