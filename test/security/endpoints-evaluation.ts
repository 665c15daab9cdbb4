import { builtinSchemeId, schemeSheetBytes, smallScheme } from '../evaluation/fixtures';
import type { TenantEndpoint } from './endpoints';

const READERS = ['admin', 'director', 'inspector', 'viewer'] as const;
const MANAGERS = ['admin', 'director'] as const;
let made = 0;

/** Evaluation schemes for the 401 / 403 / 404 suite (see endpoints.ts). */
export const EVALUATION_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/evaluation/schemes', roles: READERS },
  {
    method: 'POST',
    path: '/evaluation/schemes',
    roles: MANAGERS,
    body: () => ({ name: `安全测试方案${++made}`, kind: 'other', body: smallScheme() }),
  },
  {
    method: 'POST',
    path: '/evaluation/schemes/import?name=导入方案&kind=other',
    roles: MANAGERS,
    upload: {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: schemeSheetBytes,
    },
  },
  {
    method: 'GET',
    path: '/evaluation/schemes/:id',
    roles: READERS,
    params: async () => ({ id: await builtinSchemeId() }),
  },
  {
    method: 'POST',
    path: '/evaluation/schemes/:id/versions',
    roles: MANAGERS,
    body: { body: smallScheme(), note: '安全测试' },
    params: async () => ({ id: await builtinSchemeId('kindergarten_conduct') }),
  },
  {
    method: 'POST',
    path: '/evaluation/schemes/:id/versions/import',
    roles: MANAGERS,
    upload: {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: schemeSheetBytes,
    },
    params: async () => ({ id: await builtinSchemeId('township_government') }),
  },
  {
    method: 'GET',
    path: '/evaluation/schemes/:id/export.xlsx',
    roles: READERS,
    params: async () => ({ id: await builtinSchemeId() }),
  },
];
