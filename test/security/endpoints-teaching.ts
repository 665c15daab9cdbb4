import { TENANT_ROLES, type TenantRole } from '../../db/schema/tenant';
import { newTeacher, unitOf, userIdOf } from '../observations/fixtures';
import { newFlag } from '../priority-teachers/fixtures';
import { checkBody, newCheck } from '../teaching-checks/fixtures';
import type { TenantEndpoint } from './endpoints';

const HOME = 'test-county';
const OFFICE: TenantRole[] = ['admin', 'director', 'inspector'];
const RECORDERS: TenantRole[] = ['admin', 'director', 'inspector', 'unit_manager'];
const CHECK_READERS: TenantRole[] = ['admin', 'director', 'inspector', 'viewer', 'unit_manager', 'teacher'];

/** A teacher of the unit role_unit_manager heads, so a unit manager may act on them too. */
async function homeUnitTeacher(): Promise<string> {
  return newTeacher(HOME, (await unitOf(HOME, 'role_unit_manager')) ?? undefined);
}

/** Each role's POST body, made by its params (params run before body). */
const flagBodies = new Map<TenantRole, string>();
const checkBodies = new Map<TenantRole, string>();

/** Priority teachers, five-link checks and the teacher summary for the 401 / 403 / 404 suite; teaching only. */
export const TEACHING_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/teaching/priority-teachers', roles: [...OFFICE, 'unit_manager'] },
  {
    method: 'POST',
    path: '/teaching/priority-teachers',
    roles: OFFICE,
    body: (role: TenantRole) => ({ teacherId: flagBodies.get(role), reason: 'new_teacher' }),
    params: async (role) => {
      flagBodies.set(role, await newTeacher(HOME));
      return {};
    },
  },
  {
    method: 'POST',
    path: '/teaching/priority-teachers/:id/clear',
    roles: OFFICE,
    params: async () => ({ id: await newFlag(HOME, await newTeacher(HOME)) }),
  },
  { method: 'GET', path: '/teaching/checks', roles: CHECK_READERS },
  { method: 'GET', path: '/teaching/checks/matrix', roles: CHECK_READERS },
  { method: 'GET', path: '/teaching/checks.xlsx', roles: CHECK_READERS },
  {
    method: 'POST',
    path: '/teaching/checks',
    roles: RECORDERS,
    body: (role: TenantRole) => checkBody(checkBodies.get(role) ?? ''),
    params: async (role) => {
      checkBodies.set(role, await homeUnitTeacher());
      return {};
    },
  },
  {
    method: 'PATCH',
    path: '/teaching/checks/:id',
    roles: RECORDERS,
    body: { score: 70 },
    // Each role edits a check it recorded itself.
    params: async (role) => ({ id: (await newCheck(HOME, await homeUnitTeacher(), {}, `role_${role}`)).id }),
  },
  {
    method: 'DELETE',
    path: '/teaching/checks/:id',
    roles: RECORDERS,
    params: async (role) => ({ id: (await newCheck(HOME, await homeUnitTeacher(), {}, `role_${role}`)).id }),
  },
  {
    method: 'GET',
    path: '/teaching/teachers/:id/summary',
    roles: TENANT_ROLES,
    // role_teacher is in role_unit_manager's unit: every role may read that summary.
    params: async () => ({ id: await userIdOf(HOME, 'role_teacher') }),
  },
];
