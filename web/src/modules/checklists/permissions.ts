import { useParams } from '@solidjs/router';
import type { ModuleKey, Role } from '../../api';

/** Who may create, copy, edit, archive and restore templates (checklists.manage on the server). */
export function canManage(role: Role): boolean {
  return role === 'admin' || role === 'director';
}

/** The module of the page's path; the route only matches the four module keys. */
export function useModule(): () => ModuleKey {
  const params = useParams();
  return () => params.module as ModuleKey;
}

/** A path of the module's template pages: templatesHref('x', 'safety', '/42') → /t/x/safety/templates/42. */
export function templatesHref(slug: string, module: ModuleKey, rest = ''): string {
  return `/t/${slug}/${module}/templates${rest}`;
}
