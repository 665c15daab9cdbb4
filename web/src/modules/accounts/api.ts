// Calls and types of the account pages. Only types are shared with the server, never code.
import { type Paged, query, type Role, request, t } from '../../api';

export const ROLES: Role[] = ['admin', 'director', 'inspector', 'unit_manager', 'teacher', 'viewer'];
/** Roles whose account must name a unit (the server checks again). */
export const UNIT_ROLES: Role[] = ['unit_manager', 'teacher'];

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  unit: { id: string; name: string } | null;
  phone: string | null;
  /** Key of the tenant's observation quota role (听课类别), if any. */
  quotaRole: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccountQuery {
  q?: string;
  role?: string;
  status?: string;
  unitId?: string;
  page?: number;
  pageSize?: number;
}

export interface AccountForm {
  username: string;
  displayName: string;
  role: string;
  unitId: string;
  phone: string;
  quotaRole: string;
}

/** An answer that carries a one-time password: shown once, never fetched again. */
export interface WithPassword {
  user: Account;
  initialPassword: string;
}

const path = (slug: string, rest = '') => t(slug, `users${rest}`);
const one = (id: string, rest = '') => `/${encodeURIComponent(id)}${rest}`;

export const accountsApi = {
  list: (slug: string, q: AccountQuery) => request<Paged<Account>>('GET', path(slug) + query({ ...q })),
  get: (slug: string, id: string) => request<{ user: Account }>('GET', path(slug, one(id))),
  create: (slug: string, form: AccountForm) =>
    request<WithPassword>('POST', path(slug), {
      ...form,
      unitId: form.unitId || null,
      quotaRole: form.quotaRole || null,
    }),
  update: (slug: string, id: string, form: Omit<AccountForm, 'username'>) =>
    request<{ user: Account }>('PATCH', path(slug, one(id)), {
      ...form,
      unitId: form.unitId || null,
      quotaRole: form.quotaRole || null,
    }),
  disable: (slug: string, id: string) => request<{ user: Account }>('POST', path(slug, one(id, '/disable'))),
  enable: (slug: string, id: string) => request<{ user: Account }>('POST', path(slug, one(id, '/enable'))),
  resetPassword: (slug: string, id: string) =>
    request<WithPassword>('POST', path(slug, one(id, '/reset-password'))),
};
