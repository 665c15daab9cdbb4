// Small readers of the tenant config. The schema's own helpers live next to valibot, which the web app
// must not bundle, so the few it needs are repeated here over the types only.
import type { ModuleKey, TenantConfig } from './api';

const MODULE_ORDER: ModuleKey[] = ['teaching', 'study', 'management', 'safety'];

export function enabledModulesOf(config: TenantConfig): ModuleKey[] {
  return MODULE_ORDER.filter((key) => config.modules[key]);
}

export function themeOf(config: TenantConfig, month: number): string | undefined {
  for (const t of config.themeCalendar) if (t.month === month) return t.theme;
  return undefined;
}
