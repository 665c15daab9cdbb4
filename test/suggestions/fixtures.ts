import { eq } from 'drizzle-orm';
import { units, users } from '../../db/schema/tenant';
import { api, signIn, tenantDbOf } from '../support/api';
import { TEST_TENANTS } from '../support/tenants';

export function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

const cookies = new Map<string, Promise<string>>();
/** One session per user and tenant for the whole file. */
export function cookieOf(username: string, tenant = 'test-county'): Promise<string> {
  const key = `${tenant}/${username}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = signIn(tenant, username);
    cookies.set(key, cookie);
  }
  return cookie;
}

/** The unit a seeded user belongs to (role_unit_manager and role_teacher share the first non-group unit). */
export async function unitOf(username: string, tenant = 'test-county'): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.username, username));
  if (!row?.unitId) throw new Error(`${tenant}/${username} has no unit`);
  return row.unitId;
}

export async function userIdOf(username: string, tenant = 'test-county'): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${tenant}/${username}`);
  return row.id;
}

export const path = (tenant: string, rest = '') => `/api/t/${tenant}/suggestions${rest}`;

/** A new suggestion sent by `username` through the API; its id. */
export async function suggestionBy(
  username: string,
  tenant = 'test-county',
  fields: Record<string, unknown> = {},
): Promise<string> {
  const res = await api(path(tenant), {
    cookie: await cookieOf(username, tenant),
    body: { title: `建议${suffix()}`, body: '食堂排队时间太长，建议增加窗口。', ...fields },
  });
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.suggestion.id as string;
}

/** Forwards a suggestion through the API as `by` (the office). */
export async function forward(id: string, unitId: string, tenant = 'test-county', by = 'role_director') {
  const res = await api(path(tenant, `/${id}/forward`), {
    cookie: await cookieOf(by, tenant),
    body: { unitId, category: 'logistics', officeNote: '请贵单位答复' },
  });
  if (res.status !== 200) throw new Error(`forward: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.suggestion;
}

/** A suggestion by role_teacher forwarded to the home unit, which role_unit_manager manages. */
export async function forwardedToHomeUnit(tenant = 'test-county') {
  const id = await suggestionBy('role_teacher', tenant);
  const unitId = await unitOf('role_unit_manager', tenant);
  await forward(id, unitId, tenant);
  return { id, unitId };
}

// For the security suite: the params step picks the unit; the body (built after it) names that unit.
let forwardTarget = '';
export async function suggestionToForward() {
  forwardTarget = await unitOf('role_unit_manager');
  return { id: await suggestionBy('role_teacher') };
}
export const forwardBody = () => ({ unitId: forwardTarget, category: 'teaching', officeNote: '请答复' });

/** A new unit of the tenant's first non-group kind, active unless told otherwise. */
export async function freshUnit(tenant = 'test-county', status: 'active' | 'archived' = 'active') {
  const config = TEST_TENANTS.find((t) => t.slug === tenant)?.config;
  const kind = config?.unitKinds.find((k) => !k.isGroup)?.key ?? 'primary';
  const db = await tenantDbOf(tenant);
  const id = crypto.randomUUID();
  await db
    .insert(units)
    .values({ id, name: `建议测试单位${suffix()}`, kind, status, updatedAt: new Date().toISOString() });
  return id;
}
