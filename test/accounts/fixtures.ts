import { api, cookieFrom, signIn } from '../support/api';

export function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** A username no other test uses. */
export function uniqueUsername(prefix = 'acct'): string {
  return `${prefix}_${suffix()}${suffix()}`;
}

const cookies = new Map<string, Promise<string>>();

/** A session of the tenant's role_admin, signed in once per test file. */
export function adminCookie(tenant = 'test-county'): Promise<string> {
  let cookie = cookies.get(tenant);
  if (!cookie) {
    cookie = signIn(tenant, 'role_admin');
    cookies.set(tenant, cookie);
  }
  return cookie;
}

export interface NewUser {
  id: string;
  username: string;
  initialPassword: string;
}

/** Creates an account through the API (a viewer unless told otherwise). */
export async function createUser(
  tenant = 'test-county',
  fields: Record<string, unknown> = {},
): Promise<NewUser> {
  const username = uniqueUsername();
  const res = await api(`/api/t/${tenant}/users`, {
    cookie: await adminCookie(tenant),
    body: { username, displayName: `账号测试${suffix()}`, role: 'viewer', ...fields },
  });
  if (res.status !== 201) throw new Error(`create user: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    id: res.body.user.id,
    username: res.body.user.username,
    initialPassword: res.body.initialPassword,
  };
}

/** Only the id, for the security suite's path params. */
export async function newUserId(tenant = 'test-county'): Promise<string> {
  return (await createUser(tenant)).id;
}

/** Signs a new account in with its one-time password and sets a permanent one; returns the session. */
export async function activate(tenant: string, username: string, initialPassword: string): Promise<string> {
  const login = await api(`/api/t/${tenant}/auth/login`, { body: { username, password: initialPassword } });
  const cookie = cookieFrom(login);
  const changed = await api(`/api/t/${tenant}/auth/password`, {
    cookie,
    body: { currentPassword: initialPassword, newPassword: `Perm-${suffix()}-2026` },
  });
  if (changed.status !== 200) throw new Error(`password change: ${changed.status}`);
  return cookie;
}
