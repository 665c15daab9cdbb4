import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/tenant';
import { api, tenantDbOf } from '../support/api';
import { suffix, unitsAdminCookie } from '../units/fixtures';

export { suffix };

/** Beijing's date today and `days` from it, YYYY-MM-DD. */
export function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export function findingsPath(tenant = 'test-county', module = 'safety') {
  return `/api/t/${tenant}/${module}/findings`;
}

/** The unit of a tenant user (role_unit_manager belongs to the tenant's first school). */
export async function unitOfUser(tenant: string, username: string): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.username, username));
  if (!row?.unitId) throw new Error(`${username} has no unit in ${tenant}`);
  return row.unitId;
}

/** An open finding made through the API by role_admin; returns its id. */
export async function newFinding(
  tenant = 'test-county',
  module = 'safety',
  fields: Record<string, unknown> = {},
): Promise<string> {
  const unitId = fields.unitId ?? (await unitOfUser(tenant, 'role_unit_manager'));
  const res = await api(findingsPath(tenant, module), {
    cookie: await unitsAdminCookie(tenant),
    body: {
      unitId,
      category: '消防安全',
      severity: 'general',
      description: `测试问题${suffix()}`,
      deadline: beijingDay(7),
      ...fields,
    },
  });
  if (res.status !== 201) throw new Error(`create finding: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.finding.id as string;
}

async function step(tenant: string, module: string, id: string, verb: string, cookie: string, body = {}) {
  const res = await api(`${findingsPath(tenant, module)}/${id}/${verb}`, { cookie, body });
  if (res.status !== 200) throw new Error(`${verb}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.finding;
}

/** An issued finding of role_unit_manager's unit. */
export async function issuedFinding(tenant = 'test-county', module = 'safety'): Promise<string> {
  const id = await newFinding(tenant, module);
  await step(tenant, module, id, 'issue', await unitsAdminCookie(tenant));
  return id;
}

const managerCookies = new Map<string, Promise<string>>();
async function managerCookie(tenant: string) {
  let c = managerCookies.get(tenant);
  if (!c) {
    const { signIn } = await import('../support/api');
    c = signIn(tenant, 'role_unit_manager');
    managerCookies.set(tenant, c);
  }
  return c;
}

/** A finding reported by role_unit_manager, waiting for the re-check. */
export async function reportedFinding(tenant = 'test-county', module = 'safety'): Promise<string> {
  const id = await issuedFinding(tenant, module);
  await step(tenant, module, id, 'report', await managerCookie(tenant), { note: '已整改', evidence: [] });
  return id;
}
