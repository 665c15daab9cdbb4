/**
 * Teaching supervision at a college's volume (issue 5, Speed): 400 teachers in 20 teaching groups
 * (heads and a few middle managers among them, with their quota roles), 10,000 lesson observations
 * over the last year, five-link checks this semester, 30 priority teachers and 评教 surveys with
 * responses, written in large batches straight into the tenant's database. `seedTeachingCollege`
 * is the shared seeding (the compliance bench can use the same college); `benchTeaching` times a
 * teacher's semester summary over HTTP against the Worker (`teaching.teacher_summary.p95_ms`).
 */
import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../db/client';
import { localDatabases } from '../db/local/connections';
import {
  observationRubrics,
  observationRubricVersions,
  observations,
  priorityTeachers,
  surveyLinks,
  surveyResponses,
  surveys,
  TEACHING_LINKS,
  teachingChecks,
  units,
  users,
} from '../db/schema/tenant';
import { seededRandom } from '../tenants/demo/seeded-random';
import type { DemoTenant } from '../tenants/demo/types';
import { lessonRubric100 } from '../tenants/observations/builtin';
import { scoreObservation } from '../tenants/observations/rubric';
import { addDays, beijingDate } from '../worker/dates';
import type { LocalStack } from '../worker/local/stack';
import { currentSemesterKey, semesterKeyOf } from '../worker/semesters';
import { benchCopyOf, type Emit, insertAll, p95 } from './common';

export const TEACHING_SLUG = 'bench-teaching';
export const TEACHERS = 400;
const GROUPS = 20;
export const OBSERVATIONS_A_YEAR = 10_000;
const PRIORITY = 30;
const RATED = 100;
const RESPONSES_PER_SURVEY = 30;
const WARM_UP = 10;
const SAMPLES = 100;
const SEMESTERS = { autumnStartMonth: 9, springStartMonth: 2 };

/** demo-college's config and admin with nothing else: the bench writes the rest. */
export function teachingTenant(): DemoTenant {
  return benchCopyOf('demo-college', TEACHING_SLUG, '督教基准测试职业学院');
}

export interface TeachingSeed {
  teacherIds: string[];
  unitIds: string[];
  observations: number;
  checks: number;
  responses: number;
  seconds: number;
}

/**
 * Writes the college: 20 teaching groups; 400 active teachers (one head per group with quota role
 * group_head and unit_manager role, 20 middle managers, the rest front-line); 10,000 observations
 * spread over the last 365 days' semester days, scored with the shipped rubric; one to two checks
 * per link per teacher this semester; 30 priority flags; 100 评教 surveys of 30 responses each.
 */
export async function seedTeachingCollege(db: TenantDb): Promise<TeachingSeed> {
  const started = performance.now();
  const rnd = seededRandom(20261202);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const now = new Date().toISOString();
  const today = beijingDate();

  const unitIds = Array.from({ length: GROUPS }, () => crypto.randomUUID());
  await db.insert(units).values(
    unitIds.map((id, i) => ({
      id,
      name: `基准测试第${i + 1}教研组`,
      kind: 'teaching_group',
      status: 'active' as const,
      updatedAt: now,
    })),
  );
  const teacherIds = Array.from({ length: TEACHERS }, () => crypto.randomUUID());
  await insertAll(
    teacherIds.map((id, i) => ({
      id,
      username: `bench_t${i}`,
      displayName: `基准教师${String(i + 1).padStart(3, '0')}`,
      role: i < GROUPS ? ('unit_manager' as const) : ('teacher' as const),
      unitId: unitIds[i % GROUPS] as string,
      quotaRole: i < GROUPS ? 'group_head' : i < GROUPS * 2 ? 'middle_manager' : 'front_line_teacher',
      // Never signs in: the bench reads their summaries as the admin.
      passwordHash: 'bench-no-login',
      updatedAt: now,
    })),
    (chunk) => db.insert(users).values(chunk),
  );

  const [version] = await db
    .select({ id: observationRubricVersions.id })
    .from(observationRubricVersions)
    .innerJoin(observationRubrics, eq(observationRubrics.id, observationRubricVersions.rubricId))
    .where(
      and(
        eq(observationRubrics.builtinKey, lessonRubric100.key),
        eq(observationRubricVersions.version, observationRubrics.latestVersion),
      ),
    );
  if (!version) throw new Error('the shipped rubric is missing');
  const items = lessonRubric100.body.sections.flatMap((s) => s.items);
  const days = Array.from({ length: 365 }, (_, i) => addDays(today, -i)).filter((d) =>
    semesterKeyOf(d, SEMESTERS),
  );
  const observationRows: (typeof observations.$inferInsert)[] = [];
  for (let i = 0; i < OBSERVATIONS_A_YEAR; i++) {
    const teacherIndex = Math.floor(rnd() * TEACHERS);
    const observerIndex = (teacherIndex + 1 + Math.floor(rnd() * (TEACHERS - 1))) % TEACHERS;
    // Most lessons score 60–100% of each item, in half points.
    const scores = Object.fromEntries(
      items.map((item) => [item.key, Math.round(item.max * (0.6 + rnd() * 0.4) * 2) / 2]),
    );
    const scored = scoreObservation(lessonRubric100.body, scores);
    const day = pick(days);
    observationRows.push({
      id: crypto.randomUUID(),
      observerId: teacherIds[observerIndex] as string,
      teacherId: teacherIds[teacherIndex] as string,
      unitId: unitIds[teacherIndex % GROUPS] as string,
      course: pick(['电工基础', '机械制图', '计算机网络基础', '数控编程', '语文', '数学']),
      className: `2025级${1 + Math.floor(rnd() * 8)}班`,
      observedOn: day,
      period: 1 + Math.floor(rnd() * 8),
      lessonType: pick(['theory', 'skill', 'lab'] as const),
      kind: pick(['assigned', 'drop_in', 'peer', 'administrator', 'supervisor'] as const),
      rubricVersionId: version.id,
      scores: scored.scores,
      total: scored.total,
      grade: scored.grade,
      strengths: '教学目标明确，重难点突出。',
      problems: '个别学生参与度不高。',
      suggestions: '增加分层练习。',
      semester: semesterKeyOf(day, SEMESTERS) as string,
      contentHash: 'bench',
      createdAt: now,
      acknowledgedAt: rnd() > 0.3 ? now : null,
    });
  }
  await insertAll(observationRows, (chunk) => db.insert(observations).values(chunk), 200);

  const semester = currentSemesterKey(today, SEMESTERS);
  const checkDays = days.filter((d) => semesterKeyOf(d, SEMESTERS) === semester);
  const checkRows: (typeof teachingChecks.$inferInsert)[] = [];
  if (checkDays.length > 0) {
    teacherIds.forEach((teacherId, i) => {
      for (const link of TEACHING_LINKS) {
        const times = 1 + Math.floor(rnd() * 2);
        for (let k = 0; k < times; k++) {
          checkRows.push({
            id: crypto.randomUUID(),
            teacherId,
            unitId: unitIds[i % GROUPS] as string,
            semester,
            link,
            checkedOn: pick(checkDays),
            score: 60 + Math.round(rnd() * 80) / 2,
            comment: '符合要求',
            sampledCount: link === 'prepare' || link === 'mark' ? 5 + Math.floor(rnd() * 40) : null,
            checkedBy: teacherIds[i % GROUPS] as string,
            createdAt: now,
            updatedAt: now,
          });
        }
      }
    });
    await insertAll(checkRows, (chunk) => db.insert(teachingChecks).values(chunk));
  }

  await db.insert(priorityTeachers).values(
    teacherIds.slice(TEACHERS - PRIORITY).map((teacherId, i) => ({
      id: crypto.randomUUID(),
      teacherId,
      semester,
      reason: (['new_teacher', 'external', 'low_rating'] as const)[i % 3] as 'new_teacher',
      note: null,
      courseEndsOn: null,
      flaggedBy: 'bench',
      flaggedAt: now,
    })),
  );

  const questions = [
    { key: 'attitude', kind: 'rating', label: '教学态度', max: 5, required: true },
    { key: 'content', kind: 'rating', label: '教学内容', max: 5, required: true },
    { key: 'method', kind: 'rating', label: '教学方法', max: 5, required: true },
    { key: 'effect', kind: 'rating', label: '教学效果', max: 10, required: true },
    { key: 'advice', kind: 'text', label: '意见建议', required: false },
  ];
  const responseRows: (typeof surveyResponses.$inferInsert)[] = [];
  for (let i = 0; i < RATED; i++) {
    const surveyId = crypto.randomUUID();
    const linkId = crypto.randomUUID();
    await db.insert(surveys).values({
      id: surveyId,
      title: '学生评教',
      kind: 'teaching_rating',
      status: 'closed',
      questions,
      minResponses: 5,
      teacherId: teacherIds[i * 4] as string,
      unitId: unitIds[(i * 4) % GROUPS] as string,
      course: '电工基础',
      semester,
      createdBy: 'bench',
      createdAt: now,
      updatedAt: now,
    });
    await db.insert(surveyLinks).values({
      id: linkId,
      surveyId,
      label: '2025级1班',
      tokenCount: 40,
      createdBy: 'bench',
      createdAt: now,
    });
    for (let r = 0; r < RESPONSES_PER_SURVEY; r++) {
      responseRows.push({
        id: crypto.randomUUID(),
        surveyId,
        linkId,
        answers: {
          attitude: 3 + Math.floor(rnd() * 3),
          content: 3 + Math.floor(rnd() * 3),
          method: 2 + Math.floor(rnd() * 4),
          effect: 5 + Math.floor(rnd() * 6),
        },
        submittedOn: today,
      });
    }
  }
  await insertAll(responseRows, (chunk) => db.insert(surveyResponses).values(chunk));
  return {
    teacherIds,
    unitIds,
    observations: observationRows.length,
    checks: checkRows.length,
    responses: responseRows.length,
    seconds: (performance.now() - started) / 1000,
  };
}

export async function benchTeaching(stack: LocalStack, password: string, emit: Emit): Promise<void> {
  const dbs = localDatabases(stack.sqld);
  const tenant = await dbs
    .control()
    .query.tenants.findFirst({ where: (t, ops) => ops.eq(t.slug, TEACHING_SLUG) });
  if (!tenant) throw new Error(`${TEACHING_SLUG} is missing`);
  const seeded = await seedTeachingCollege(dbs.tenant(tenant.dbUrl));
  emit('teaching.seed_observations', seeded.observations, 'rows');
  emit('teaching.seed_s', seeded.seconds, 's');

  const base = `${stack.url}/api/t/${TEACHING_SLUG}`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`teaching bench login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;

  // A teacher's summary of this semester, as the office opens it; a different teacher each time
  // (every fourth one has a 评教 survey with 30 responses).
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const id = seeded.teacherIds[(i * 7) % seeded.teacherIds.length] as string;
    const started = performance.now();
    const res = await fetch(`${base}/teaching/teachers/${id}/summary`, { headers: { cookie } });
    const body = (await res.json()) as { teacher?: { id: string } };
    if (!res.ok || body.teacher?.id !== id)
      throw new Error(`summary answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  emit('teaching.teacher_summary.p95_ms', p95(times), 'ms');
}
