import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { answerSuggestion } from './answer-suggestion';
import { closeSuggestion } from './close-suggestion';
import { forwardSuggestion } from './forward-suggestion';
import { getSuggestion } from './get-suggestion';
import { listSuggestions } from './list-suggestions';
import {
  AnswerInput,
  CloseInput,
  categoryOptions,
  ForwardInput,
  ListSuggestionsQuery,
  SuggestionInput,
} from './schemas';
import { submitSuggestion } from './submit-suggestion';

const submit = requirePermission('suggestions.submit');
const triage = requirePermission('suggestions.triage');
const answer = requirePermission('suggestions.answer');

export const suggestionsRoutes = new Hono<AppEnv>()
  .post('/suggestions', submit, async (c) => {
    const input = await jsonBody(c, SuggestionInput);
    return c.json({ suggestion: await submitSuggestion(serviceContext(c), input) }, 201);
  })
  .get('/suggestions', submit, async (c) => {
    const query = queryParams(c, ListSuggestionsQuery);
    return c.json({ ...(await listSuggestions(serviceContext(c), query)), categories: categoryOptions() });
  })
  .get('/suggestions/:id', submit, async (c) => {
    const id = pathId(c);
    return c.json({ suggestion: await getSuggestion(serviceContext(c), id), categories: categoryOptions() });
  })
  .post('/suggestions/:id/forward', triage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, ForwardInput);
    return c.json({ suggestion: await forwardSuggestion(serviceContext(c), id, input) });
  })
  .post('/suggestions/:id/answer', answer, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, AnswerInput);
    return c.json({ suggestion: await answerSuggestion(serviceContext(c), id, input) });
  })
  .post('/suggestions/:id/close', triage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, CloseInput);
    return c.json({ suggestion: await closeSuggestion(serviceContext(c), id, input) });
  });
