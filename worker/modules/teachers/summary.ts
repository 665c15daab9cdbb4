import { and, count, desc, eq, inArray, ne } from 'drizzle-orm';
import {
  observationRubricVersions,
  observations,
  priorityTeachers,
  surveyResponses,
  surveys,
  teachingChecks,
  units,
  users,
} from '../../../db/schema/tenant';
import { GRADE_LABELS, type RubricBody } from '../../../tenants/observations/rubric';
import type { Question } from '../../../tenants/surveys/questions';
import { managedUnitIds } from '../../auth/managed-units';
import { authorize, can } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError } from '../../errors';
import { currentSemesterKey, semesterLabel } from '../../semesters';
import { observer } from '../observations/records';
import { PRIORITY_REASON_LABELS } from '../priority-teachers/schemas';
import { foldChecks } from '../teaching-checks/matrix';
import { LINK_LABELS } from '../teaching-checks/schemas';
import { observationStats, ratingResult } from './summary-math';

export const TEACHER_NOT_FOUND = '未找到该教师，或您无权查看其督教档案。';

/** How many of the latest observations the summary lists. */
export const LATEST_OBSERVATIONS = 10;

/**
 * A teacher's semester summary (教师学期督教档案): lessons observed (count, average, grades,
 * per-section averages, the latest ten), lessons they observed, the five-link checks (latest per
 * link), priority flags and 评教 results (hidden below each survey's minimum of responses). Readers:
 * the teacher, their unit's manager, the office; anyone else (and any non-teacher id) is a 404.
 */
export async function teacherSummary(ctx: ServiceContext, teacherId: string, query: { semester?: string }) {
  authorize(ctx.actor, 'teacher_summary.read');
  const { db, actor } = ctx;
  const semester = query.semester ?? currentSemesterKey(beijingDate(), ctx.tenant.config.semesters);

  const ratedSurveys = and(
    eq(surveys.teacherId, teacherId),
    eq(surveys.semester, semester),
    ne(surveys.status, 'draft'),
  );
  // One round trip: the rubric versions and survey answers are picked by subqueries on the same
  // teacher and semester. They are read before the scope check, but nothing leaves on a 404.
  const [teacherRows, about, made, checks, flags, rated, versions, responses] = await db.batch([
    db
      .select({
        id: users.id,
        name: users.displayName,
        role: users.role,
        status: users.status,
        unitId: users.unitId,
        unitName: units.name,
      })
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(and(eq(users.id, teacherId), inArray(users.role, ['teacher', 'unit_manager'])))
      .limit(1),
    db
      .select({
        id: observations.id,
        observedOn: observations.observedOn,
        period: observations.period,
        course: observations.course,
        className: observations.className,
        kind: observations.kind,
        total: observations.total,
        grade: observations.grade,
        scores: observations.scores,
        rubricVersionId: observations.rubricVersionId,
        observerId: observations.observerId,
        observerName: observer.displayName,
        acknowledgedAt: observations.acknowledgedAt,
      })
      .from(observations)
      .innerJoin(observer, eq(observer.id, observations.observerId))
      .where(and(eq(observations.teacherId, teacherId), eq(observations.semester, semester)))
      .orderBy(desc(observations.observedOn), desc(observations.period), desc(observations.createdAt)),
    db
      .select({ n: count() })
      .from(observations)
      .where(and(eq(observations.observerId, teacherId), eq(observations.semester, semester))),
    db
      .select({
        id: teachingChecks.id,
        teacherId: teachingChecks.teacherId,
        link: teachingChecks.link,
        checkedOn: teachingChecks.checkedOn,
        createdAt: teachingChecks.createdAt,
        score: teachingChecks.score,
        sampledCount: teachingChecks.sampledCount,
        comment: teachingChecks.comment,
      })
      .from(teachingChecks)
      .where(and(eq(teachingChecks.teacherId, teacherId), eq(teachingChecks.semester, semester))),
    db
      .select({
        id: priorityTeachers.id,
        reason: priorityTeachers.reason,
        note: priorityTeachers.note,
        courseEndsOn: priorityTeachers.courseEndsOn,
        flaggedAt: priorityTeachers.flaggedAt,
        clearedAt: priorityTeachers.clearedAt,
      })
      .from(priorityTeachers)
      .where(and(eq(priorityTeachers.teacherId, teacherId), eq(priorityTeachers.semester, semester))),
    db
      .select({
        id: surveys.id,
        title: surveys.title,
        course: surveys.course,
        status: surveys.status,
        questions: surveys.questions,
        minResponses: surveys.minResponses,
      })
      .from(surveys)
      .where(ratedSurveys),
    db
      .select({ id: observationRubricVersions.id, body: observationRubricVersions.body })
      .from(observationRubricVersions)
      .where(
        inArray(
          observationRubricVersions.id,
          db
            .selectDistinct({ id: observations.rubricVersionId })
            .from(observations)
            .where(and(eq(observations.teacherId, teacherId), eq(observations.semester, semester))),
        ),
      ),
    db
      .select({ surveyId: surveyResponses.surveyId, answers: surveyResponses.answers })
      .from(surveyResponses)
      .where(
        inArray(surveyResponses.surveyId, db.select({ id: surveys.id }).from(surveys).where(ratedSurveys)),
      ),
  ]);

  const teacher = teacherRows[0];
  const mayRead =
    teacher &&
    (can(actor, 'observations.read_all') ||
      teacher.id === actor.id ||
      (actor.role === 'unit_manager' &&
        !!teacher.unitId &&
        (await managedUnitIds(ctx.db, actor.unitId)).has(teacher.unitId)));
  if (!teacher || !mayRead) throw new AppError('NOT_FOUND', TEACHER_NOT_FOUND);

  const bodies = new Map(versions.map((v) => [v.id, v.body as RubricBody]));
  const stats = observationStats(about, bodies);
  const [checkRow] = foldChecks(
    [{ teacherId, teacherName: teacher.name, unitId: teacher.unitId, unitName: teacher.unitName }],
    checks,
  );
  const latestById = new Map(checks.map((c) => [c.id, c]));

  return {
    semester,
    semesterLabel: semesterLabel(semester),
    teacher: {
      id: teacher.id,
      name: teacher.name,
      status: teacher.status,
      unitId: teacher.unitId,
      unitName: teacher.unitName,
    },
    observed: {
      ...stats,
      gradeLabels: GRADE_LABELS,
      latest: about.slice(0, LATEST_OBSERVATIONS).map(({ scores: _s, rubricVersionId: _r, ...o }) => ({
        ...o,
        gradeLabel: GRADE_LABELS[o.grade],
      })),
    },
    observedByThem: { count: made[0]?.n ?? 0 },
    checks: {
      count: checkRow?.checkCount ?? 0,
      sampledPlans: checkRow?.sampledPlans ?? 0,
      sampledHomework: checkRow?.sampledHomework ?? 0,
      links: Object.entries(LINK_LABELS).map(([key, label]) => {
        const latest = checkRow?.links[key as keyof typeof LINK_LABELS] ?? null;
        const full = latest ? latestById.get(latest.id) : undefined;
        return {
          key,
          label,
          latest: full
            ? {
                id: full.id,
                score: full.score,
                checkedOn: full.checkedOn,
                comment: full.comment,
                sampledCount: full.sampledCount,
              }
            : null,
        };
      }),
    },
    flags: flags.map((f) => ({ ...f, reasonLabel: PRIORITY_REASON_LABELS[f.reason] })),
    ratings: rated.map((s) => ({
      id: s.id,
      title: s.title,
      course: s.course,
      status: s.status,
      ...ratingResult(
        (Array.isArray(s.questions) ? s.questions : []) as Question[],
        s.minResponses,
        responses.filter((r) => r.surveyId === s.id).map((r) => r.answers as Record<string, unknown>),
      ),
    })),
  };
}
