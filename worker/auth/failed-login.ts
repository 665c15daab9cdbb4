import type { Client } from '@libsql/client';
import { LOCK_MINUTES, type LockState, MAX_FAILED_LOGINS } from './lockout';

export interface FailedLoginAudit {
  requestId: string;
  username: string;
  clientIp: string | null;
}

/** The account and audit tables of each side; constants, never input. */
const TARGETS = {
  tenant: { accounts: 'users', audit: 'audit_log', entity: 'user', hasIpColumn: true },
  platform: {
    accounts: 'platform_accounts',
    audit: 'platform_audit_log',
    entity: 'platform_account',
    hasIpColumn: false,
  },
} as const;

/**
 * Counts one wrong password in the database itself, so parallel guesses cannot overwrite each
 * other's count, and writes the audit record in the same transaction. A lock still in force is
 * kept as it is (a guess that raced past the lock check does not reset it).
 */
export async function recordFailedLogin(
  client: Client,
  target: keyof typeof TARGETS,
  accountId: string,
  now: Date,
  audit: FailedLoginAudit,
): Promise<LockState> {
  const { accounts, audit: auditTable, entity, hasIpColumn } = TARGETS[target];
  const nowMs = now.getTime();
  const until = nowMs + LOCK_MINUTES * 60_000;
  const stillLocked = 'locked_until IS NOT NULL AND locked_until > ?1';
  const [updated] = await client.batch(
    [
      {
        sql: `UPDATE ${accounts} SET
          failed_logins = CASE WHEN ${stillLocked} THEN failed_logins
                               WHEN failed_logins + 1 >= ?2 THEN 0 ELSE failed_logins + 1 END,
          locked_until  = CASE WHEN ${stillLocked} THEN locked_until
                               WHEN failed_logins + 1 >= ?2 THEN ?3 ELSE NULL END
          WHERE id = ?4 RETURNING failed_logins, locked_until`,
        args: [nowMs, MAX_FAILED_LOGINS, until, accountId],
      },
      {
        sql: `INSERT INTO ${auditTable} (at, actor_id, actor_name, action, entity_type, entity_id, details, request_id${hasIpColumn ? ', ip' : ''})
          SELECT ?1, id, display_name,
                 CASE WHEN locked_until = ?2 THEN 'auth.locked' ELSE 'auth.login_failed' END,
                 ?3, id, ?4, ?5${hasIpColumn ? ', ?7' : ''} FROM ${accounts} WHERE id = ?6`,
        args: [
          now.toISOString(),
          until,
          entity,
          JSON.stringify({ username: audit.username }),
          audit.requestId,
          accountId,
          ...(hasIpColumn ? [audit.clientIp] : []),
        ],
      },
    ],
    'write',
  );
  const row = updated?.rows[0];
  const lockedUntil =
    row?.locked_until === null || row?.locked_until === undefined ? null : Number(row.locked_until);
  return {
    failedLogins: Number(row?.failed_logins ?? 0),
    lockedUntil: lockedUntil === null ? null : new Date(lockedUntil),
  };
}

/** A guess at a username that does not exist: audited, nothing to count. */
export async function recordUnknownLogin(
  client: Client,
  target: keyof typeof TARGETS,
  now: Date,
  audit: FailedLoginAudit,
): Promise<void> {
  const { audit: auditTable, entity, hasIpColumn: withIp } = TARGETS[target];
  await client.execute({
    sql: `INSERT INTO ${auditTable} (at, action, entity_type, details, request_id${withIp ? ', ip' : ''})
      VALUES (?, 'auth.login_failed', ?, ?, ?${withIp ? ', ?' : ''})`,
    args: [
      now.toISOString(),
      entity,
      JSON.stringify({ username: audit.username }),
      audit.requestId,
      ...(withIp ? [audit.clientIp] : []),
    ],
  });
}
