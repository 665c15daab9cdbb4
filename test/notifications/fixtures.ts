import { eq } from 'drizzle-orm';
import { notifications, users } from '../../db/schema/tenant';
import { createUser } from '../accounts/fixtures';
import { signIn, tenantDbOf } from '../support/api';

/** The id of a seeded user of a tenant. */
export async function userIdOf(username: string, tenant = 'test-county'): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${tenant}/${username}`);
  return row.id;
}

/** A new unread notification for `username`, written straight to the tenant database; its id. */
export async function notificationFor(
  username: string,
  tenant = 'test-county',
  fields: { title?: string; createdAt?: string; readAt?: string | null } = {},
): Promise<string> {
  const db = await tenantDbOf(tenant);
  const id = crypto.randomUUID();
  await db.insert(notifications).values({
    id,
    userId: await userIdOf(username, tenant),
    kind: 'test_notice',
    entityType: 'test',
    entityId: crypto.randomUUID(),
    title: fields.title ?? '测试消息',
    body: '测试正文',
    link: 'notifications',
    createdAt: fields.createdAt ?? new Date().toISOString(),
    readAt: fields.readAt ?? null,
  });
  return id;
}

/**
 * A new account of `role` that only this test uses (so no other test's notifications reach it),
 * past its first-login password change, and its session cookie.
 */
export async function freshUser(
  tenant = 'test-county',
  fields: Record<string, unknown> = {},
): Promise<{ id: string; username: string; cookie: string }> {
  const user = await createUser(tenant, fields);
  const db = await tenantDbOf(tenant);
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
  return {
    id: user.id,
    username: user.username,
    cookie: await signIn(tenant, user.username, user.initialPassword),
  };
}
