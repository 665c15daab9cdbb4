import { eq } from 'drizzle-orm';
import type { TenantRole } from '../../db/schema/tenant';
import { surveyTextAnswers } from '../../db/schema/tenant';
import { tenantDbOf } from '../support/api';
import { newSurvey, newTokens, ratingAnswers, ratingBody, respond, userIdOf } from '../surveys/fixtures';
import type { TenantEndpoint } from './endpoints';

const READERS: TenantRole[] = ['admin', 'director', 'inspector', 'unit_manager', 'teacher'];
const OFFICE: TenantRole[] = ['admin', 'director', 'inspector'];

let teacherId = '';
async function ratedTeacher() {
  teacherId ||= await userIdOf('test-county', 'role_teacher');
  return teacherId;
}

/** One 评教 of role_teacher past its threshold (3), with a text answer: every reader may see its results. */
let answered: Promise<{ surveyId: string; answerId: string }> | null = null;
function answeredSurvey() {
  answered ??= (async () => {
    const surveyId = await newSurvey('test-county', { open: true, changes: { minResponses: 3 } });
    const { tokens } = await newTokens('test-county', surveyId, 3);
    for (const t of tokens) await respond('test-county', t, ratingAnswers(4, '安全测试意见'));
    const db = await tenantDbOf('test-county');
    const [row] = await db
      .select({ id: surveyTextAnswers.id })
      .from(surveyTextAnswers)
      .where(eq(surveyTextAnswers.surveyId, surveyId));
    if (!row) throw new Error('no text answer');
    return { surveyId, answerId: row.id };
  })();
  return answered;
}

/** Surveys and 评教 for the 401 / 403 / 404 suite (see endpoints.ts); teaching only. */
export const SURVEYS_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/teaching/surveys', roles: READERS },
  { method: 'GET', path: '/teaching/surveys/presets', roles: OFFICE },
  {
    method: 'POST',
    path: '/teaching/surveys',
    roles: OFFICE,
    body: () => ratingBody(teacherId),
    params: async () => {
      await ratedTeacher();
      return {};
    },
  },
  {
    method: 'GET',
    path: '/teaching/surveys/:id',
    // A 评教 of role_teacher, in the unit role_unit_manager heads: every reader may see it.
    roles: READERS,
    params: async () => ({ id: await newSurvey('test-county') }),
  },
  {
    method: 'PATCH',
    path: '/teaching/surveys/:id',
    roles: OFFICE,
    body: () => ratingBody(teacherId),
    params: async () => {
      await ratedTeacher();
      return { id: await newSurvey('test-county') };
    },
  },
  {
    method: 'POST',
    path: '/teaching/surveys/:id/open',
    roles: OFFICE,
    params: async () => ({ id: await newSurvey('test-county') }),
  },
  {
    method: 'POST',
    path: '/teaching/surveys/:id/close',
    roles: OFFICE,
    params: async () => ({ id: await newSurvey('test-county', { open: true }) }),
  },
  {
    method: 'POST',
    path: '/teaching/surveys/:id/links',
    roles: OFFICE,
    body: { label: '安全测试班', count: 1 },
    params: async () => ({ id: await newSurvey('test-county') }),
  },
  {
    method: 'GET',
    path: '/teaching/surveys/:id/results',
    roles: READERS,
    params: async () => ({ id: (await answeredSurvey()).surveyId }),
  },
  {
    method: 'GET',
    path: '/teaching/surveys/:id/results.xlsx',
    roles: READERS,
    params: async () => ({ id: (await answeredSurvey()).surveyId }),
  },
  {
    method: 'POST',
    path: '/teaching/surveys/:id/text-answers/:answerId',
    roles: OFFICE,
    body: { status: 'approved' },
    params: async () => {
      const { surveyId, answerId } = await answeredSurvey();
      return { id: surveyId, answerId };
    },
  },
  // The respondent's side: no session; test/surveys checks that a token works only in its tenant.
  { method: 'GET', path: '/public/surveys/:token', roles: 'public' },
  { method: 'POST', path: '/public/surveys/:token/responses', roles: 'public' },
];
