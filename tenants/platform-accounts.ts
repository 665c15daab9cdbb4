import { eq } from 'drizzle-orm';
import type { ControlDb } from '../db/client';
import { platformAccounts } from '../db/schema/control';
import { platformAudit } from '../worker/audit';
import { hashPassword } from '../worker/auth/password';
import type { Who } from './provisioning/provision';

export interface PlatformAccountInput {
  username: string;
  displayName: string;
  role: 'province' | 'operator';
  password: string;
  regionPrefix?: string;
}

/** Creates a provincial or operator account if it does not exist yet; an existing one is left as it is. */
export async function ensurePlatformAccount(
  control: ControlDb,
  input: PlatformAccountInput,
  who: Who,
): Promise<{ created: boolean }> {
  const existing = await control.query.platformAccounts.findFirst({
    where: eq(platformAccounts.username, input.username),
  });
  if (existing) return { created: false };
  const id = crypto.randomUUID();
  await control.batch([
    control.insert(platformAccounts).values({
      id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      regionPrefix: input.regionPrefix ?? '',
      passwordHash: await hashPassword(input.password),
      status: 'active',
    }),
    platformAudit(control, who, {
      action: 'platform_account.create',
      entityType: 'platform_account',
      entityId: id,
      details: { username: input.username, role: input.role },
    }),
  ]);
  return { created: true };
}
