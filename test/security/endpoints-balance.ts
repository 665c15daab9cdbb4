import { schoolUnitsFor } from '../balance/fixtures';
import { utf8Csv } from '../imports/fixtures';
import type { TenantEndpoint } from './endpoints';

const READERS = ['admin', 'director', 'inspector', 'viewer'] as const;
const EDITORS = ['admin', 'director'] as const;
/** A year of its own: the security suite's writes never touch another test's figures. */
const YEAR = '2002';

let school: Promise<{ id: string; name: string }> | null = null;
const oneSchool = () => {
  school ??= schoolUnitsFor('test-county', '安全', [{ key: 's', kind: 'primary' }]).then((made) => {
    if (!made.s) throw new Error('no school');
    return made.s;
  });
  return school;
};
let schoolName = '';

const FIGURES = {
  enrolment: 300,
  resources: {
    qualified_teachers: 15,
    backbone_teachers: 4,
    pe_art_teachers: 3,
    teaching_area: 1500,
    sports_area: 2400,
    equipment_value: 700000,
    multimedia_rooms: 8,
  },
};

/** Balanced-development monitoring for the 401 / 403 / 404 suite (see endpoints.ts). */
export const BALANCE_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/balance/years', roles: READERS },
  { method: 'GET', path: '/balance/trend', roles: READERS },
  {
    method: 'GET',
    path: '/balance/years/:year/schools',
    roles: READERS,
    params: async () => ({ year: YEAR }),
  },
  {
    method: 'GET',
    path: '/balance/years/:year/coefficients',
    roles: READERS,
    params: async () => ({ year: YEAR }),
  },
  {
    method: 'GET',
    path: '/balance/years/:year/export.xlsx',
    roles: READERS,
    params: async () => ({ year: YEAR }),
  },
  {
    method: 'PUT',
    path: '/balance/years/:year/schools/:unitId',
    roles: EDITORS,
    body: FIGURES,
    params: async () => ({ year: YEAR, unitId: (await oneSchool()).id }),
  },
  {
    method: 'POST',
    path: '/balance/years/:year/import',
    roles: EDITORS,
    upload: {
      contentType: 'text/csv',
      bytes: () =>
        utf8Csv([
          ['name', 'stage', 'enrolment', ...Object.keys(FIGURES.resources)],
          [schoolName || '未知学校', '小学', 300, ...Object.values(FIGURES.resources)],
        ]),
    },
    params: async () => {
      schoolName = (await oneSchool()).name;
      return { year: YEAR };
    },
  },
];
