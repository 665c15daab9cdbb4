import { and, eq } from 'drizzle-orm';
import { observationRubrics, observationRubricVersions, users } from '../../db/schema/tenant';
import { addDays, beijingDate } from '../../worker/dates';
import { semesterKeyOf } from '../../worker/semesters';
import { createUser } from '../accounts/fixtures';
import { api, tenantDbOf } from '../support/api';
import { newUnit } from '../units/fixtures';
import { cookieOf } from '../visits/fixtures';

export { cookieOf };

export function observationsPath(tenant = 'test-county') {
  return `/api/t/${tenant}/teaching/observations`;
}

/** The test tenants' semesters (their presets'). */
export const SEMESTERS = { autumnStartMonth: 9, springStartMonth: 2 };

/** The latest day, up to today (Beijing), that lies in a semester: today, unless it is the summer holiday. */
export function lessonDay(): string {
  let day = beijingDate();
  while (!semesterKeyOf(day, SEMESTERS)) day = addDays(day, -1);
  return day;
}

/** The shipped 100-point rubric in a tenant (put there at provisioning): its id and latest version's id. */
export async function builtinRubric(
  tenant = 'test-county',
): Promise<{ rubricId: string; versionId: string }> {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select({ rubricId: observationRubrics.id, versionId: observationRubricVersions.id })
    .from(observationRubricVersions)
    .innerJoin(observationRubrics, eq(observationRubrics.id, observationRubricVersions.rubricId))
    .where(
      and(
        eq(observationRubrics.builtinKey, 'lesson_100'),
        eq(observationRubricVersions.version, observationRubrics.latestVersion),
      ),
    );
  if (!row) throw new Error(`no builtin rubric in ${tenant}`);
  return row;
}

export async function builtinRubricVersion(tenant = 'test-county'): Promise<string> {
  return (await builtinRubric(tenant)).versionId;
}

export async function userIdOf(tenant: string, username: string): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (!row) throw new Error(`no user ${username} in ${tenant}`);
  return row.id;
}

/** The unit of a seeded user (role_teacher and role_unit_manager share the tenant's first unit). */
export async function unitOf(tenant: string, username: string): Promise<string | null> {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.username, username));
  return row?.unitId ?? null;
}

/** A new teacher account (in `unitId`, or in a new unit); its id. */
export async function newTeacher(tenant = 'test-county', unitId?: string): Promise<string> {
  const unit = unitId ?? (await newUnit(tenant));
  return (await createUser(tenant, { role: 'teacher', unitId: unit })).id;
}

/** Scores of the shipped rubric adding up to 86 (良好), with the changes a test makes. */
export function scores(changes: Record<string, unknown> = {}) {
  return {
    discipline: 3,
    attitude: 4,
    preparation: 3,
    objectives: 13,
    selection: 13,
    design: 17,
    methods: 17,
    effect: 16,
    ...changes,
  };
}

/** A valid body for POST /teaching/observations. */
export function observationBody(
  teacherId: string,
  rubricVersionId: string,
  fields: Record<string, unknown> = {},
) {
  return {
    id: crypto.randomUUID(),
    teacherId,
    course: '计算机网络基础',
    className: '2025级网络1班',
    observedOn: lessonDay(),
    period: 3,
    lessonType: 'theory',
    kind: 'drop_in',
    rubricVersionId,
    scores: scores(),
    strengths: '教学目标明确，示范操作规范。',
    problems: '学生分组练习时巡视不够。',
    suggestions: '增加分层练习任务。',
    ...fields,
  };
}

/** A record about `teacherId` saved by `observer` through the API; its id. */
export async function newObservation(
  tenant: string,
  observer: string,
  teacherId: string,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const body = observationBody(teacherId, await builtinRubricVersion(tenant), fields);
  const res = await api(observationsPath(tenant), { cookie: await cookieOf(tenant, observer), body });
  if (res.status !== 201) throw new Error(`record observation: ${res.status} ${JSON.stringify(res.body)}`);
  return body.id;
}

/** A record about a seeded user, by role_admin. */
export async function observationAbout(username: string, tenant = 'test-county'): Promise<string> {
  return newObservation(tenant, 'role_admin', await userIdOf(tenant, username));
}
