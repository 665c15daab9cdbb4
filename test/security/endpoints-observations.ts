import { TENANT_ROLES, type TenantRole } from '../../db/schema/tenant';
import {
  builtinRubric,
  builtinRubricVersion,
  newTeacher,
  observationAbout,
  observationBody,
} from '../observations/fixtures';
import type { TenantEndpoint } from './endpoints';

const RECORDERS: TenantRole[] = ['admin', 'director', 'inspector', 'unit_manager', 'teacher'];

/** The teacher and rubric version of each role's POST body (params run before body). */
const bodyParts = new Map<TenantRole, { teacherId: string; rubricVersionId: string }>();

/** Lesson observations for the 401 / 403 / 404 suite (see endpoints.ts); teaching only. */
export const OBSERVATIONS_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/teaching/rubrics', roles: TENANT_ROLES },
  {
    method: 'GET',
    path: '/teaching/rubrics/:id',
    roles: TENANT_ROLES,
    params: async () => ({ id: (await builtinRubric()).rubricId }),
  },
  // Every role lists; each sees only what it may (test/observations covers the filtering).
  { method: 'GET', path: '/teaching/observations', roles: TENANT_ROLES },
  {
    method: 'POST',
    path: '/teaching/observations',
    roles: RECORDERS,
    body: (role: TenantRole) => {
      const parts = bodyParts.get(role);
      return parts ? observationBody(parts.teacherId, parts.rubricVersionId) : {};
    },
    params: async (role) => {
      bodyParts.set(role, { teacherId: await newTeacher(), rubricVersionId: await builtinRubricVersion() });
      return {};
    },
  },
  {
    method: 'GET',
    path: '/teaching/observations/:id',
    // A record about role_teacher (of the unit role_unit_manager heads): every role may see it.
    roles: TENANT_ROLES,
    params: async () => ({ id: await observationAbout('role_teacher') }),
  },
  {
    method: 'POST',
    path: '/teaching/observations/:id/acknowledge',
    roles: ['teacher', 'unit_manager'],
    // Only the observed teacher acknowledges: the fixture records a lesson of the signed-in role's user.
    params: async (role: TenantRole) => ({ id: await observationAbout(`role_${role}`) }),
  },
];
