import { TENANT_ROLES } from '../../db/schema/tenant';
import { demoTenant } from '../../tenants/demo';
import type { DemoTenant, DemoUser } from '../../tenants/demo/types';

export const TEST_PASSWORD = 'Test-password-2026';

/** One user per role, so the security suite can try every role on every endpoint. */
const roleUsers: DemoUser[] = TENANT_ROLES.map((role) => ({
  username: `role_${role}`,
  displayName: `测试${role}`,
  role,
  unitKey: null,
}));

/** Accounts that tests lock or otherwise change, so no other test depends on their state. */
const scratchUsers: DemoUser[] = [
  ...['lock_a', 'lock_b', 'lock_c', 'lock_d'].map((username) => ({
    username,
    displayName: `锁定测试${username}`,
    role: 'teacher' as const,
    unitKey: null,
  })),
  { username: 'pw_viewer', displayName: '改密测试', role: 'viewer', unitKey: null },
];

function testTenant(fromSlug: string, slug: string, edit: (t: DemoTenant) => void = () => {}): DemoTenant {
  const demo = demoTenant(fromSlug);
  if (!demo) throw new Error(`no demo tenant ${fromSlug}`);
  const copy: DemoTenant = structuredClone({ ...demo, slug, name: `测试${demo.name}` });
  // Unit-side roles belong to a real unit, as they do in an office: the first one that is not a group.
  const groups = new Set(copy.config.unitKinds.filter((k) => k.isGroup).map((k) => k.key));
  const homeUnit = copy.units.find((u) => !groups.has(u.kind))?.key ?? null;
  const unitSide = new Set(['unit_manager', 'teacher']);
  copy.users = [
    ...copy.users,
    ...roleUsers.map((u) => (unitSide.has(u.role) ? { ...u, unitKey: homeUnit } : u)),
    ...scratchUsers,
  ];
  edit(copy);
  return copy;
}

/** Two tenants of different kinds. The county has the study module off, to test MODULE_DISABLED. */
export const TEST_TENANTS: DemoTenant[] = [
  testTenant('demo-county', 'test-county', (t) => {
    t.config.modules.study = false;
    t.regionCode = '340622';
  }),
  testTenant('demo-college', 'test-college', (t) => {
    t.regionCode = '320505';
    t.province = '江苏省';
    t.city = '苏州市';
  }),
];
