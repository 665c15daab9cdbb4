import { DEMO_COLLEGE } from './college';
import { DEMO_COUNTY } from './county';
import { DEMO_DISTRICT } from './district';
import type { DemoTenant } from './types';

export type { DemoRole, DemoTenant, DemoUnit, DemoUser, DemoZone } from './types';

/** One demo tenant of each kind; pure data, inserted by the provisioning code. */
export const DEMO_TENANTS: DemoTenant[] = [DEMO_COUNTY, DEMO_DISTRICT, DEMO_COLLEGE];

export function demoTenant(slug: string): DemoTenant | undefined {
  return DEMO_TENANTS.find((t) => t.slug === slug);
}
