import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { limitByClient } from '../../middleware/rate-limit';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { xlsxDownload } from '../../spreadsheet/write';
import { jsonBody, pathId, queryParams } from '../../validation';
import { publicContext } from '../board/public-context';
import { createSurveyLinks } from './create-links';
import { getSurvey, surveyPresets } from './get-survey';
import { OPEN_PER_CLIENT, RESPONSE_PER_CLIENT } from './limits';
import { listSurveys } from './list-surveys';
import { getPublicSurvey, submitSurveyResponse } from './public-survey';
import { surveyResults } from './results';
import { surveyResultsXlsx } from './results-xlsx';
import { reviewTextAnswer } from './review-text';
import { createSurvey, updateSurvey } from './save-survey';
import { LinksInput, ListSurveysQuery, ResponseInput, ReviewInput, SurveyInput } from './schemas';
import { setSurveyStatus } from './set-status';

const read = requirePermission('surveys.read');
const manage = requirePermission('surveys.manage');
const review = requirePermission('surveys.review');

/** Surveys and 评教, office side: mounted under `/teaching`. */
export const surveysRoutes = new Hono<AppEnv>()
  .get('/surveys', read, async (c) =>
    c.json(await listSurveys(serviceContext(c), queryParams(c, ListSurveysQuery))),
  )
  .get('/surveys/presets', manage, async (c) => c.json(surveyPresets(serviceContext(c))))
  .post('/surveys', manage, async (c) => {
    const input = await jsonBody(c, SurveyInput);
    return c.json({ survey: await createSurvey(serviceContext(c), input) }, 201);
  })
  .get('/surveys/:id', read, async (c) => c.json({ survey: await getSurvey(serviceContext(c), pathId(c)) }))
  .patch('/surveys/:id', manage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, SurveyInput);
    return c.json({ survey: await updateSurvey(serviceContext(c), id, input) });
  })
  .post('/surveys/:id/open', manage, async (c) => {
    return c.json({ survey: await setSurveyStatus(serviceContext(c), pathId(c), 'open') });
  })
  .post('/surveys/:id/close', manage, async (c) => {
    return c.json({ survey: await setSurveyStatus(serviceContext(c), pathId(c), 'close') });
  })
  .post('/surveys/:id/links', manage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, LinksInput);
    const made = await createSurveyLinks(serviceContext(c), id, input);
    const origin = new URL(c.req.url).origin;
    return c.json({ link: made.link, urls: made.paths.map((p) => origin + p) }, 201);
  })
  .get('/surveys/:id/results', read, async (c) => c.json(await surveyResults(serviceContext(c), pathId(c))))
  .get('/surveys/:id/results.xlsx', read, async (c) => {
    const { bytes, today } = await surveyResultsXlsx(serviceContext(c), pathId(c));
    return xlsxDownload(bytes, `问卷结果-${today}.xlsx`, `survey-results-${today}.xlsx`);
  })
  .post('/surveys/:id/text-answers/:answerId', review, async (c) => {
    const id = pathId(c);
    const answerId = pathId(c, 'answerId');
    const input = await jsonBody(c, ReviewInput);
    return c.json(await reviewTextAnswer(serviceContext(c), id, answerId, input));
  });

/** The respondent's side: no sign-in; the token in the path is the only key. */
export const publicSurveyRoutes = new Hono<AppEnv>()
  .get('/public/surveys/:token', limitByClient('survey-open', OPEN_PER_CLIENT, 'tenant'), async (c) => {
    return c.json(await getPublicSurvey(publicContext(c), c.req.param('token')));
  })
  .post(
    '/public/surveys/:token/responses',
    limitByClient('survey-response', RESPONSE_PER_CLIENT, 'tenant'),
    async (c) => {
      const input = await jsonBody(c, ResponseInput);
      return c.json(await submitSurveyResponse(publicContext(c), c.req.param('token'), input.answers), 201);
    },
  );
