import type { TenantRole } from '../../db/schema/tenant';
import {
  inspectorOf,
  newPhoto,
  newVisit,
  tinyPng,
  type VisitSetup,
  visitBody,
  visitSetup,
} from '../visits/fixtures';
import type { TenantEndpoint } from './endpoints';
import { MODULE } from './module-path';

const HOME = 'test-county';
const READERS: TenantRole[] = ['admin', 'director', 'inspector', 'viewer'];
const RECORDERS: TenantRole[] = ['admin', 'director', 'inspector'];

/** The unit, template and team made by the POST /visits fixture, per role, for that role's body. */
const setups = new Map<TenantRole, VisitSetup>();

/** The visits module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const VISITS_ENDPOINTS: TenantEndpoint[] = [
  {
    method: 'POST',
    path: `${MODULE}/evidence/:id`,
    roles: ['admin', 'director', 'inspector', 'unit_manager'],
    upload: { contentType: 'image/png', bytes: tinyPng },
    params: async () => ({ module: 'management', id: crypto.randomUUID() }),
  },
  {
    // Each role reads a photo it may see: the office any photo a visit owns, a unit manager its own upload.
    method: 'GET',
    path: `${MODULE}/evidence/:id`,
    roles: [...READERS, 'unit_manager'],
    params: async (role) => ({
      module: 'management',
      id:
        role === 'unit_manager' ? await newPhoto(HOME, 'role_unit_manager') : (await newVisit(HOME)).photoId,
    }),
  },
  {
    method: 'GET',
    path: `${MODULE}/visits`,
    roles: READERS,
    params: async () => ({ module: 'management' }),
  },
  {
    method: 'POST',
    path: `${MODULE}/visits`,
    roles: RECORDERS,
    body: (role: TenantRole) => {
      const setup = setups.get(role);
      return setup ? visitBody(setup) : {};
    },
    params: async (role) => {
      const setup = await visitSetup(HOME);
      // With visits.ownUnitsOnly an inspector records only at units they answer for.
      if (role === 'inspector') await inspectorOf(HOME, 'role_inspector', setup.unitId);
      setups.set(role, setup);
      return { module: 'management' };
    },
  },
  {
    method: 'GET',
    path: `${MODULE}/visits/:id`,
    roles: READERS,
    params: async () => ({ module: 'management', id: (await newVisit(HOME)).visitId }),
  },
  {
    method: 'GET',
    path: `${MODULE}/visits/:id/record.docx`,
    roles: READERS,
    params: async () => ({ module: 'management', id: (await newVisit(HOME)).visitId }),
  },
];
