import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../../db/schema/control';
import { users } from '../../db/schema/tenant';
import { presetFor } from '../../tenants/presets';
import { provisionTenant } from '../../tenants/provisioning/provision';
import { api, databases, signIn, tenantDbOf } from '../support/api';
import { RATING_PRESET, surveysPath } from './fixtures';

/**
 * A college whose config asks 8 responses before a survey's results show (`surveys.minResponses`)
 * and starts observations with its own rubric key: provisioned here, since the shared test tenants
 * keep the defaults other tests count on.
 */
describe('a tenant’s own survey threshold', () => {
  const slug = `min8-${Math.random().toString(36).slice(2, 8)}`;
  let cookie = '';
  beforeAll(async () => {
    const dbs = databases();
    const control = dbs.control();
    const config = { ...presetFor('college'), surveys: { minResponses: 8 } };
    await provisionTenant(
      { control, provider: dbs.provider, openTenant: dbs.tenant },
      {
        slug,
        name: '八份起显学院',
        kind: 'college',
        regionCode: '320506',
        province: '江苏省',
        city: '苏州市',
        config,
      },
      { actorId: null, actorName: 'test', requestId: 'test' },
    );
    const row = await control.query.tenants.findFirst({ where: eq(tenants.slug, slug) });
    // The test tenants' password: copy a hash instead of hashing again.
    const [source] = await (await tenantDbOf('test-college'))
      .select()
      .from(users)
      .where(eq(users.username, 'role_admin'));
    await dbs
      .tenant(row?.dbUrl as string)
      .insert(users)
      .values({
        id: crypto.randomUUID(),
        username: 'role_admin',
        displayName: '管理员',
        role: 'admin',
        passwordHash: source?.passwordHash as string,
        updatedAt: new Date().toISOString(),
      });
    cookie = await signIn(slug, 'role_admin');
  });

  const survey = (changes: Record<string, unknown> = {}) => ({
    title: `满意度${Math.random().toString(36).slice(2, 8)}`,
    kind: 'satisfaction',
    questions: RATING_PRESET.questions,
    ...changes,
  });

  it('is what a survey without its own threshold gets; one that sets its own keeps it', async () => {
    const plain = await api(surveysPath(slug), { cookie, body: survey() });
    expect(plain.status).toBe(201);
    expect(plain.body.survey.minResponses).toBe(8);
    const own = await api(surveysPath(slug), { cookie, body: survey({ minResponses: 3 }) });
    expect(own.body.survey.minResponses).toBe(3);
    // The shared test tenants have no setting: 5, as before.
    const elsewhere = await api(surveysPath('test-college'), {
      cookie: await signIn('test-college', 'role_admin'),
      body: survey(),
    });
    expect(elsewhere.body.survey.minResponses).toBe(5);
  });
});
