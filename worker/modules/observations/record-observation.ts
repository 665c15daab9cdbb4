import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../../../db/client';
import {
  observationRubrics,
  observationRubricVersions,
  observations,
  users,
} from '../../../db/schema/tenant';
import { GRADE_LABELS, RubricBodySchema, scoreObservation } from '../../../tenants/observations/rubric';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { addDays, beijingDate } from '../../dates';
import { AppError, validationError } from '../../errors';
import { semesterKeyOf } from '../../semesters';
import { actorWho } from '../../service-context';
import { notifyStatements, type Statement } from '../notifications/notify';
import { contentHashOf, type ObservationRow, observationById, observationDetail } from './records';
import type { RecordObservationInput } from './schemas';

/** How far back a lesson may be recorded (a late entry from paper notes), in days. */
export const MAX_DAYS_BACK = 365;

/** Roles whose lessons are observed: teachers, and unit heads who teach too. */
const OBSERVED_ROLES = new Set(['teacher', 'unit_manager']);

function invalid(path: string, message: string) {
  return validationError([{ path, message }], message);
}

/**
 * A second POST of a record that is already stored: the same content by the same user is the same
 * record (200, duplicate); anything else with that id is refused, and nothing is written.
 */
async function answerRetry(ctx: ServiceContext, existing: ObservationRow, hash: string) {
  if (existing.observerId === ctx.actor.id && existing.contentHash === hash) {
    return { duplicate: true, observation: await observationDetail(ctx.db, existing) };
  }
  throw new AppError(
    'CONFLICT',
    '这条听课记录已经提交过，且内容与本次不同。请刷新听课记录列表查看已提交的内容；如需另行记录，请新建一条听课记录。',
    { observationId: existing.id },
  );
}

/** The three reads a record needs, in one round trip: the id's row, the rubric version, the teacher. */
async function readBefore(db: TenantDb, input: RecordObservationInput) {
  const [existing, rubrics, teachers] = await db.batch([
    db.select().from(observations).where(eq(observations.id, input.id)).limit(1),
    db
      .select({
        id: observationRubricVersions.id,
        version: observationRubricVersions.version,
        body: observationRubricVersions.body,
        name: observationRubrics.name,
      })
      .from(observationRubricVersions)
      .innerJoin(observationRubrics, eq(observationRubrics.id, observationRubricVersions.rubricId))
      .where(eq(observationRubricVersions.id, input.rubricVersionId))
      .limit(1),
    db
      .select({
        id: users.id,
        name: users.displayName,
        role: users.role,
        status: users.status,
        unitId: users.unitId,
      })
      .from(users)
      .where(eq(users.id, input.teacherId))
      .limit(1),
  ]);
  return { existing: existing[0], rubric: rubrics[0], teacher: teachers[0] };
}

/**
 * Records a lesson observation: the scores are checked against the rubric version the phone used
 * and the total and grade computed here; the day, the teacher and the semester are checked against
 * the tenant; the record, its audit row and the teacher's notification go in one batch. The phone
 * made the id, so a retry of a record already stored is answered from the stored row.
 */
export async function recordObservation(ctx: ServiceContext, input: RecordObservationInput) {
  authorize(ctx.actor, 'observations.record');
  const { db, tenant, actor } = ctx;
  const hash = await contentHashOf(input);

  const before = await readBefore(db, input);
  if (before.existing) return answerRetry(ctx, before.existing, hash);

  // The scores first: their issues are what the observer most likely has to fix.
  if (!before.rubric) {
    throw invalid('rubricVersionId', '所用评课标准（或其版本）不存在，请刷新后重新选择评课标准。');
  }
  // Stored bodies were checked when written; parsing again keeps a hand-edited row from scoring wrongly.
  const rubric = { ...before.rubric, body: v.parse(RubricBodySchema, before.rubric.body) };
  const scored = scoreObservation(rubric.body, input.scores);
  if (scored.issues.length > 0) throw validationError(scored.issues);

  const today = beijingDate();
  if (input.observedOn > today) {
    throw invalid('observedOn', `听课日期不能晚于今天（${today}），请改为实际听课的日期。`);
  }
  const earliest = addDays(today, -MAX_DAYS_BACK);
  if (input.observedOn < earliest) {
    throw invalid('observedOn', `听课日期不能早于一年前（${earliest}），请核对日期。`);
  }
  const semester = semesterKeyOf(input.observedOn, tenant.config.semesters);
  if (!semester) {
    throw invalid('observedOn', `${input.observedOn} 在假期中，不属于任何学期，请核对听课日期。`);
  }

  if (input.teacherId === actor.id) {
    throw invalid('teacherId', '不能给自己的课写听课记录，请选择被听课的教师。');
  }
  const teacher = before.teacher;
  if (teacher?.status !== 'active' || !OBSERVED_ROLES.has(teacher.role)) {
    throw invalid('teacherId', '所选授课教师不存在、已停用或不是教师账号，请重新选择。');
  }

  const now = new Date().toISOString();
  const gradeLabel = GRADE_LABELS[scored.grade];
  const row: ObservationRow = {
    id: input.id,
    observerId: actor.id,
    teacherId: teacher.id,
    unitId: teacher.unitId,
    course: input.course,
    className: input.className,
    observedOn: input.observedOn,
    period: input.period,
    lessonType: input.lessonType,
    kind: input.kind,
    rubricVersionId: rubric.id,
    scores: scored.scores,
    total: scored.total,
    grade: scored.grade,
    strengths: input.strengths || null,
    problems: input.problems || null,
    suggestions: input.suggestions || null,
    semester,
    contentHash: hash,
    createdAt: now,
    acknowledgedAt: null,
    reply: null,
    repliedAt: null,
  };
  const statements: Statement[] = [
    // The record first: a concurrent twin's batch fails here, on the primary key, before anything else.
    db.insert(observations).values(row),
    tenantAudit(db, actorWho(ctx), {
      action: 'observation.record',
      entityType: 'observation',
      entityId: input.id,
      details: {
        teacherId: teacher.id,
        teacherName: teacher.name,
        unitId: teacher.unitId,
        course: input.course,
        className: input.className,
        observedOn: input.observedOn,
        period: input.period,
        kind: input.kind,
        rubric: rubric.name,
        rubricVersion: rubric.version,
        total: scored.total,
        grade: scored.grade,
        semester,
      },
    }),
    ...notifyStatements(db, {
      userIds: [teacher.id],
      kind: 'observation_recorded',
      entityType: 'observation',
      entityId: input.id,
      title: `听课记录：${input.course}`,
      body: `${actor.displayName}于 ${input.observedOn} 第 ${input.period} 节听了您在${input.className}的课，总分 ${scored.total}，${gradeLabel}。请查看评价并确认。`,
      link: `teaching/observations/${input.id}`,
    }),
  ];

  try {
    await db.batch(statements as [Statement, ...Statement[]]);
  } catch (err) {
    // A twin request (a retry sent while the first was still running) may have written it first.
    const twin = await observationById(db, input.id);
    if (twin) return answerRetry(ctx, twin, hash);
    throw err;
  }
  return { duplicate: false, observation: await observationDetail(db, row) };
}
