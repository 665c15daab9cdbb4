import { and, eq } from 'drizzle-orm';
import { complaints, inspectors, inspectorUnits, units, users } from '../../db/schema/tenant';
import { api, randomClientIp, signIn, tenantDbOf } from '../support/api';
import { TEST_TENANTS } from '../support/tenants';

export function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** A new active unit of the tenant's first non-group kind, so rate limits per unit start at zero. */
export async function freshUnit(tenant = 'test-county', name = `投诉测试学校${suffix()}`) {
  const config = TEST_TENANTS.find((t) => t.slug === tenant)?.config;
  const kind = config?.unitKinds.find((k) => !k.isGroup)?.key ?? 'primary';
  const db = await tenantDbOf(tenant);
  const id = crypto.randomUUID();
  await db
    .insert(units)
    .values({ id, name, kind, address: '测试路 1 号', updatedAt: new Date().toISOString() });
  return id;
}

/** A new active inspector answering for the unit directly. */
export async function inspectorForUnit(
  tenant: string,
  unitId: string,
  fields: Partial<typeof inspectors.$inferInsert> = {},
) {
  const db = await tenantDbOf(tenant);
  const id = fields.id ?? crypto.randomUUID();
  if (!fields.id) {
    await db.insert(inspectors).values({
      id,
      name: `测试督学${suffix()}`,
      type: 'responsible',
      phone: '13900000000',
      email: 'dx@example.cn',
      updatedAt: new Date().toISOString(),
      ...fields,
    });
  }
  await db.insert(inspectorUnits).values({ inspectorId: id, unitId });
  return id;
}

/** The inspector record linked to a user account (made once; later calls find it). */
export async function linkedInspector(tenant: string, username: string): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new Error(`no user ${username}`);
  const find = async () =>
    (await db.select({ id: inspectors.id }).from(inspectors).where(eq(inspectors.userId, user.id)))[0]?.id;
  const existing = await find();
  if (existing) return existing;
  try {
    await db.insert(inspectors).values({
      id: crypto.randomUUID(),
      name: `账号督学${username}`,
      type: 'responsible',
      userId: user.id,
      updatedAt: new Date().toISOString(),
    });
  } catch {
    // Another test file linked it at the same moment (unique user_id): use theirs.
  }
  const id = await find();
  if (!id) throw new Error(`could not link an inspector to ${username}`);
  return id;
}

export const VALID = {
  category: 'complaint',
  topic: '校门口交通拥堵',
  body: '每天早上七点半校门口车辆乱停，学生过马路很危险，希望尽快解决。',
};

export async function submit(
  tenant: string,
  unitId: string,
  body: Record<string, unknown> = VALID,
  ip = randomClientIp(),
) {
  return api(`/api/t/${tenant}/public/units/${unitId}/complaints`, {
    body,
    headers: { 'cf-connecting-ip': ip },
  });
}

export async function complaintIdOf(tenant: string, code: string): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.trackingCode, code));
  if (!row) throw new Error(`no complaint ${code}`);
  return row.id;
}

/**
 * A complaint about a fresh unit, auto-assigned to the inspector linked to `role_inspector`, so every
 * office role (inspectors see only their own) can act on it. `closed` makes it ready to reopen.
 */
export async function complaintForStaff(options: { closed?: boolean } = {}, tenant = 'test-county') {
  const unitId = await freshUnit(tenant);
  const inspectorId = await linkedInspector(tenant, 'role_inspector');
  await inspectorForUnit(tenant, unitId, { id: inspectorId });
  const res = await submit(tenant, unitId);
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  const id = await complaintIdOf(tenant, res.body.trackingCode);
  if (options.closed) {
    const db = await tenantDbOf(tenant);
    await db
      .update(complaints)
      .set({ status: 'closed', publicReply: '已核实处理', closedAt: new Date().toISOString() })
      .where(and(eq(complaints.id, id)));
  }
  return { id, code: res.body.trackingCode as string, unitId, inspectorId };
}

/** A second active inspector to assign complaints to. */
export async function spareInspector(tenant = 'test-county') {
  const db = await tenantDbOf(tenant);
  const id = crypto.randomUUID();
  await db.insert(inspectors).values({
    id,
    name: `备用督学${suffix()}`,
    type: 'part_time',
    updatedAt: new Date().toISOString(),
  });
  return id;
}

const cookies = new Map<string, Promise<string>>();
export function cookieOf(username: string, tenant = 'test-county'): Promise<string> {
  const key = `${tenant}/${username}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = signIn(tenant, username);
    cookies.set(key, cookie);
  }
  return cookie;
}

/** A staff-visible complaint with the sender's photo attached. */
export async function complaintWithPhoto(tenant = 'test-county') {
  const c = await complaintForStaff({}, tenant);
  const res = await api(`/api/t/${tenant}/public/complaints/${c.code}/photo`, {
    rawBody: tinyPng(),
    headers: { 'content-type': 'image/png' },
  });
  if (res.status !== 200) throw new Error(`photo: ${res.status} ${JSON.stringify(res.body)}`);
  return c;
}

/** A valid 1×1 PNG. */
export function tinyPng(): Uint8Array {
  return new Uint8Array(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
}

let assignTarget = '';
/** For the security suite: params make a complaint and a spare inspector; the body names that inspector. */
export async function complaintToAssign() {
  const c = await complaintForStaff();
  assignTarget = await spareInspector();
  return { id: c.id };
}
export const assignBody = () => ({ inspectorId: assignTarget });
