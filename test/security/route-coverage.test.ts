import { describe, expect, it } from 'vitest';
import { createApp } from '../../worker/app';
import { PLATFORM_ENDPOINTS, PUBLIC_ENDPOINTS, TENANT_ENDPOINTS } from './endpoints';

describe('security suite coverage', () => {
  it('lists every route the Worker serves, and nothing else', () => {
    const served = new Set(
      createApp()
        .routes.filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path}`),
    );
    const listed = new Set([
      ...PUBLIC_ENDPOINTS.map((e) => `${e.method} ${e.path}`),
      // A listed path may carry the query its 2xx call needs; routes are matched without it.
      ...TENANT_ENDPOINTS.map((e) => `${e.method} /api/t/:tenant${e.path.split('?')[0]}`),
      ...PLATFORM_ENDPOINTS.map((e) => `${e.method} /api/province${e.path}`),
    ]);
    expect([...served].sort()).toEqual([...listed].sort());
  });
});
