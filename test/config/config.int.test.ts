import { describe, expect, it } from 'vitest';
import { api, expectErrorShape, signIn } from '../support/api';

describe('tenant config', () => {
  it('gives each tenant its own vocabulary and modules', async () => {
    const county = await api('/api/t/test-county/config', {
      cookie: await signIn('test-county', 'inspector1'),
    });
    const college = await api('/api/t/test-college/config', {
      cookie: await signIn('test-college', 'inspector1'),
    });
    expect(county.status).toBe(200);
    expect(county.body.config.vocabulary.unit).toBe('学校');
    expect(county.body.config.modules.study).toBe(false);
    expect(college.body.config.vocabulary.unit).toBe('部门');
    expect(
      college.body.config.observationQuotas.roles.map((r: { perSemester: number }) => r.perSemester),
    ).toEqual([8, 16, 20]);
  });

  it('public info greets the sign-in page by name, without the rest of the config', async () => {
    const res = await api('/api/t/test-college/info');
    expect(res.status).toBe(200);
    expect(res.body.tenant).toMatchObject({ slug: 'test-college', kind: 'college' });
    expect(res.body).not.toHaveProperty('config');
  });

  it('answers 403 MODULE_DISABLED for a module the tenant has off, 404 for an unknown path of an enabled one', async () => {
    const cookie = await signIn('test-county', 'inspector1');
    const off = await api('/api/t/test-county/study/anything', { cookie });
    expectErrorShape(off, 403, 'MODULE_DISABLED');
    expect(off.body.error.message).toContain('督学');
    expectErrorShape(await api('/api/t/test-county/safety/anything', { cookie }), 404, 'NOT_FOUND');
    const collegeCookie = await signIn('test-college', 'inspector1');
    expectErrorShape(
      await api('/api/t/test-college/study/anything', { cookie: collegeCookie }),
      404,
      'NOT_FOUND',
    );
  });

  it('answers 404, not 401, for a path that is no module', async () => {
    expectErrorShape(await api('/api/t/test-county/nothing/here'), 404, 'NOT_FOUND');
  });

  it('asks for a session before revealing which modules are on', async () => {
    expectErrorShape(await api('/api/t/test-county/study/anything'), 401, 'UNAUTHENTICATED');
  });
});
