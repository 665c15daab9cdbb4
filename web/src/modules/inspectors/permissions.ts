import type { Role } from '../../api';

/** Who may create, edit, archive and assign inspectors (inspectors.manage on the server). */
export function canManage(role: Role): boolean {
  return role === 'admin' || role === 'director';
}
