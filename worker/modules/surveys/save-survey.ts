import { eq, sql } from 'drizzle-orm';
import { surveys, users } from '../../../db/schema/tenant';
import { DEFAULT_MIN_RESPONSES } from '../../../tenants/surveys/questions';
import { guardedTenantAudit, tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { addDays, beijingDate } from '../../dates';
import { AppError, validationError } from '../../errors';
import { semesterKeyOf } from '../../semesters';
import { actorWho } from '../../service-context';
import { readableSurvey, surveyDetail, surveyWhere } from './records';
import type { SurveyInput } from './schemas';

const RATED_ROLES = new Set(['teacher', 'unit_manager']);

function invalid(path: string, message: string) {
  return validationError([{ path, message }], message);
}

/** The semester a survey counts in: that of its closing day (or today); in the summer holiday, the coming one. */
export function surveySemester(ctx: ServiceContext, day: string): string {
  const semesters = ctx.tenant.config.semesters;
  return (
    semesterKeyOf(day, semesters) ?? semesterKeyOf(addDays(day, 31), semesters) ?? `${day.slice(0, 4)}-autumn`
  );
}

/** Checks what the builder sent against the tenant: the rated teacher for 评教, the closing day. */
async function checkedFields(ctx: ServiceContext, input: SurveyInput) {
  const today = beijingDate();
  if (input.closesOn && input.closesOn < today) {
    throw invalid('closesOn', `截止日期不能早于今天（${today}），请重新选择。`);
  }
  let teacherId: string | null = null;
  let unitId: string | null = null;
  let course: string | null = input.course || null;
  if (input.kind === 'teaching_rating') {
    if (!input.teacherId) throw invalid('teacherId', '学生评教问卷请选择被评教师。');
    if (!course) throw invalid('course', '学生评教问卷请填写课程名称。');
    const [teacher] = await ctx.db
      .select({ id: users.id, role: users.role, status: users.status, unitId: users.unitId })
      .from(users)
      .where(eq(users.id, input.teacherId))
      .limit(1);
    if (teacher?.status !== 'active' || !RATED_ROLES.has(teacher.role)) {
      throw invalid('teacherId', '所选教师不存在、已停用或不是教师账号，请重新选择。');
    }
    teacherId = teacher.id;
    unitId = teacher.unitId;
  } else {
    course = null;
  }
  return {
    title: input.title,
    kind: input.kind,
    questions: input.questions,
    // The survey's own threshold, else the tenant's (`surveys.minResponses`, default 5).
    minResponses: input.minResponses ?? ctx.tenant.config.surveys?.minResponses ?? DEFAULT_MIN_RESPONSES,
    teacherId,
    unitId,
    course,
    closesOn: input.closesOn ?? null,
    semester: surveySemester(ctx, input.closesOn ?? today),
  };
}

/** A new survey, as a draft: its questions can still change until it is opened. */
export async function createSurvey(ctx: ServiceContext, input: SurveyInput) {
  authorize(ctx.actor, 'surveys.manage');
  const fields = await checkedFields(ctx, input);
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const row = {
    id,
    ...fields,
    status: 'draft' as const,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.batch([
    ctx.db.insert(surveys).values(row),
    tenantAudit(ctx.db, actorWho(ctx), {
      action: 'survey.create',
      entityType: 'survey',
      entityId: id,
      details: {
        title: row.title,
        kind: row.kind,
        teacherId: row.teacherId,
        course: row.course,
        minResponses: row.minResponses,
      },
    }),
  ]);
  return surveyDetail(ctx, row);
}

/** Replaces a draft's fields; once open, the questions stay as the first respondent saw them. */
export async function updateSurvey(ctx: ServiceContext, id: string, input: SurveyInput) {
  authorize(ctx.actor, 'surveys.manage');
  const current = await readableSurvey(ctx, id);
  if (current.status !== 'draft') {
    throw new AppError('CONFLICT', '问卷已开放或已结束，题目不能再修改；如需调整，请新建一份问卷。');
  }
  const fields = await checkedFields(ctx, input);
  const now = new Date().toISOString();
  const [updated] = await ctx.db.batch([
    ctx.db
      .update(surveys)
      .set({ ...fields, updatedAt: now })
      .where(surveyWhere(id, 'draft'))
      .returning(),
    guardedTenantAudit(
      ctx.db,
      actorWho(ctx),
      {
        action: 'survey.update',
        entityType: 'survey',
        entityId: id,
        details: { title: fields.title, kind: fields.kind },
      },
      // Only while still a draft: an update racing the opening changes nothing and leaves no record.
      sql`changes() = 1`,
    ),
  ]);
  const row = updated[0];
  if (!row) throw new AppError('CONFLICT', '问卷刚刚被开放，题目不能再修改；请刷新页面查看。');
  return surveyDetail(ctx, row);
}
