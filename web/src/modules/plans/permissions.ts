import { useParams } from '@solidjs/router';
import type { ModuleKey, Role } from '../../api';

/** Who may create and cancel plans and edit the monthly themes (plans.manage on the server). */
export function canManagePlans(role: Role): boolean {
  return role === 'admin' || role === 'director';
}

/** Who sees plans and the calendar's plan items (plans.read on the server). */
export function canReadPlans(role: Role): boolean {
  return role === 'admin' || role === 'director' || role === 'inspector' || role === 'viewer';
}

/** Who may start a visit from a plan item (visits.record on the server). */
export function canRecordVisits(role: Role): boolean {
  return role === 'admin' || role === 'director' || role === 'inspector';
}

/** The module of the page's path; the route only matches the four module keys. */
export function useModule(): () => ModuleKey {
  const params = useParams();
  return () => params.module as ModuleKey;
}

/** A path of the module's plan pages: plansHref('x', 'safety', '/42') → /t/x/safety/plans/42. */
export function plansHref(slug: string, module: ModuleKey, rest = ''): string {
  return `/t/${slug}/${module}/plans${rest}`;
}

/** What a plan gives the visits it schedules. */
export interface VisitStart {
  visitKind: string;
  theme: string | null;
  templateId: string | null;
}

/** The visit form, opened for one plan item: the unit, and the plan's kind, theme and checklist. */
export function newVisitHref(slug: string, module: ModuleKey, unitId: string, plan: VisitStart): string {
  const q = new URLSearchParams({ unitId, kind: plan.visitKind });
  if (plan.theme) q.set('theme', plan.theme);
  if (plan.templateId) q.set('templateId', plan.templateId);
  return `/t/${slug}/${module}/visits/new?${q}`;
}

/** The record of a visit that fulfilled a plan item. */
export function visitHref(slug: string, module: ModuleKey, visitId: string): string {
  return `/t/${slug}/${module}/visits/${encodeURIComponent(visitId)}`;
}
