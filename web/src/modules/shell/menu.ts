import type { ModuleKey, Role, TenantConfig } from '../../api';
import { texts } from '../../texts';

export interface MenuEntry {
  /** Path below /t/:tenant/ ('' is the tenant's home). */
  path: string;
  label: (config: TenantConfig) => string;
  roles: Role[] | 'all';
  /** Shown only when the tenant has this module turned on. */
  module?: ModuleKey;
}

// Only pages that exist are listed; a module's pages join this list when they are built.
export const MENU: MenuEntry[] = [
  { path: '', label: () => texts.shell.home, roles: 'all' },
  {
    path: 'units',
    label: (c) => texts.shell.unitList(c.vocabulary.unit),
    roles: ['admin', 'director', 'inspector', 'viewer'],
  },
  {
    path: 'zones',
    label: (c) => texts.shell.zones(c.vocabulary.zone),
    roles: ['admin', 'director', 'inspector', 'viewer'],
  },
  {
    path: 'inspectors',
    label: (c) => texts.shell.inspectors(c.vocabulary.inspector),
    roles: ['admin', 'director', 'inspector', 'viewer'],
  },
  {
    path: 'complaints',
    label: () => texts.shell.complaints,
    roles: ['admin', 'director', 'inspector'],
  },
  { path: 'imports', label: () => texts.shell.imports, roles: ['admin', 'director'] },
  { path: 'suggestions', label: () => texts.shell.suggestions, roles: 'all' },
  { path: 'calendar', label: () => texts.shell.calendar, roles: 'all' },
  { path: 'accounts', label: () => texts.shell.accounts, roles: ['admin'] },
  { path: 'audit', label: () => texts.shell.audit, roles: ['admin'] },
  { path: 'settings', label: () => texts.shell.settings, roles: ['admin'] },
];

export function isAllowed(entry: MenuEntry, role: Role, config: TenantConfig): boolean {
  if (entry.roles !== 'all' && entry.roles.indexOf(role) < 0) return false;
  return entry.module === undefined || config.modules[entry.module];
}

export function visibleMenu(role: Role, config: TenantConfig): MenuEntry[] {
  return MENU.filter((entry) => isAllowed(entry, role, config));
}

/** The entry a path below /t/:tenant/ belongs to, e.g. 'units' or 'units/42' → the units entry. */
export function entryFor(subpath: string): MenuEntry | undefined {
  const first = subpath.replace(/^\/+/, '').split('/')[0] ?? '';
  return MENU.find((entry) => entry.path === first);
}
