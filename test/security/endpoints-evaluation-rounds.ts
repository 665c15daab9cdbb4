import {
  createRoundBody,
  evidenceBytes,
  newRound,
  roundReadyToSubmit,
  roundWithEvidence,
} from '../evaluation/rounds-fixtures';
import type { TenantEndpoint } from './endpoints';

/** The office, review teams (inspectors are office too) and unit managers read rounds, each scoped. */
const ROUND_READERS = ['admin', 'director', 'inspector', 'viewer', 'unit_manager'] as const;
const MANAGERS = ['admin', 'director'] as const;
/** A unit's manager uploads its evidence; the office may on its behalf. */
const UPLOADERS = ['admin', 'director', 'unit_manager'] as const;

// A body's ids come from the database; `params` runs first for an allowed role and leaves it here.
let createBody: Record<string, unknown> = {};

const managerUnit = async () => {
  const round = await newRound();
  return { id: round.roundId, unitId: round.managerUnit };
};

/** Evaluation rounds for the 401 / 403 / 404 suite (see endpoints.ts). */
export const EVALUATION_ROUNDS_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/evaluation/rounds', roles: ROUND_READERS },
  {
    method: 'POST',
    path: '/evaluation/rounds',
    roles: MANAGERS,
    params: async () => {
      createBody = await createRoundBody();
      return {};
    },
    body: () => createBody,
  },
  { method: 'GET', path: '/evaluation/rounds/reviewer-options', roles: MANAGERS },
  {
    method: 'GET',
    path: '/evaluation/rounds/:id',
    roles: ROUND_READERS,
    params: async () => ({ id: (await newRound()).roundId }),
  },
  { method: 'GET', path: '/evaluation/rounds/:id/units/:unitId', roles: ROUND_READERS, params: managerUnit },
  {
    method: 'PUT',
    path: '/evaluation/rounds/:id/units/:unitId/self',
    roles: ['unit_manager'],
    params: managerUnit,
    body: { scores: [{ key: 'A1.1', score: 4, note: '安全测试' }] },
  },
  {
    method: 'PUT',
    path: '/evaluation/rounds/:id/units/:unitId/self-report',
    roles: ['unit_manager'],
    params: managerUnit,
    body: { selfReport: '安全测试自查报告' },
  },
  {
    method: 'POST',
    path: '/evaluation/rounds/:id/units/:unitId/submit',
    roles: ['unit_manager'],
    params: async () => {
      const round = await roundReadyToSubmit();
      return { id: round.roundId, unitId: round.managerUnit };
    },
  },
  {
    method: 'POST',
    path: '/evaluation/rounds/:id/units/:unitId/evidence?name=佐证.pdf',
    roles: UPLOADERS,
    params: managerUnit,
    upload: { contentType: 'application/pdf', bytes: evidenceBytes.pdf },
  },
  {
    method: 'GET',
    path: '/evaluation/rounds/:id/units/:unitId/evidence/:evidenceId',
    roles: ROUND_READERS,
    params: async () => {
      const round = await roundWithEvidence();
      return { id: round.roundId, unitId: round.managerUnit, evidenceId: round.evidenceId };
    },
  },
  {
    method: 'DELETE',
    path: '/evaluation/rounds/:id/units/:unitId/evidence/:evidenceId',
    roles: UPLOADERS,
    // Only the uploader deletes: each role deletes a file of its own.
    params: async (role) => {
      const round = await roundWithEvidence('test-county', `role_${role}`);
      return { id: round.roundId, unitId: round.managerUnit, evidenceId: round.evidenceId };
    },
  },
];
