import { beforeAll, describe, expect, it } from 'vitest';
import { TENANT_ROLES, type TenantRole } from '../../db/schema/tenant';
import { api, expectErrorShape, signIn, signInPlatform } from '../support/api';
import { TENANT_ENDPOINTS, type TenantEndpoint } from './endpoints';

const HOME = 'test-county';
const OTHER = 'test-college';

const sessions = new Map<string, string>();
let otherTenantCookie = '';
let platformCookie = '';

beforeAll(async () => {
  await Promise.all(TENANT_ROLES.map(async (role) => sessions.set(role, await signIn(HOME, `role_${role}`))));
  otherTenantCookie = await signIn(OTHER, 'role_admin');
  platformCookie = await signInPlatform('operator');
});

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/**
 * A constrained param (`:module{teaching|study|management|safety}`) takes its first allowed value
 * unless the fixture gives one: any other value would not reach the route at all.
 */
function fill(path: string, params: Record<string, string>) {
  return path.replace(/:(\w+)(?:\{([^}]*)\})?/g, (_, name: string, allowed?: string) =>
    encodeURIComponent(params[name] ?? allowed?.split('|')[0] ?? PLACEHOLDER_ID),
  );
}

/** Calls the endpoint; with `role`, on real rows made by its fixture and with that role's body. */
async function call(endpoint: TenantEndpoint, cookie?: string, tenant = HOME, role?: TenantRole) {
  const params = role && endpoint.params ? await endpoint.params(role) : {};
  const role_ = role ?? 'admin';
  const body = typeof endpoint.body === 'function' ? endpoint.body(role_) : endpoint.body;
  const path = `/api/t/${tenant}${fill(endpoint.path, params)}`;
  if (endpoint.upload) {
    return api(path, {
      method: endpoint.method,
      cookie,
      rawBody: endpoint.upload.bytes(),
      headers: { 'content-type': endpoint.upload.contentType },
    });
  }
  return api(path, {
    method: endpoint.method,
    cookie,
    body: endpoint.method === 'GET' ? undefined : (body ?? {}),
  });
}

/** No field of the home tenant's data may appear in a refused answer. */
function expectNoData(res: { body: unknown }) {
  const text = JSON.stringify(res.body);
  expect(text).not.toMatch(/示范县|学校列表|"items"|"user"|"config"/);
}

const guarded = TENANT_ENDPOINTS.filter((e) => e.roles !== 'public');

describe.each(guarded)('$method /api/t/:tenant$path', (endpoint) => {
  it('401 without a session', async () => {
    const res = await call(endpoint);
    expectErrorShape(res, 401, 'UNAUTHENTICATED');
    expectNoData(res);
  });

  it('401 with a forged token of the right shape (never stored, so never valid)', async () => {
    const res = await call(endpoint, `dudao_session=${HOME}.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`);
    expectErrorShape(res, 401, 'UNAUTHENTICATED');
  });

  it('404 with another tenant’s session, never data', async () => {
    const res = await call(endpoint, otherTenantCookie);
    expectErrorShape(res, 404, 'NOT_FOUND');
    expectNoData(res);
  });

  it('401 for another tenant’s token relabelled as this tenant’s: it is looked up here and is not here', async () => {
    const random = otherTenantCookie.split('.')[1];
    const res = await call(endpoint, `dudao_session=${HOME}.${random}`);
    expectErrorShape(res, 401, 'UNAUTHENTICATED');
    expectNoData(res);
  });

  it('404 with a platform (provincial/operator) token presented as a tenant session', async () => {
    const token = platformCookie.split('=')[1];
    const res = await call(endpoint, `dudao_session=${token}`);
    expectErrorShape(res, 404, 'NOT_FOUND');
    expectNoData(res);
  });

  if (Array.isArray(endpoint.roles)) {
    const allowed = endpoint.roles as readonly TenantRole[];
    const refused = TENANT_ROLES.filter((r) => !allowed.includes(r));
    if (refused.length > 0) {
      it.each(refused)('403 for role %s', async (role) => {
        const res = await call(endpoint, sessions.get(role));
        expectErrorShape(res, 403, 'FORBIDDEN');
        expectNoData(res);
      });
    }
    it.each([...allowed])('2xx for role %s', async (role) => {
      const res = await call(endpoint, sessions.get(role), HOME, role);
      if (res.status >= 300) throw new Error(`${role}: ${res.status} ${JSON.stringify(res.body)}`);
    });
  }
});

describe('unknown tenants', () => {
  it.each(TENANT_ENDPOINTS)(
    '$method $path answers 404 for a tenant that does not exist',
    async (endpoint) => {
      const res = await call(endpoint, sessions.get('admin'), 'no-such-office');
      expectErrorShape(res, 404, 'NOT_FOUND');
    },
  );

  it('404 for a malformed tenant code', async () => {
    const res = await api('/api/t/..%2F..%2Fcontrol/info');
    expect(res.status).toBe(404);
  });
});
