import { AppError } from '../errors';
import { isLocked, LOCK_MINUTES, type LockState, lockedMessage, MAX_FAILED_LOGINS } from './lockout';
import { burnPasswordCheck, verifyPassword } from './password';

const WRONG_PASSWORD = `用户名或密码错误。连续输错 ${MAX_FAILED_LOGINS} 次，账号将被锁定 ${LOCK_MINUTES} 分钟。`;

export interface Credentials extends LockState {
  id: string;
  passwordHash: string;
  status: 'active' | 'disabled';
}

/**
 * The password check shared by tenant and platform sign-in. `recordFailure` counts a wrong
 * password and returns the account's new lock state (recordFailedLogin); `recordUnknown` audits
 * a guess at a username that does not exist. Both answers read the same, so a caller cannot
 * tell which usernames exist.
 */
export async function checkCredentials<U extends Credentials>(options: {
  account: U | undefined;
  password: string;
  now: Date;
  recordFailure: (account: U) => Promise<LockState>;
  recordUnknown: () => Promise<void>;
}): Promise<U> {
  const { account, password, now } = options;
  if (!account) {
    await burnPasswordCheck(password);
    await options.recordUnknown();
    throw new AppError('INVALID_CREDENTIALS', WRONG_PASSWORD);
  }
  if (isLocked(account, now) && account.lockedUntil) {
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(account.lockedUntil), {
      lockedUntil: account.lockedUntil.toISOString(),
    });
  }
  if (!(await verifyPassword(password, account.passwordHash))) {
    const next = await options.recordFailure(account);
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
