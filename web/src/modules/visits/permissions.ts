import { useParams } from '@solidjs/router';
import type { ModuleKey, Role } from '../../api';

/** Who may record a visit (visits.record). */
export function canRecord(role: Role): boolean {
  return role === 'admin' || role === 'director' || role === 'inspector';
}

/** The module of the page's path; the route only matches the four module keys. */
export function useModule(): () => ModuleKey {
  const params = useParams();
  return () => params.module as ModuleKey;
}

/** A page of a module's visits: visitsHref('x', 'safety', '/42') → /t/x/safety/visits/42. */
export function visitsHref(slug: string, module: ModuleKey, rest = ''): string {
  return `/t/${slug}/${module}/visits${rest}`;
}
