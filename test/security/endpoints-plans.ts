import { TENANT_ROLES, type TenantRole } from '../../db/schema/tenant';
import { newPlan } from '../plans/fixtures';
import { newUnit } from '../units/fixtures';
import type { TenantEndpoint } from './endpoints';
import { MODULE } from './module-path';

const READERS: TenantRole[] = ['admin', 'director', 'inspector', 'viewer'];
const MANAGERS: TenantRole[] = ['admin', 'director'];

/** Units made by the POST /plans fixture, per role, for that role's body (params run before body). */
const campaignUnit = new Map<TenantRole, string>();

/** The plans module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const PLANS_ENDPOINTS: TenantEndpoint[] = [
  {
    method: 'GET',
    path: `${MODULE}/plans`,
    roles: READERS,
    params: async () => ({ module: 'management' }),
  },
  {
    method: 'POST',
    path: `${MODULE}/plans`,
    roles: MANAGERS,
    body: (role: TenantRole) => ({
      kind: 'campaign',
      name: `安全测试计划${role}`,
      visitKind: 'special',
      unitIds: campaignUnit.has(role) ? [campaignUnit.get(role)] : [],
      startsOn: '2090-04-01',
      endsOn: '2090-04-30',
    }),
    params: async (role) => {
      campaignUnit.set(role, await newUnit());
      return { module: 'management' };
    },
  },
  {
    method: 'GET',
    path: `${MODULE}/plans/:id`,
    roles: READERS,
    params: async () => ({ module: 'management', id: await newPlan() }),
  },
  {
    method: 'POST',
    path: `${MODULE}/plans/:id/cancel`,
    roles: MANAGERS,
    params: async () => ({ module: 'management', id: await newPlan() }),
  },
  // The themes are for everyone (schools prepare for the month's theme); plan items need plans.read.
  { method: 'GET', path: '/calendar', roles: TENANT_ROLES },
  {
    method: 'POST',
    path: '/calendar/themes',
    roles: MANAGERS,
    body: { year: 2095, themes: [{ month: 1, theme: '安全测试主题' }] },
  },
];
