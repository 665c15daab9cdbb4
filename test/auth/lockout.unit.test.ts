import { describe, expect, it } from 'vitest';
import {
  beijingTime,
  isLocked,
  LOCK_MINUTES,
  lockedMessage,
  MAX_FAILED_LOGINS,
} from '../../worker/auth/lockout';

const now = new Date('2026-11-22T06:00:00Z');

describe('lockout', () => {
  it('treats a lock as in force until its time has passed', () => {
    const state = { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + LOCK_MINUTES * 60_000 + 1))).toBe(false);
    expect(isLocked({ failedLogins: MAX_FAILED_LOGINS - 1, lockedUntil: null }, now)).toBe(false);
  });

  it('tells the time in Beijing', () => {
    expect(beijingTime(new Date('2026-11-22T06:05:00Z'))).toBe('14:05');
    expect(lockedMessage(new Date('2026-11-22T06:05:00Z'))).toContain('北京时间 14:05');
  });
});
