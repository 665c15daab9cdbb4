import { FULL_REVIEW, seedRound } from '../evaluation/review-fixtures';
import type { TenantEndpoint } from './endpoints';

const TEAM = ['admin', 'director', 'inspector'] as const;
const READERS = ['admin', 'director', 'inspector', 'viewer'] as const;
const WITH_UNIT = [...READERS, 'unit_manager'] as const;
const HOME = 'test-county';

/** A fresh round whose team is every review role (the inspector leads), at the given step. */
async function unitAt(status: 'submitted' | 'reviewed' | 'replied', review = status !== 'submitted') {
  const { roundId, home } = await seedRound(HOME, {
    status,
    lead: 'role_inspector',
    members: ['role_director', 'role_admin'],
    review: review ? [FULL_REVIEW] : [],
  });
  return { id: roundId, unitId: home };
}

/** The review half of evaluation rounds for the 401 / 403 / 404 suite (see endpoints.ts). */
export const EVALUATION_REVIEW_ENDPOINTS: TenantEndpoint[] = [
  {
    method: 'PUT',
    path: '/evaluation/rounds/:id/units/:unitId/review',
    roles: TEAM,
    body: { scores: [{ key: 'A2', score: 8, note: '安全测试' }] },
    params: () => unitAt('submitted'),
  },
  {
    method: 'POST',
    path: '/evaluation/rounds/:id/units/:unitId/publish',
    roles: TEAM,
    body: { summary: '安全测试意见' },
    params: () => unitAt('submitted', true),
  },
  {
    method: 'POST',
    path: '/evaluation/rounds/:id/units/:unitId/reply',
    roles: ['unit_manager'],
    body: { text: '安全测试申辩', items: [{ indicatorKey: 'A2', text: '请复核' }] },
    params: () => unitAt('reviewed'),
  },
  {
    method: 'POST',
    path: '/evaluation/rounds/:id/units/:unitId/finalize',
    roles: TEAM,
    body: { answer: '安全测试答复' },
    params: () => unitAt('replied'),
  },
  {
    method: 'GET',
    path: '/evaluation/rounds/:id/units/:unitId/report',
    roles: WITH_UNIT,
    params: () => unitAt('reviewed'),
  },
  {
    method: 'GET',
    path: '/evaluation/rounds/:id/units/:unitId/report.docx',
    roles: WITH_UNIT,
    params: () => unitAt('reviewed'),
  },
  { method: 'GET', path: '/evaluation/rounds/:id/ranking', roles: READERS, params: () => unitAt('reviewed') },
  {
    method: 'GET',
    path: '/evaluation/rounds/:id/ranking.xlsx',
    roles: READERS,
    params: () => unitAt('reviewed'),
  },
  {
    method: 'GET',
    path: '/evaluation/rounds/:id/lost-points',
    roles: READERS,
    params: () => unitAt('reviewed'),
  },
  {
    method: 'GET',
    path: '/evaluation/rounds/:id/lost-points.xlsx',
    roles: READERS,
    params: () => unitAt('reviewed'),
  },
];
