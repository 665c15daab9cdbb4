import { createRoundBody, newRound } from '../evaluation/rounds-fixtures';
import type { TenantEndpoint } from './endpoints';

/** The office, review teams (inspectors are office too) and unit managers read rounds, each scoped. */
const ROUND_READERS = ['admin', 'director', 'inspector', 'viewer', 'unit_manager'] as const;
const MANAGERS = ['admin', 'director'] as const;

// A body's ids come from the database; `params` runs first for an allowed role and leaves it here.
let createBody: Record<string, unknown> = {};

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
  {
    method: 'GET',
    path: '/evaluation/rounds/:id',
    roles: ROUND_READERS,
    params: async () => ({ id: (await newRound()).roundId }),
  },
  {
    method: 'GET',
    path: '/evaluation/rounds/:id/units/:unitId',
    roles: ROUND_READERS,
    params: async () => {
      const round = await newRound();
      return { id: round.roundId, unitId: round.managerUnit };
    },
  },
];
