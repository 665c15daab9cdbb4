import { describe, expect, it } from 'vitest';
import { newSessionToken, scopeOf, sessionIdOf } from '../../worker/auth/session-token';

describe('session tokens', () => {
  it('carry their scope and 160 random bits', () => {
    const token = newSessionToken('demo-county');
    expect(scopeOf(token)).toBe('demo-county');
    expect(token).toMatch(/^demo-county\.[a-z2-7]{32}$/);
    expect(newSessionToken('x')).not.toBe(newSessionToken('x'));
  });

  it('are stored as a SHA-256 that differs from the token', () => {
    const token = newSessionToken('t');
    expect(sessionIdOf(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdOf(token)).not.toContain(token.split('.')[1]);
  });

  it('have no scope when malformed', () => {
    expect(scopeOf('garbage')).toBeNull();
    expect(scopeOf('.abc')).toBeNull();
    expect(scopeOf(`a.${'x'.repeat(300)}`)).toBeNull();
  });
});
