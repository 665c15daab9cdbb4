import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectErrorShape, signIn, signInPlatform } from '../support/api';
import { PLATFORM_ENDPOINTS, type PlatformEndpoint } from './endpoints';

let provinceCookie = '';
let tenantAdminCookie = '';

beforeAll(async () => {
  provinceCookie = await signInPlatform('province');
  tenantAdminCookie = await signIn('test-county', 'role_admin');
});

/** Path parameters point at real rows where it matters, so a 403 is not a 404 in disguise. */
function concrete(path: string) {
  return path.replace(':slug', 'test-college').replace(':id', '00000000-0000-4000-8000-000000000000');
}

function call(endpoint: PlatformEndpoint, cookie?: string) {
  return api(`/api/province${concrete(endpoint.path)}`, {
    method: endpoint.method,
    cookie,
    body: endpoint.method === 'POST' ? (endpoint.body ?? {}) : undefined,
  });
}

const guarded = PLATFORM_ENDPOINTS.filter((e) => e.roles !== 'public');

describe.each(guarded)('$method /api/province$path', (endpoint) => {
  it('401 without a session', async () => {
    expectErrorShape(await call(endpoint), 401, 'UNAUTHENTICATED');
  });

  it('401 with a tenant administrator’s token, never platform data', async () => {
    const token = tenantAdminCookie.split('=')[1];
    const res = await call(endpoint, `dudao_platform=${token}`);
    expectErrorShape(res, 401, 'UNAUTHENTICATED');
    expect(JSON.stringify(res.body)).not.toContain('tenants');
  });

  it('401 with a forged platform token', async () => {
    expectErrorShape(
      await call(endpoint, 'dudao_platform=platform.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
      401,
      'UNAUTHENTICATED',
    );
  });

  if (Array.isArray(endpoint.roles) && !endpoint.roles.includes('province')) {
    it('403 for a provincial account', async () => {
      expectErrorShape(await call(endpoint, provinceCookie), 403, 'FORBIDDEN');
    });
  }
});
