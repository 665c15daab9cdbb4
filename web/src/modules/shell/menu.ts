import type { ModuleKey, Role, TenantConfig } from '../../api';
import { texts } from '../../texts';

export interface MenuEntry {
  /** Path below /t/:tenant/ ('' is the tenant's home). */
  path: string;
  label: (config: TenantConfig) => string;
  roles: Role[] | 'all';
  /** Shown only when the tenant has this module turned on. */
  module?: ModuleKey;
  /** Shown only when the tenant's setup calls for it. */
  when?: (config: TenantConfig) => boolean;
}

/** Unit-kind stages of compulsory schools: a tenant with any of them monitors balanced development. */
const SCHOOL_STAGES = [
  'primary',
  'junior',
  'nine_year',
  'complete_secondary',
  'twelve_year',
  'teaching_point',
];
const hasSchools = (c: TenantConfig) => c.unitKinds.some((k) => SCHOOL_STAGES.indexOf(k.stage) >= 0);

const READ_ROLES: Role[] = ['admin', 'director', 'inspector', 'viewer'];

/** Each supervision module's checklist templates (督管理检查表…), shown when the module is on. */
const checklistEntries: MenuEntry[] = (['teaching', 'study', 'management', 'safety'] as const).map(
  (module) => ({
    path: `${module}/templates`,
    label: () => texts.shell.checklists(texts.modules[module]),
    roles: READ_ROLES,
    module,
  }),
);

/** Each supervision module's findings and rectification (督安全问题整改), for the office. */
const findingEntries: MenuEntry[] = (['teaching', 'study', 'management', 'safety'] as const).map(
  (module) => ({
    path: `${module}/findings`,
    label: () => texts.shell.findings(texts.modules[module]),
    roles: READ_ROLES,
    module,
  }),
);

/** Each supervision module's visit plans (督安全计划), for the office. */
const planEntries: MenuEntry[] = (['teaching', 'study', 'management', 'safety'] as const).map((module) => ({
  path: `${module}/plans`,
  label: () => texts.shell.plans(texts.modules[module]),
  roles: READ_ROLES,
  module,
}));

/** Each supervision module's visits (督安全督导记录) and the phone's outbox, for the office. */
const visitEntries: MenuEntry[] = (['teaching', 'study', 'management', 'safety'] as const).map((module) => ({
  path: `${module}/visits`,
  label: () => texts.shell.visits(texts.modules[module]),
  roles: READ_ROLES,
  module,
}));

// Only pages that exist are listed; a module's pages join this list when they are built.
export const MENU: MenuEntry[] = [
  { path: '', label: () => texts.shell.home, roles: 'all' },
  { path: 'dashboard', label: () => texts.shell.dashboard, roles: READ_ROLES },
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
  ...checklistEntries,
  ...planEntries,
  ...visitEntries,
  ...findingEntries,
  // Every role reads lesson observations: the office all, a unit head their unit's, a teacher their own.
  { path: 'teaching/observations', label: () => texts.shell.observations, roles: 'all', module: 'teaching' },
  // The office's rubrics: admin and director edit them, the rest of the office reads.
  { path: 'teaching/rubrics', label: () => texts.shell.rubrics, roles: READ_ROLES, module: 'teaching' },
  // Surveys and 评教: the office builds them; a unit head reads their unit's, a teacher 评教 about them.
  {
    path: 'teaching/surveys',
    label: () => texts.shell.surveys,
    roles: ['admin', 'director', 'inspector', 'unit_manager', 'teacher'],
    module: 'teaching',
  },
  {
    path: 'teaching/priority-teachers',
    label: () => texts.shell.priorityTeachers,
    roles: ['admin', 'director', 'inspector', 'unit_manager'],
    module: 'teaching',
  },
  // Five-link checks: the office all, a unit head their unit's, a teacher their own row.
  { path: 'teaching/checks', label: () => texts.shell.teachingChecks, roles: 'all', module: 'teaching' },
  // The office reads everyone's quota progress, a unit head their unit's; a teacher sees their own on 听课记录.
  {
    path: 'teaching/compliance',
    label: () => texts.shell.compliance,
    roles: [...READ_ROLES, 'unit_manager'],
    module: 'teaching',
  },
  { path: 'my-findings', label: () => texts.shell.myFindings, roles: ['unit_manager'] },
  { path: 'hazards', label: () => texts.shell.hazards, roles: READ_ROLES, module: 'safety' },
  { path: 'overdue', label: () => texts.shell.overdue, roles: READ_ROLES },
  // Rounds: the office all, a review team member theirs, a unit manager those of their unit.
  { path: 'evaluation/rounds', label: () => texts.shell.rounds, roles: [...READ_ROLES, 'unit_manager'] },
  { path: 'evaluation/schemes', label: () => texts.shell.schemes, roles: READ_ROLES },
  { path: 'balance', label: () => texts.shell.balance, roles: READ_ROLES, when: hasSchools },
  // Development-plan targets: a unit head keeps their unit's, the office reads and edits any.
  { path: 'targets', label: () => texts.shell.targets, roles: [...READ_ROLES, 'unit_manager'] },
  { path: 'notifications', label: () => texts.shell.notifications, roles: 'all' },
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
  if (entry.when && !entry.when(config)) return false;
  return entry.module === undefined || config.modules[entry.module];
}

export function visibleMenu(role: Role, config: TenantConfig): MenuEntry[] {
  return MENU.filter((entry) => isAllowed(entry, role, config));
}

/**
 * The entry a path below /t/:tenant/ belongs to: the longest entry path it starts with, e.g.
 * 'units/42' → units, 'safety/templates/7/edit' → safety/templates; '' is home.
 */
export function entryFor(subpath: string): MenuEntry | undefined {
  const path = subpath.replace(/^\/+|\/+$/g, '');
  let found: MenuEntry | undefined;
  for (const entry of MENU) {
    const match = entry.path === path || (entry.path !== '' && path.indexOf(`${entry.path}/`) === 0);
    if (match && (!found || entry.path.length > found.path.length)) found = entry;
  }
  return found;
}
