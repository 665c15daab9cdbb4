import type { Role } from '../../api';

/** Who may import schemes and their new versions: the server's `evaluation.manage`. */
export const canManageSchemes = (role: Role) => role === 'admin' || role === 'director';
