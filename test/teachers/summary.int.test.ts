import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { observations, surveyLinks, surveyResponses, surveys } from '../../db/schema/tenant';
import { semesterKeyOf } from '../../worker/semesters';
import {
  builtinRubricVersion,
  cookieOf,
  lessonDay,
  newObservation,
  newTeacher,
  SEMESTERS,
  scores,
  unitOf,
  userIdOf,
} from '../observations/fixtures';
import { newFlag } from '../priority-teachers/fixtures';
import { api, expectErrorShape, tenantDbOf } from '../support/api';
import { newCheck } from '../teaching-checks/fixtures';

const TENANTS = ['test-county', 'test-college'] as const;

function summaryPath(tenant: string, id: string, semester?: string) {
  return `/api/t/${tenant}/teaching/teachers/${id}/summary${semester ? `?semester=${semester}` : ''}`;
}

/** A 评教 survey of `teacherId` written straight to the database (the surveys module makes them in the app). */
async function ratingSurvey(
  tenant: string,
  teacherId: string,
  semester: string,
  answers: Record<string, unknown>[],
) {
  const db = await tenantDbOf(tenant);
  const id = crypto.randomUUID();
  const linkId = crypto.randomUUID();
  const now = new Date().toISOString();
  await db.insert(surveys).values({
    id,
    title: '学生评教',
    kind: 'teaching_rating',
    status: 'open',
    questions: [
      { key: 'q1', kind: 'rating', label: '教学态度', max: 5 },
      { key: 'q2', kind: 'rating', label: '教学效果', max: 10 },
      { key: 'q3', kind: 'text', label: '建议' },
    ],
    minResponses: 5,
    teacherId,
    course: '电工基础',
    semester,
    createdBy: 'test',
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(surveyLinks).values({
    id: linkId,
    surveyId: id,
    label: '25级机电1班',
    tokenCount: 40,
    createdBy: 'test',
    createdAt: now,
  });
  for (const a of answers) {
    await db.insert(surveyResponses).values({
      id: crypto.randomUUID(),
      surveyId: id,
      linkId,
      answers: a as Record<string, number>,
      submittedOn: lessonDay(),
    });
  }
  return { id, linkId };
}

describe.each(TENANTS)('a teacher’s semester summary in %s', (tenant) => {
  const semester = () => semesterKeyOf(lessonDay(), SEMESTERS) as string;
  let teacherId = '';
  let homeUnit = '';
  let cookies: Record<string, string> = {};

  beforeAll(async () => {
    homeUnit = (await unitOf(tenant, 'role_teacher')) as string;
    teacherId = await newTeacher(tenant, homeUnit);
    const roles = ['admin', 'director', 'inspector', 'viewer', 'unit_manager', 'teacher'];
    const signed = await Promise.all(roles.map((r) => cookieOf(tenant, `role_${r}`)));
    cookies = Object.fromEntries(roles.map((r, i) => [r, signed[i] as string]));
  });

  it('adds up observations, checks, flags and what the teacher observed, by hand-computed values', async () => {
    await newObservation(tenant, 'role_inspector', teacherId); // 86 良好
    await newObservation(tenant, 'role_admin', teacherId, {
      scores: scores({ design: 20, methods: 20, effect: 20 }),
    }); // 96 优秀
    await newObservation(tenant, 'role_director', teacherId, {
      scores: scores({
        discipline: 1,
        attitude: 1,
        preparation: 1,
        objectives: 5,
        selection: 5,
        design: 10,
        methods: 10,
        effect: 10,
      }),
    }); // 43 不合格
    // Two lessons the teacher observed (written straight: a fresh account must change its password first).
    const db = await tenantDbOf(tenant);
    const versionId = await builtinRubricVersion(tenant);
    const colleague = await newTeacher(tenant);
    for (let i = 0; i < 2; i++) {
      await db.insert(observations).values({
        id: crypto.randomUUID(),
        observerId: teacherId,
        teacherId: colleague,
        course: '数学',
        className: '一班',
        observedOn: lessonDay(),
        period: i + 1,
        lessonType: 'theory',
        kind: 'peer',
        rubricVersionId: versionId,
        scores: scores(),
        total: 86,
        grade: 'good',
        semester: semester(),
        contentHash: 'x',
        createdAt: new Date().toISOString(),
      });
    }
    await newCheck(tenant, teacherId, { link: 'prepare', score: 80, sampledCount: 10 });
    await newCheck(tenant, teacherId, { link: 'prepare', score: 91, sampledCount: 6 });
    await newCheck(tenant, teacherId, { link: 'mark', score: 77, sampledCount: 40 });
    const flagged = semesterKeyOf(lessonDay(), SEMESTERS) === semester();
    if (flagged) await newFlag(tenant, teacherId, 'new_teacher');

    const res = await api(summaryPath(tenant, teacherId, semester()), { cookie: cookies.director });
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.teacher).toMatchObject({ id: teacherId, unitId: homeUnit });
    expect(s.observed).toMatchObject({
      count: 3,
      averageTotal: 75,
      grades: { excellent: 1, good: 1, pass: 0, fail: 1 },
    });
    const sections = Object.fromEntries(s.observed.sections.map((x: { key: string }) => [x.key, x]));
    expect(sections.basics).toMatchObject({ max: 10, average: 7.7, percent: 76.7 });
    expect(sections.content).toMatchObject({ max: 50, average: 36.3, percent: 72.7 });
    expect(s.observed.latest).toHaveLength(3);
    expect(s.observed.latest[0]).toMatchObject({
      observerName: expect.any(String),
      gradeLabel: expect.any(String),
    });
    expect(s.observed.latest[0].scores).toBeUndefined();
    expect(s.observedByThem).toEqual({ count: 2 });
    expect(s.checks).toMatchObject({ count: 3, sampledPlans: 16, sampledHomework: 40 });
    const links = Object.fromEntries(
      s.checks.links.map((l: { key: string; latest: unknown }) => [l.key, l.latest]),
    );
    expect(links.prepare).toMatchObject({ score: 91, sampledCount: 6 });
    expect(links.mark).toMatchObject({ score: 77 });
    expect(links.teach).toBeNull();
    if (flagged) expect(s.flags.map((f: { reasonLabel: string }) => f.reasonLabel)).toEqual(['新教师']);
  });

  it('评教: 4 responses give the count and hidden, never the average; the 5th shows it', async () => {
    const id = await newTeacher(tenant);
    const answers = [
      { q1: 5, q2: 8, q3: '好' },
      { q1: 4, q2: 9 },
      { q1: 3, q2: 10 },
      { q1: 5, q2: 7 },
    ];
    const survey = await ratingSurvey(tenant, id, semester(), answers);
    const four = await api(summaryPath(tenant, id, semester()), { cookie: cookies.inspector });
    expect(four.body.ratings).toEqual([
      {
        id: survey.id,
        title: '学生评教',
        course: '电工基础',
        status: 'open',
        responses: 4,
        minResponses: 5,
        hidden: true,
      },
    ]);
    expect(JSON.stringify(four.body.ratings)).not.toContain('average');
    const db = await tenantDbOf(tenant);
    await db.insert(surveyResponses).values({
      id: crypto.randomUUID(),
      surveyId: survey.id,
      linkId: survey.linkId,
      answers: { q1: 4, q2: 6 },
      submittedOn: lessonDay(),
    });
    const five = await api(summaryPath(tenant, id, semester()), { cookie: cookies.inspector });
    // q1: 5 4 3 5 4 of 5 → 84; q2: 8 9 10 7 6 of 10 → 80; all ten answers → 82.
    expect(five.body.ratings[0]).toMatchObject({ responses: 5, hidden: false, average: 82 });
    expect(five.body.ratings[0].questions.map((q: { average: number }) => q.average)).toEqual([84, 80]);
    // A draft survey is not a result.
    await db.update(surveys).set({ status: 'draft' }).where(eq(surveys.id, survey.id));
    expect(
      (await api(summaryPath(tenant, id, semester()), { cookie: cookies.inspector })).body.ratings,
    ).toEqual([]);
  });

  it('the teacher reads their own, their unit manager and the office read it; anyone else 404', async () => {
    const own = await userIdOf(tenant, 'role_teacher');
    expect((await api(summaryPath(tenant, own), { cookie: cookies.teacher })).status).toBe(200);
    for (const role of ['admin', 'director', 'inspector', 'viewer', 'unit_manager']) {
      const res = await api(summaryPath(tenant, teacherId), { cookie: cookies[role] });
      expect(res.status, role).toBe(200);
    }
    const elsewhere = await newTeacher(tenant);
    expectErrorShape(
      await api(summaryPath(tenant, teacherId), { cookie: cookies.teacher }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await api(summaryPath(tenant, elsewhere), { cookie: cookies.unit_manager }),
      404,
      'NOT_FOUND',
    );
    // A user who is not a teacher, and another tenant's teacher, are not found either.
    const viewerId = await userIdOf(tenant, 'role_viewer');
    expectErrorShape(await api(summaryPath(tenant, viewerId), { cookie: cookies.admin }), 404, 'NOT_FOUND');
    const other = tenant === 'test-county' ? 'test-college' : 'test-county';
    expectErrorShape(
      await api(summaryPath(tenant, await newTeacher(other)), { cookie: cookies.admin }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await api(`${summaryPath(tenant, own)}?semester=2026-winter`, { cookie: cookies.admin }),
      422,
      'VALIDATION_FAILED',
    );
  });
});
