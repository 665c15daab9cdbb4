import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../db/schema/tenant';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';

let cookie = '';
beforeAll(async () => {
  cookie = await signIn('test-county', 'director1');
});

describe('GET /api/t/:tenant/units', () => {
  it('pages through all active units with kind labels, groups and zones', async () => {
    const db = await tenantDbOf('test-county');
    const activeCount = async () =>
      (await db.select({ n: count() }).from(units).where(eq(units.status, 'active')))[0]?.n ?? 0;
    // Other test files add units at the same time: the total lies between the counts around the call.
    const before = await activeCount();
    const first = await api('/api/t/test-county/units?pageSize=10', { cookie });
    const after = await activeCount();
    expect(first.status).toBe(200);
    expect(first.body.total).toBeGreaterThanOrEqual(before);
    expect(first.body.total).toBeLessThanOrEqual(after);
    expect(first.body.items).toHaveLength(10);
    // Paging over the demo schools only: units other tests add meanwhile would shift the pages.
    const demo = `/api/t/test-county/units?pageSize=4&q=${encodeURIComponent('示范县')}`;
    const one = await api(demo, { cookie });
    const second = await api(`${demo}&page=2`, { cookie });
    expect(one.body.items).toHaveLength(4);
    expect(second.body.items).toHaveLength(4);
    const ids = new Set([...one.body.items, ...second.body.items].map((u: { id: string }) => u.id));
    expect(ids.size).toBe(one.body.items.length + second.body.items.length);
    const withZone = one.body.items
      .concat(second.body.items)
      .find((u: { zoneName: string | null }) => u.zoneName);
    expect(withZone.zoneName).toMatch(/责任区/);
    expect(first.body.items[0].kindLabel).toMatch(/[\u4e00-\u9fff]/);
  });

  it('searches by name (wildcards are literal) and filters by kind', async () => {
    const search = await api(`/api/t/test-county/units?q=${encodeURIComponent('小学')}`, { cookie });
    expect(search.body.items.length).toBeGreaterThan(0);
    for (const u of search.body.items) expect(u.name).toContain('小学');
    const wildcard = await api(`/api/t/test-county/units?q=${encodeURIComponent('%')}`, { cookie });
    expect(wildcard.body.total).toBe(0);
    const kind = await api('/api/t/test-county/units?kind=teaching_point', { cookie });
    expect(kind.body.items.length).toBeGreaterThan(0);
    for (const u of kind.body.items) expect(u.kind).toBe('teaching_point');
  });

  it('shows each tenant only its own units', async () => {
    const college = await api('/api/t/test-college/units?pageSize=100', {
      cookie: await signIn('test-college', 'director1'),
    });
    const names = college.body.items.map((u: { name: string }) => u.name).join();
    expect(names).toContain('部');
    expect(names).not.toContain('小学');
  });

  it('422 for a page size over 100 or a non-numeric page', async () => {
    const res = await api('/api/t/test-county/units?pageSize=1000', { cookie });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(res.body.error.details.issues[0].path).toBe('pageSize');
    expectErrorShape(await api('/api/t/test-county/units?page=abc', { cookie }), 422, 'VALIDATION_FAILED');
    expectErrorShape(await api('/api/t/test-county/units?page=1e20', { cookie }), 422, 'VALIDATION_FAILED');
    expectErrorShape(await api('/api/t/test-county/units?page=1e308', { cookie }), 422, 'VALIDATION_FAILED');
  });
});
