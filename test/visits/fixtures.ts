import { eq } from 'drizzle-orm';
import { inspectors, inspectorUnits, users } from '../../db/schema/tenant';
import { beijingDate } from '../../worker/dates';
import { newTemplate } from '../checklists/fixtures';
import { newInspector, tinyPng } from '../inspectors/fixtures';
import { api, signIn, tenantDbOf } from '../support/api';
import { newUnit } from '../units/fixtures';

export { tinyPng };

const cookies = new Map<string, Promise<string>>();

/** A session of one of the test tenant's users, signed in once per test file. */
export function cookieOf(tenant: string, username: string): Promise<string> {
  const key = `${tenant}/${username}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = signIn(tenant, username);
    cookies.set(key, cookie);
  }
  return cookie;
}

export function modulePath(tenant = 'test-county', module = 'management') {
  return `/api/t/${tenant}/${module}`;
}

export async function userIdOf(tenant: string, username: string): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (!row) throw new Error(`no user ${username} in ${tenant}`);
  return row.id;
}

/**
 * The inspector record of a user (made when missing), optionally answering for `unitId` directly,
 * written straight into the database so tests running at once never replace each other's assignments.
 */
export async function inspectorOf(tenant: string, username: string, unitId?: string): Promise<string> {
  const db = await tenantDbOf(tenant);
  const userId = await userIdOf(tenant, username);
  await db
    .insert(inspectors)
    .values({
      id: crypto.randomUUID(),
      name: `测试督学${username}`,
      type: 'part_time',
      userId,
      updatedAt: new Date().toISOString(),
    })
    .onConflictDoNothing();
  const [row] = await db.select({ id: inspectors.id }).from(inspectors).where(eq(inspectors.userId, userId));
  if (!row) throw new Error(`no inspector for ${username}`);
  if (unitId) await db.insert(inspectorUnits).values({ inspectorId: row.id, unitId }).onConflictDoNothing();
  return row.id;
}

/** Uploads a photo under a fresh (or given) id; returns the response. */
export async function uploadPhoto(
  tenant: string,
  cookie: string,
  options: { module?: string; id?: string; bytes?: Uint8Array; contentType?: string } = {},
) {
  const id = options.id ?? crypto.randomUUID();
  const res = await api(`${modulePath(tenant, options.module)}/evidence/${id}`, {
    method: 'POST',
    cookie,
    rawBody: options.bytes ?? tinyPng(),
    headers: { 'content-type': options.contentType ?? 'image/png' },
  });
  return { id, res };
}

/** A photo uploaded by `username`; returns its id. */
export async function newPhoto(tenant = 'test-county', username = 'role_admin', module = 'management') {
  const { id, res } = await uploadPhoto(tenant, await cookieOf(tenant, username), { module });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

export function today() {
  return beijingDate();
}

export interface VisitSetup {
  unitId: string;
  templateId: string;
  team: string[];
}

/** A unit, a template (tests/checklists sampleBody) and a team of `size` inspectors. */
export async function visitSetup(
  tenant = 'test-county',
  module = 'management',
  size = 1,
): Promise<VisitSetup> {
  const [unitId, templateId, ...team] = await Promise.all([
    newUnit(tenant),
    newTemplate(tenant, module),
    ...Array.from({ length: size }, () => newInspector(tenant)),
  ]);
  return { unitId: unitId as string, templateId: templateId as string, team };
}

/** A valid body for POST /:module/visits on the sample template: gate_guard answered 是. */
export function visitBody(setup: VisitSetup, fields: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    kind: 'routine',
    unitId: setup.unitId,
    templateId: setup.templateId,
    templateVersion: 1,
    visitedOn: today(),
    theme: '校园安全',
    methods: ['site', 'documents'],
    team: setup.team,
    answers: { gate_guard: { value: true }, gate_score: { value: 8.5 }, gate_register: { value: '电子' } },
    summary: '门卫管理规范。',
    feedback: '已向校长反馈。',
    feedbackSignedBy: '王校长',
    ...fields,
  };
}

/** A visit submitted by role_admin (with one photo on gate_guard); returns its id and the photo's. */
export async function newVisit(tenant = 'test-county', module = 'management') {
  const [setup, photoId] = await Promise.all([
    visitSetup(tenant, module),
    newPhoto(tenant, 'role_admin', module),
  ]);
  const body = visitBody(setup, {
    answers: { gate_guard: { value: true, photos: [photoId] }, gate_score: { value: 9 } },
  });
  const res = await api(`${modulePath(tenant, module)}/visits`, {
    cookie: await cookieOf(tenant, 'role_admin'),
    body,
  });
  if (res.status !== 201) throw new Error(`submit visit: ${res.status} ${JSON.stringify(res.body)}`);
  return { visitId: body.id, photoId, setup };
}
