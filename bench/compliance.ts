/**
 * Observation quotas at a college's volume (issue 5, Speed): 400 teachers (front-line teachers,
 * group heads and middle managers) and 10 supervisors in the demo college's departments and
 * groups, with 10,000 lesson observations over the past year, written in batches straight into
 * the tenant's database. Then, over HTTP against the Worker, the office's 听课任务 page for the
 * current semester (`teaching.compliance.p95_ms`, target < 200 ms).
 */
import { eq } from 'drizzle-orm';
import type { TenantDb } from '../db/client';
import { localDatabases } from '../db/local/connections';
import {
  observationRubrics,
  observationRubricVersions,
  observations,
  units,
  users,
} from '../db/schema/tenant';
import { seededRandom } from '../tenants/demo/seeded-random';
import type { DemoTenant } from '../tenants/demo/types';
import { addDays, beijingDate, beijingTimeUtc } from '../worker/dates';
import type { LocalStack } from '../worker/local/stack';
import { semesterKeyOf } from '../worker/semesters';
import { benchCopyOf, type Emit, p95 } from './common';

export const COMPLIANCE_SLUG = 'bench-college';
const TEACHERS = 400;
const SUPERVISORS = 10;
const OBSERVATIONS = 10_000;
const WARM_UP = 10;
const SAMPLES = 50;
const BATCH = 500;

/** demo-college's config, units and admin: the bench writes the people and the records. */
export function complianceTenant(): DemoTenant {
  return benchCopyOf('demo-college', COMPLIANCE_SLUG, '督教基准测试职业学院', { keepUnits: true });
}

/** Seven in ten are front-line teachers, two group heads, one a middle manager. */
function quotaRoleOf(i: number): string {
  const r = i % 10;
  return r < 7 ? 'front_line_teacher' : r < 9 ? 'group_head' : 'middle_manager';
}

async function seedCollege(db: TenantDb) {
  const rnd = seededRandom(20261202);
  const now = new Date().toISOString();
  const today = beijingDate();
  const unitRows = await db.select({ id: units.id }).from(units);
  const [rubric] = await db
    .select({ id: observationRubricVersions.id })
    .from(observationRubricVersions)
    .innerJoin(observationRubrics, eq(observationRubrics.id, observationRubricVersions.rubricId))
    .where(eq(observationRubrics.builtinKey, 'lesson_100'))
    .limit(1);
  if (!rubric || unitRows.length === 0) throw new Error('the bench college has no units or no rubric');

  const people = Array.from({ length: TEACHERS + SUPERVISORS }, (_, i) => {
    const supervisor = i >= TEACHERS;
    return {
      id: crypto.randomUUID(),
      username: `${supervisor ? 'sup' : 'tch'}${i}`,
      displayName: `${supervisor ? '督导' : '教师'}${i + 1}`,
      role: supervisor ? ('inspector' as const) : ('teacher' as const),
      unitId: supervisor ? null : (unitRows[i % unitRows.length] as { id: string }).id,
      quotaRole: supervisor ? null : quotaRoleOf(i),
      // Nobody signs in as them: a hash no password matches.
      passwordHash: 'bench-no-login',
      updatedAt: now,
    };
  });
  const teachers = people.filter((p) => p.role === 'teacher');
  const rows: (typeof observations.$inferInsert)[] = [];
  while (rows.length < OBSERVATIONS) {
    const observedOn = addDays(today, -Math.floor(rnd() * 365));
    const semester = semesterKeyOf(observedOn, { autumnStartMonth: 9, springStartMonth: 2 });
    if (!semester) continue; // the summer holiday
    const observer = people[Math.floor(rnd() * people.length)] as (typeof people)[number];
    const teacher = teachers[Math.floor(rnd() * teachers.length)] as (typeof teachers)[number];
    if (teacher.id === observer.id) continue;
    const id = crypto.randomUUID();
    rows.push({
      id,
      observerId: observer.id,
      teacherId: teacher.id,
      unitId: teacher.unitId,
      course: '机械制图',
      className: `2025级${1 + (rows.length % 8)}班`,
      observedOn,
      period: 1 + (rows.length % 8),
      lessonType: 'theory',
      kind: observer.role === 'inspector' ? 'supervisor' : 'peer',
      rubricVersionId: rubric.id,
      scores: { discipline: 3, attitude: 4, preparation: 3 },
      total: 85,
      grade: 'good',
      strengths: '教学目标明确，示范操作规范。',
      problems: '分组练习时巡视不够。',
      suggestions: '增加分层练习任务。',
      semester,
      contentHash: id,
      createdAt: beijingTimeUtc(observedOn, 17),
    });
  }
  const started = performance.now();
  for (let i = 0; i < people.length; i += BATCH) await db.insert(users).values(people.slice(i, i + BATCH));
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(observations).values(rows.slice(i, i + BATCH));
  return { seconds: (performance.now() - started) / 1000, people: people.length, observations: rows.length };
}

export async function benchCompliance(stack: LocalStack, password: string, emit: Emit): Promise<void> {
  const dbs = localDatabases(stack.sqld);
  const tenant = await dbs
    .control()
    .query.tenants.findFirst({ where: (t, ops) => ops.eq(t.slug, COMPLIANCE_SLUG) });
  if (!tenant) throw new Error(`${COMPLIANCE_SLUG} is missing`);
  const seeded = await seedCollege(dbs.tenant(tenant.dbUrl));
  emit('teaching.seed_observations', seeded.observations, 'rows');
  emit('teaching.seed_s', seeded.seconds, 's');

  const base = `${stack.url}/api/t/${COMPLIANCE_SLUG}`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`compliance bench login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;

  const times: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/teaching/compliance`, { headers: { cookie } });
    const body = (await res.json()) as { people?: unknown[] };
    if (!res.ok || body.people?.length !== seeded.people)
      throw new Error(`compliance answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  emit('teaching.compliance.p95_ms', p95(times), 'ms');
}
