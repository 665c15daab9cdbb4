import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  surveyLinks,
  surveyResponses,
  surveys,
  surveyTextAnswers,
  surveyTokens,
  users,
} from '../../../db/schema/tenant';
import { checkAnswers, type Question } from '../../../tenants/surveys/questions';
import { beijingDate } from '../../dates';
import { AppError, validationError } from '../../errors';
import type { PublicContext } from '../board/public-context';
import { failWhen, isGuardFailure } from '../zones/guard';
import { SURVEY_KIND_LABELS } from './schemas';
import { isSurveyTokenShape, surveyTokenHash } from './tokens';

const UNKNOWN = '未找到该问卷链接，请核对二维码或网址是否完整。';
const USED = '此链接已提交过，感谢您的参与。每张纸条只能提交一次。';

/** The token's survey, or 404 for a token that is malformed, unknown, or of another tenant. */
async function tokenSurvey(ctx: PublicContext, token: string) {
  if (!isSurveyTokenShape(token)) throw new AppError('NOT_FOUND', UNKNOWN);
  const hash = surveyTokenHash(token);
  const [row] = await ctx.db
    .select({
      hash: surveyTokens.tokenHash,
      linkId: surveyTokens.linkId,
      usedOn: surveyTokens.usedOn,
      classLabel: surveyLinks.label,
      survey: surveys,
      teacherName: users.displayName,
    })
    .from(surveyTokens)
    .innerJoin(surveys, eq(surveys.id, surveyTokens.surveyId))
    .innerJoin(surveyLinks, eq(surveyLinks.id, surveyTokens.linkId))
    .leftJoin(users, eq(users.id, surveys.teacherId))
    .where(eq(surveyTokens.tokenHash, hash))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', UNKNOWN);
  return row;
}

type State = 'open' | 'used' | 'not_open' | 'closed';

function stateOf(row: Awaited<ReturnType<typeof tokenSurvey>>, today: string): State {
  if (row.usedOn) return 'used';
  if (row.survey.status === 'draft') return 'not_open';
  if (row.survey.status === 'closed' || (row.survey.closesOn && row.survey.closesOn < today)) return 'closed';
  return 'open';
}

const STATE_MESSAGES: Record<Exclude<State, 'open'>, string> = {
  used: USED,
  not_open: '问卷尚未开放，请在老师通知后再扫码作答。',
  closed: '问卷已结束，不再接收答卷。感谢您的关注。',
};

/**
 * What a respondent's page needs: the title, whom and what it rates, the class, the questions.
 * Nothing else about the teacher, and nothing about other respondents.
 */
export async function getPublicSurvey(ctx: PublicContext, token: string) {
  const row = await tokenSurvey(ctx, token);
  const state = stateOf(row, beijingDate());
  const s = row.survey;
  return {
    state,
    message: state === 'open' ? null : STATE_MESSAGES[state],
    office: ctx.tenant.name,
    survey: {
      title: s.title,
      kindLabel: SURVEY_KIND_LABELS[s.kind],
      teacherName: s.kind === 'teaching_rating' ? row.teacherName : null,
      course: s.course,
      classLabel: row.classLabel,
      closesOn: s.closesOn,
      questions: state === 'open' ? (s.questions as Question[]) : [],
    },
  };
}

/**
 * Stores one anonymous response. In one batch: the token is marked used (only if still unused and
 * the survey still open — a guard fails the batch otherwise, so a twin request writes nothing),
 * the answers and the text answers are inserted. The response names the class batch, never the
 * token, and keeps only the day. No audit row: it would hold the address and the time, which is
 * what anonymity must not keep.
 */
export async function submitSurveyResponse(
  ctx: PublicContext,
  token: string,
  input: Record<string, unknown>,
) {
  const row = await tokenSurvey(ctx, token);
  const today = beijingDate();
  const state = stateOf(row, today);
  if (state !== 'open') throw new AppError('CONFLICT', STATE_MESSAGES[state], { state });
  const questions = row.survey.questions as Question[];
  const checked = checkAnswers(questions, input);
  if (checked.issues.length > 0) {
    throw validationError(checked.issues, checked.issues[0]?.message);
  }
  const { db } = ctx;
  const surveyId = row.survey.id;
  try {
    await db.batch([
      db
        .update(surveyTokens)
        .set({ usedOn: today })
        .where(
          and(
            eq(surveyTokens.tokenHash, row.hash),
            isNull(surveyTokens.usedOn),
            sql`${surveyTokens.surveyId} IN (SELECT ${surveys.id} FROM ${surveys} WHERE ${surveys.status} = 'open')`,
          ),
        ),
      // changes() is the UPDATE's: 0 when a twin request used the token first or the survey closed.
      failWhen(db, sql`changes() = 0`),
      db.insert(surveyResponses).values({
        id: crypto.randomUUID(),
        surveyId,
        linkId: row.linkId,
        answers: checked.answers,
        submittedOn: today,
      }),
      ...checked.texts.map((t) =>
        db.insert(surveyTextAnswers).values({
          id: crypto.randomUUID(),
          surveyId,
          questionKey: t.key,
          body: t.body,
          status: 'pending',
        }),
      ),
    ]);
  } catch (err) {
    if (!isGuardFailure(err)) throw err;
    const again = await tokenSurvey(ctx, token);
    const now = stateOf(again, today);
    throw new AppError('CONFLICT', STATE_MESSAGES[now === 'open' ? 'used' : now], { state: now });
  }
  return { ok: true, message: '提交成功，感谢您的参与！您的答卷是匿名的。' };
}
