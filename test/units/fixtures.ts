import { api, signIn } from '../support/api';

export function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

const cookies = new Map<string, Promise<string>>();

/** A session of the tenant's role_admin, signed in once per test file. */
export function unitsAdminCookie(tenant = 'test-county'): Promise<string> {
  let cookie = cookies.get(tenant);
  if (!cookie) {
    cookie = signIn(tenant, 'role_admin');
    cookies.set(tenant, cookie);
  }
  return cookie;
}

const DEFAULT_KIND: Record<string, string> = { 'test-county': 'primary', 'test-college': 'office' };

/** Creates a unit through the API (a fresh root unit unless `fields` say otherwise) and returns its id. */
export async function newUnit(tenant = 'test-county', fields: Record<string, unknown> = {}) {
  const res = await api(`/api/t/${tenant}/units`, {
    cookie: await unitsAdminCookie(tenant),
    body: { name: `测试学校${suffix()}`, kind: DEFAULT_KIND[tenant] ?? 'primary', ...fields },
  });
  if (res.status !== 201) throw new Error(`create unit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.unit.id as string;
}

/** Creates a group unit (a 乡镇 in the county, a 专业部 in the college). */
export function newGroupUnit(tenant = 'test-county', fields: Record<string, unknown> = {}) {
  return newUnit(tenant, {
    name: `测试乡镇${suffix()}`,
    kind: tenant === 'test-college' ? 'department' : 'township',
    ...fields,
  });
}

/** Creates a zone through the API and returns its id. */
export async function newZone(tenant = 'test-county', fields: Record<string, unknown> = {}) {
  const res = await api(`/api/t/${tenant}/zones`, {
    cookie: await unitsAdminCookie(tenant),
    body: { name: `测试责任区${suffix()}`, ...fields },
  });
  if (res.status !== 201) throw new Error(`create zone: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.zone.id as string;
}

/** An archived unit, for the restore route. */
export async function archivedUnit(tenant = 'test-county') {
  const id = await newUnit(tenant);
  const res = await api(`/api/t/${tenant}/units/${id}/archive`, {
    method: 'POST',
    cookie: await unitsAdminCookie(tenant),
  });
  if (res.status !== 200) throw new Error(`archive unit: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}
