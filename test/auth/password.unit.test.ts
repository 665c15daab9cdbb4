import { describe, expect, it } from 'vitest';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../../worker/auth/password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('督导-Secret-1');
    expect(hash.startsWith(`pbkdf2_sha256$${PBKDF2_ITERATIONS}$`)).toBe(true);
    expect(await verifyPassword('督导-Secret-1', hash)).toBe(true);
    expect(await verifyPassword('督导-Secret-2', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('normalises Unicode so full-width input typed on a phone still matches', async () => {
    const hash = await hashPassword('ＡＢＣ123');
    expect(await verifyPassword('ABC123', hash)).toBe(true);
  });

  it('stays within the 100,000-iteration cap of production Workers', () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
  });

  it('refuses malformed or over-cap stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'pbkdf2_sha256$abc$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'pbkdf2_sha256$1000000$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$10$AAAA$AAAA')).toBe(false);
  });
});
