import type { Role } from '../../api';

/** Who builds surveys, makes links and reviews text answers (surveys.manage / surveys.review). */
export function canManageSurveys(role: Role): boolean {
  return role === 'admin' || role === 'director' || role === 'inspector';
}
