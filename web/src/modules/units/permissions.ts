import type { Role } from '../../api';

/** Who may create, edit and archive units and zones (units.manage on the server). */
export function canManageUnits(role: Role): boolean {
  return role === 'admin' || role === 'director';
}
