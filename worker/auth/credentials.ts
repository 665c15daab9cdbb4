import type { Client } from '@libsql/client';
import { AppError } from '../errors';
import { recordFailedLogin, recordUnknownLogin } from './failed-login';
import { isLocked, LOCK_MINUTES, type LockState, lockedMessage, MAX_FAILED_LOGINS } from './lockout';
import { burnPasswordCheck, verifyPassword } from './password';

const WRONG_PASSWORD = `用户名或密码错误。连续输错 ${MAX_FAILED_LOGINS} 次，账号将被锁定 ${LOCK_MINUTES} 分钟。`;

export interface Credentials extends LockState {
  id: string;
  passwordHash: string;
  status: 'active' | 'disabled';
}

/**
 * The password check shared by tenant and platform sign-in. A wrong password is counted (and may
 * lock the account), a guess at an unknown username is audited; both answers read the same, so a
 * caller cannot tell which usernames exist.
 */
export async function checkCredentials<U extends Credentials>(options: {
  account: U | undefined;
  password: string;
  now: Date;
  /** Where failures are recorded: the tenant's or the control plane's database. */
  ledger: { client: Client; target: 'tenant' | 'platform'; requestId: string; clientIp: string | null };
  username: string;
}): Promise<U> {
  const { account, password, now, ledger } = options;
  const audit = { requestId: ledger.requestId, clientIp: ledger.clientIp, username: options.username };
  if (!account) {
    await burnPasswordCheck(password);
    await recordUnknownLogin(ledger.client, ledger.target, now, audit);
    throw new AppError('INVALID_CREDENTIALS', WRONG_PASSWORD);
  }
  if (isLocked(account, now) && account.lockedUntil) {
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(account.lockedUntil), {
      lockedUntil: account.lockedUntil.toISOString(),
    });
  }
  if (!(await verifyPassword(password, account.passwordHash))) {
    const next = await recordFailedLogin(ledger.client, ledger.target, account.id, now, audit);
    if (next.lockedUntil) {
      throw new AppError('ACCOUNT_LOCKED', lockedMessage(next.lockedUntil), {
        lockedUntil: next.lockedUntil.toISOString(),
      });
    }
    throw new AppError('INVALID_CREDENTIALS', WRONG_PASSWORD);
  }
  if (account.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  return account;
}
