import { AppError } from '../errors';
import { afterFailure, isLocked, type LockState, lockedMessage, MAX_FAILED_LOGINS } from './lockout';
import { burnPasswordCheck, verifyPassword } from './password';

export interface Credentials extends LockState {
  id: string;
  passwordHash: string;
  status: 'active' | 'disabled';
}

/**
 * The password check shared by tenant and platform sign-in. `recordFailure` persists the new
 * lock state together with its audit record; it gets `null` for an unknown username.
 */
export async function checkCredentials<U extends Credentials>(options: {
  account: U | undefined;
  password: string;
  now: Date;
  recordFailure: (account: U | null, next: LockState | null) => Promise<void>;
}): Promise<U> {
  const { account, password, now } = options;
  if (!account) {
    await burnPasswordCheck(password);
    await options.recordFailure(null, null);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (isLocked(account, now) && account.lockedUntil) {
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(account.lockedUntil), {
      lockedUntil: account.lockedUntil.toISOString(),
    });
  }
  if (!(await verifyPassword(password, account.passwordHash))) {
    const next = afterFailure(account, now);
    await options.recordFailure(account, next);
    if (next.lockedUntil) {
      throw new AppError('ACCOUNT_LOCKED', lockedMessage(next.lockedUntil), {
        lockedUntil: next.lockedUntil.toISOString(),
      });
    }
    const left = MAX_FAILED_LOGINS - next.failedLogins;
    throw new AppError('INVALID_CREDENTIALS', `用户名或密码错误。再输错 ${left} 次，账号将被临时锁定。`, {
      attemptsLeft: left,
    });
  }
  if (account.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  return account;
}
