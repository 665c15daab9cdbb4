import { localDatabases, prepareControlPlane } from '../../db/local/connections';
import type { LocalSqldAddress } from '../../db/local/fetch';
import { ensurePlatformAccount } from '../platform-accounts';
import { provisionTenant, type Who } from '../provisioning/provision';
import { seedDemoContent } from './seed';
import type { DemoTenant } from './types';

export const DEMO_PLATFORM_ACCOUNTS = [
  { username: 'province', displayName: '省教育督导室', role: 'province' as const },
  { username: 'operator', displayName: '平台运营', role: 'operator' as const },
];

const SEED_WHO: Who = { actorId: null, actorName: '演示数据', requestId: 'demo-seed' };

/**
 * Local only: the control plane, the provincial and operator accounts, and the given demo
 * tenants with their content. Everything is skipped when it already exists.
 */
export async function provisionDemo(
  sqld: LocalSqldAddress,
  tenants: DemoTenant[],
  password: string,
  /** This school year's visits and findings as well (`npm start`; tests and benches keep theirs empty). */
  options: { history?: boolean } = {},
): Promise<{ seededTenants: string[] }> {
  const control = await prepareControlPlane(sqld);
  const dbs = localDatabases(sqld);
  for (const account of DEMO_PLATFORM_ACCOUNTS) {
    await ensurePlatformAccount(control, { ...account, password }, SEED_WHO);
  }
  const seededTenants: string[] = [];
  for (const demo of tenants) {
    const row = await provisionTenant(
      { control, provider: dbs.provider, openTenant: dbs.tenant },
      {
        slug: demo.slug,
        name: demo.name,
        kind: demo.kind,
        regionCode: demo.regionCode,
        province: demo.province,
        city: demo.city,
        config: demo.config,
      },
      SEED_WHO,
    );
    const { seeded } = await seedDemoContent(
      dbs.tenant(row.dbUrl),
      row.dbUrl,
      demo,
      password,
      SEED_WHO,
      options,
    );
    if (seeded) seededTenants.push(demo.slug);
  }
  return { seededTenants };
}
