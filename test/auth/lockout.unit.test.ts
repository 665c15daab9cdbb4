import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  beijingTime,
  isLocked,
  LOCK_MINUTES,
  lockedMessage,
  MAX_FAILED_LOGINS,
} from '../../worker/auth/lockout';

const now = new Date('2026-11-22T06:00:00Z');

describe('lockout', () => {
  it('locks after the fifth consecutive failure, for LOCK_MINUTES', () => {
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      state = afterFailure(state, now);
      expect(state).toEqual({ failedLogins: i, lockedUntil: null });
    }
    state = afterFailure(state, now);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_MINUTES * 60_000);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + LOCK_MINUTES * 60_000 + 1))).toBe(false);
  });

  it('starts counting again after a lock has expired', () => {
    const expired = { failedLogins: 0, lockedUntil: new Date(now.getTime() - 1000) };
    expect(afterFailure(expired, now)).toEqual({ failedLogins: 1, lockedUntil: null });
  });

  it('tells the time in Beijing', () => {
    expect(beijingTime(new Date('2026-11-22T06:05:00Z'))).toBe('14:05');
    expect(lockedMessage(new Date('2026-11-22T06:05:00Z'))).toContain('北京时间 14:05');
  });
});
