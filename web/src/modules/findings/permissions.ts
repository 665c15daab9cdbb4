import { useParams } from '@solidjs/router';
import type { ModuleKey, Role } from '../../api';

/** Who may create findings, issue notices, re-check and close or send back (findings.manage). */
export function canManage(role: Role): boolean {
  return role === 'admin' || role === 'director' || role === 'inspector';
}

/** The module of the page's path; the route only matches the four module keys. */
export function useModule(): () => ModuleKey {
  const params = useParams();
  return () => params.module as ModuleKey;
}

/** An office page of a module's findings: findingsHref('x', 'safety', '/42') → /t/x/safety/findings/42. */
export function findingsHref(slug: string, module: ModuleKey, rest = ''): string {
  return `/t/${slug}/${module}/findings${rest}`;
}

/** A unit manager's page of one finding. */
export function myFindingHref(slug: string, module: ModuleKey, id: string): string {
  return `/t/${slug}/my-findings/${module}/${encodeURIComponent(id)}`;
}
