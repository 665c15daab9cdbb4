import { TENANT_ROLES, type TenantRole } from '../../db/schema/tenant';
import {
  builtinRubric,
  builtinRubricVersion,
  newTeacher,
  observationAbout,
  observationBody,
} from '../observations/fixtures';
import { archivedRubric, newRubric, rubricName, smallRubric } from '../observations/rubric-fixtures';
import type { TenantEndpoint } from './endpoints';

const RECORDERS: TenantRole[] = ['admin', 'director', 'inspector', 'unit_manager', 'teacher'];
const RUBRIC_MANAGERS: TenantRole[] = ['admin', 'director'];

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
  {
    method: 'POST',
    path: '/teaching/rubrics',
    roles: RUBRIC_MANAGERS,
    body: () => ({ name: rubricName('安全测试评课标准'), body: smallRubric() }),
  },
  {
    method: 'POST',
    path: '/teaching/rubrics/:id/copy',
    roles: RUBRIC_MANAGERS,
    body: {},
    params: async () => ({ id: (await builtinRubric()).rubricId }),
  },
  {
    method: 'POST',
    path: '/teaching/rubrics/:id/versions',
    roles: RUBRIC_MANAGERS,
    body: { body: smallRubric({ teach: 40 }), baseVersion: 1 },
    params: async () => ({ id: await newRubric() }),
  },
  {
    method: 'POST',
    path: '/teaching/rubrics/:id/archive',
    roles: RUBRIC_MANAGERS,
    params: async () => ({ id: await newRubric() }),
  },
  {
    method: 'POST',
    path: '/teaching/rubrics/:id/restore',
    roles: RUBRIC_MANAGERS,
    params: async () => ({ id: await archivedRubric() }),
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
