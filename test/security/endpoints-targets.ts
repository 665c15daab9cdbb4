import { api } from '../support/api';
import { managerUnit, newTarget, targetsPath, thisSchoolYear } from '../targets/fixtures';
import { cookieOf } from '../visits/fixtures';
import type { TenantEndpoint } from './endpoints';

const READERS = ['admin', 'director', 'inspector', 'viewer', 'unit_manager'] as const;
const MANAGERS = ['admin', 'director', 'unit_manager'] as const;
/** A year of its own, so the suite's reorder lists never race the targets tests' writes. */
const YEAR = thisSchoolYear() - 6;

/** Filled by `params` before the body is made: the body functions are synchronous. */
const made = { unitId: '', ids: [] as string[] };

async function withTarget() {
  const target = await newTarget('test-county', { schoolYear: YEAR });
  made.unitId = target.unitId;
  return target;
}

/** Developmental targets for the 401 / 403 / 404 suite (see endpoints.ts). */
export const TARGETS_ENDPOINTS: TenantEndpoint[] = [
  {
    method: 'GET',
    path: `/targets?unitId=:unitId&year=${YEAR}`,
    roles: READERS,
    params: async () => ({ unitId: await managerUnit() }),
  },
  {
    method: 'GET',
    path: `/targets.xlsx?unitId=:unitId&year=${YEAR}`,
    roles: READERS,
    params: async () => ({ unitId: await managerUnit() }),
  },
  {
    method: 'POST',
    path: '/targets',
    roles: MANAGERS,
    body: () => ({ unitId: made.unitId, schoolYear: YEAR, title: `安全测试目标${crypto.randomUUID()}` }),
    params: async () => {
      made.unitId = await managerUnit();
      return {};
    },
  },
  {
    method: 'POST',
    path: '/targets/carry',
    roles: MANAGERS,
    body: () => ({ unitId: made.unitId, schoolYear: YEAR }),
    params: async () => {
      await withTarget();
      return {};
    },
  },
  {
    method: 'POST',
    path: '/targets/reorder',
    roles: MANAGERS,
    body: () => ({ unitId: made.unitId, schoolYear: YEAR, ids: made.ids }),
    params: async () => {
      await withTarget();
      const res = await api(`${targetsPath()}?unitId=${made.unitId}&year=${YEAR}`, {
        cookie: await cookieOf('test-county', 'role_admin'),
      });
      made.ids = (res.body.items as { id: string }[]).map((t) => t.id).reverse();
      return {};
    },
  },
  {
    method: 'PATCH',
    path: '/targets/:id',
    roles: MANAGERS,
    body: { measure: '安全测试修改' },
    params: async () => ({ id: (await withTarget()).id }),
  },
  {
    method: 'PUT',
    path: '/targets/:id/progress',
    roles: MANAGERS,
    body: { status: 'met', progress: '已完成', adjustment: '提高到 12 人' },
    params: async () => ({ id: (await withTarget()).id }),
  },
  {
    method: 'DELETE',
    path: '/targets/:id',
    roles: MANAGERS,
    params: async () => ({ id: (await withTarget()).id }),
  },
];
