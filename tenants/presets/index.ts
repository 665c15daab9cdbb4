import * as v from 'valibot';
import type { TenantConfig, TenantKind } from '../config/schema';
import { TenantConfigSchema } from '../config/schema';
import { COLLEGE_PRESET } from './college';
import { COUNTY_PRESET } from './county';
import { DISTRICT_PRESET } from './district';

const PRESETS: Readonly<Record<TenantKind, TenantConfig>> = {
  county: COUNTY_PRESET,
  district: DISTRICT_PRESET,
  college: COLLEGE_PRESET,
};

/**
 * The starting config of a new tenant of this kind. A deep copy, so a caller that edits it
 * (provisioning, a settings form) never changes the preset the next tenant gets; parsed, so
 * a preset that drifts from the schema fails loudly at provisioning rather than in the app.
 */
export function presetFor(kind: TenantKind): TenantConfig {
  return v.parse(TenantConfigSchema, structuredClone(PRESETS[kind]));
}
