import { TENANT_ROLES, type TenantRole } from '../../db/schema/tenant';
import type { Actor, PlatformActor, PlatformRole } from '../context';
import { AppError } from '../errors';

/** Which tenant roles may do what. A route declares its permission; the service verb checks it again. */
export const TENANT_PERMISSIONS = {
  'config.read': TENANT_ROLES,
  'units.read': ['admin', 'director', 'inspector', 'viewer'],
  /** Create, edit, archive units and zones; assign units to zones. */
  'units.manage': ['admin', 'director'],
  'inspectors.read': ['admin', 'director', 'inspector', 'viewer'],
  /** Create, edit, archive inspectors; their photos and assignments. */
  'inspectors.manage': ['admin', 'director'],
  'users.read': ['admin'],
  /** Create, disable, change role or unit, reset password. */
  'users.manage': ['admin'],
  /** Office side of public complaints; inspectors see only those assigned to them. */
  'complaints.read': ['admin', 'director', 'inspector'],
  'complaints.handle': ['admin', 'director', 'inspector'],
  'complaints.assign': ['admin', 'director'],
  /** Any staff member may send a suggestion (督导室发现日) and read their own. */
  'suggestions.submit': TENANT_ROLES,
  'suggestions.triage': ['admin', 'director'],
  /** Answering a forwarded suggestion: the unit's manager (for their unit) or the office. */
  'suggestions.answer': ['admin', 'director', 'unit_manager'],
  'audit.read': ['admin'],
  /** Checklist templates (检查表) of the modules the tenant has on. */
  'checklists.read': ['admin', 'director', 'inspector', 'viewer'],
  /** Create, copy, edit (a new version), archive and restore checklist templates. */
  'checklists.manage': ['admin', 'director'],
  /** Supervision visits (督导记录) and their evidence photos. */
  'visits.read': ['admin', 'director', 'inspector', 'viewer'],
  'visits.record': ['admin', 'director', 'inspector'],
  /** Findings and rectification; a unit manager reads only their own unit's issued findings. */
  'findings.read': ['admin', 'director', 'inspector', 'viewer', 'unit_manager'],
  /** Create, issue the 整改通知单, re-check and close (销号) or send back. */
  'findings.manage': ['admin', 'director', 'inspector'],
  /** The unit's rectification report, with evidence. */
  'findings.report': ['unit_manager'],
  /** Plans, the monthly theme calendar. */
  'plans.read': ['admin', 'director', 'inspector', 'viewer'],
  'plans.manage': ['admin', 'director'],
  /** The office dashboard and the hazard register. */
  'dashboard.read': ['admin', 'director', 'inspector', 'viewer'],
  /**
   * Lesson observations (听课记录) and their rubrics. Every role reads, but only what it may see:
   * `observations.read_all` sees every record, a unit manager their unit's, a teacher those about
   * or by them. In a college every teacher has an observation quota; in a county inspectors observe.
   */
  'observations.read': TENANT_ROLES,
  'observations.read_all': ['admin', 'director', 'inspector', 'viewer'],
  'observations.record': ['admin', 'director', 'inspector', 'unit_manager', 'teacher'],
  /** The observed teacher acknowledges (and may reply to) a record about them; unit heads teach too. */
  'observations.acknowledge': ['teacher', 'unit_manager'],
  /** Create, copy, edit (a new version), archive and restore the office's rubrics (评课标准). */
  'observations.rubrics_manage': ['admin', 'director'],
  /** Evaluation schemes (评估指标体系): the office reads and edits them; rounds use their versions. */
  'evaluation.read': ['admin', 'director', 'inspector', 'viewer'],
  'evaluation.manage': ['admin', 'director'],
  /**
   * Evaluation rounds: the office creates them (`evaluation.manage`) and reads all (`evaluation.read`);
   * a unit manager self-evaluates their own unit and replies (申辩); reviewers must also be on the
   * round's team.
   */
  'evaluation.self': ['unit_manager'],
  'evaluation.review': ['admin', 'director', 'inspector'],
  /** Developmental targets (发展规划年度目标): a unit manager keeps their unit's, the office reads all. */
  'targets.read': ['admin', 'director', 'inspector', 'viewer', 'unit_manager'],
  'targets.manage': ['admin', 'director', 'unit_manager'],
  /**
   * Surveys and student ratings of teaching (问卷/评教): the office builds them and reviews free-text
   * answers; a unit manager reads those of their unit, a teacher only 评教 about themselves.
   */
  'surveys.read': ['admin', 'director', 'inspector', 'unit_manager', 'teacher'],
  'surveys.manage': ['admin', 'director', 'inspector'],
  'surveys.review': ['admin', 'director', 'inspector'],
  /** Priority teachers (重点关注教师): the office flags and clears; a unit manager reads their unit's. */
  'priority_teachers.read': ['admin', 'director', 'inspector', 'unit_manager'],
  'priority_teachers.manage': ['admin', 'director', 'inspector'],
  /**
   * Five-link checks (教学五环节). Readers see what their scope allows: a unit manager their unit's,
   * a teacher their own. A unit manager records for their own unit's teachers only; a recorder
   * edits their own records, a director or admin anyone's.
   */
  'teaching_checks.read': ['admin', 'director', 'inspector', 'viewer', 'unit_manager', 'teacher'],
  'teaching_checks.record': ['admin', 'director', 'inspector', 'unit_manager'],
  'teaching_checks.edit_any': ['admin', 'director'],
  /** A teacher's semester summary (教师学期督教档案): the teacher, their unit manager, the office; 404 for the rest. */
  'teacher_summary.read': TENANT_ROLES,
  /** Balanced-development monitoring (差异系数): school figures per school year and the coefficients. */
  'balance.read': ['admin', 'director', 'inspector', 'viewer'],
  'balance.edit': ['admin', 'director'],
  /**
   * Observation quotas (听课任务完成情况): the office reads everyone, a unit manager their unit and
   * its groups; a teacher sees only their own progress (through observations.read).
   */
  'compliance.read': ['admin', 'director', 'inspector', 'viewer', 'unit_manager'],
  /** Remind those behind; a unit manager reminds their own unit's. */
  'compliance.remind': ['admin', 'director', 'unit_manager'],
  /** Everyone reads and marks their own notifications. */
  'notifications.read': TENANT_ROLES,
} as const satisfies Record<string, readonly TenantRole[]>;

export type TenantPermission = keyof typeof TENANT_PERMISSIONS;

export const PLATFORM_PERMISSIONS = {
  'tenants.read': ['province', 'operator'],
  'tenants.manage': ['operator'],
  'signups.review': ['operator'],
} as const satisfies Record<string, readonly PlatformRole[]>;

export type PlatformPermission = keyof typeof PLATFORM_PERMISSIONS;

export function can(actor: Actor, permission: TenantPermission): boolean {
  return (TENANT_PERMISSIONS[permission] as readonly TenantRole[]).includes(actor.role);
}

/** What a user holding a one-time password may still do: the shell needs its config to show the change form. */
const BEFORE_PASSWORD_CHANGE: ReadonlySet<TenantPermission> = new Set(['config.read']);

export function authorize(actor: Actor, permission: TenantPermission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
  if (actor.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(permission)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED');
  }
}

export function authorizePlatform(actor: PlatformActor, permission: PlatformPermission): void {
  if (!(PLATFORM_PERMISSIONS[permission] as readonly PlatformRole[]).includes(actor.role)) {
    throw new AppError('FORBIDDEN');
  }
}
