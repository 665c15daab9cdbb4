import type { TenantRole } from '../../db/schema/tenant';
import { beijingDay, issuedFinding, newFinding, reportedFinding, unitOfUser } from '../findings/fixtures';
import type { TenantEndpoint } from './endpoints';
import { MODULE } from './module-path';

const READERS: TenantRole[] = ['admin', 'director', 'inspector', 'viewer', 'unit_manager'];
const MANAGERS: TenantRole[] = ['admin', 'director', 'inspector'];

/** The unit of POST /findings per role, set by its fixture for its body. */
const unitFor = new Map<TenantRole, string>();

/** The findings module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const FINDINGS_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: `${MODULE}/findings`, roles: READERS, params: async () => ({ module: 'safety' }) },
  {
    method: 'POST',
    path: `${MODULE}/findings`,
    roles: MANAGERS,
    body: (role: TenantRole) => ({
      unitId: unitFor.get(role) ?? '00000000-0000-4000-8000-000000000000',
      category: '安全测试',
      severity: 'general',
      description: `安全测试问题${role}`,
      deadline: beijingDay(3),
    }),
    // The fixture runs before the body: it finds the unit the body names.
    params: async (role) => {
      unitFor.set(role, await unitOfUser('test-county', 'role_unit_manager'));
      return { module: 'safety' };
    },
  },
  {
    method: 'GET',
    path: `${MODULE}/findings/:id`,
    roles: READERS,
    params: async () => ({ module: 'safety', id: await issuedFinding() }),
  },
  {
    method: 'GET',
    path: `${MODULE}/findings/:id/notice.docx`,
    roles: READERS,
    params: async () => ({ module: 'safety', id: await issuedFinding() }),
  },
  {
    method: 'POST',
    path: `${MODULE}/findings/:id/issue`,
    roles: MANAGERS,
    params: async () => ({ module: 'safety', id: await newFinding() }),
  },
  {
    method: 'POST',
    path: `${MODULE}/findings/:id/report`,
    roles: ['unit_manager'],
    body: { note: '安全测试整改情况', evidence: [] },
    params: async () => ({ module: 'safety', id: await issuedFinding() }),
  },
  {
    method: 'POST',
    path: `${MODULE}/findings/:id/close`,
    roles: MANAGERS,
    body: { note: '安全测试复查' },
    params: async () => ({ module: 'safety', id: await reportedFinding() }),
  },
  {
    method: 'POST',
    path: `${MODULE}/findings/:id/reject`,
    roles: MANAGERS,
    body: { reason: '安全测试退回' },
    params: async () => ({ module: 'safety', id: await reportedFinding() }),
  },
  { method: 'GET', path: '/my-findings', roles: READERS },
];
