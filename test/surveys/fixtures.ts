import { SURVEY_PRESETS } from '../../tenants/surveys/presets';
import { cookieOf, userIdOf } from '../observations/fixtures';
import { api } from '../support/api';

export { cookieOf, userIdOf };

export function surveysPath(tenant = 'test-county') {
  return `/api/t/${tenant}/teaching/surveys`;
}

export const RATING_PRESET = SURVEY_PRESETS[0] as (typeof SURVEY_PRESETS)[number];

/** A 评教 body about `teacherId`: the shipped questionnaire. */
export function ratingBody(teacherId: string, changes: Record<string, unknown> = {}) {
  return {
    title: `评教测试${Math.random().toString(36).slice(2, 8)}`,
    kind: 'teaching_rating',
    teacherId,
    course: '电工基础',
    questions: RATING_PRESET.questions,
    ...changes,
  };
}

/** A survey made by role_admin; `open` opens it. Its id. */
export async function newSurvey(
  tenant = 'test-county',
  options: { teacher?: string; teacherId?: string; open?: boolean; changes?: Record<string, unknown> } = {},
): Promise<string> {
  const cookie = await cookieOf(tenant, 'role_admin');
  const teacherId = options.teacherId ?? (await userIdOf(tenant, options.teacher ?? 'role_teacher'));
  const res = await api(surveysPath(tenant), { cookie, body: ratingBody(teacherId, options.changes) });
  if (res.status !== 201) throw new Error(`survey: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.survey.id as string;
  if (options.open) {
    const opened = await api(`${surveysPath(tenant)}/${id}/open`, { cookie, method: 'POST' });
    if (opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  }
  return id;
}

/** `count` response links for a class of the survey; their tokens (the last path segment). */
export async function newTokens(tenant: string, surveyId: string, count: number, label = '23级机电1班') {
  const cookie = await cookieOf(tenant, 'role_admin');
  const res = await api(`${surveysPath(tenant)}/${surveyId}/links`, { cookie, body: { label, count } });
  if (res.status !== 201) throw new Error(`links: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    linkId: res.body.link.id as string,
    urls: res.body.urls as string[],
    tokens: (res.body.urls as string[]).map((u) => u.split('/').pop() as string),
  };
}

/** Answers to the shipped 评教 questionnaire: every rating `score`, the workload choice, advice text. */
export function ratingAnswers(score = 4, advice: string | null = null) {
  const answers: Record<string, unknown> = {
    attitude: score,
    content: score,
    method: score,
    management: score,
    effect: score,
    workload: 1,
  };
  if (advice) answers.advice = advice;
  return answers;
}

export function respond(tenant: string, token: string, answers: Record<string, unknown>) {
  return api(`/api/t/${tenant}/public/surveys/${token}/responses`, { body: { answers } });
}
