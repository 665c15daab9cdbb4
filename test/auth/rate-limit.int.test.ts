import { describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../worker/middleware/rate-limit';
import { consumeRateLimits } from '../../worker/rate-limit';
import { api, databases, expectErrorShape, randomClientIp, tenantDbOf } from '../support/api';

/** A fresh client address per test, so no counter is shared with another test. */
function address() {
  return randomClientIp();
}

describe('rate limits', () => {
  it('count parallel attempts exactly: 25 at once against a limit of 10 let 10 through', async () => {
    const db = await tenantDbOf('test-county');
    const key = `test:${crypto.randomUUID()}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => consumeRateLimits(db.$client, [{ key, limit: 10, windowMs: 60_000 }])),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
  });

  it('slide: a burst across a window boundary is still one window’s worth, and the past fades', async () => {
    const db = await tenantDbOf('test-county');
    const t0 = 1_800_000_000_000; // a whole number of minutes
    const burst = { key: `test:${crypto.randomUUID()}`, limit: 2, windowMs: 60_000 };
    await consumeRateLimits(db.$client, [burst], t0 + 59_000);
    await consumeRateLimits(db.$client, [burst], t0 + 59_500);
    // Just past the boundary the last minute still holds two attempts.
    await expect(consumeRateLimits(db.$client, [burst], t0 + 60_001)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });

    const fading = { key: `test:${crypto.randomUUID()}`, limit: 2, windowMs: 60_000 };
    await consumeRateLimits(db.$client, [fading], t0);
    await consumeRateLimits(db.$client, [fading], t0 + 1);
    await expect(consumeRateLimits(db.$client, [fading], t0 + 2)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    // Three attempts in the first minute weigh 3 × (1 − 45/60) = 0.75 at 1:45: one more fits.
    await expect(consumeRateLimits(db.$client, [fading], t0 + 105_000)).resolves.toBeUndefined();
  });

  it('stop a sixth sign-up application from one address within the hour, with Retry-After', async () => {
    const ip = address();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await api('/api/signup', { body: {}, headers: { 'cf-connecting-ip': ip } });
      statuses.push(res.status);
      if (i === 5) {
        expectErrorShape(res, 429, 'RATE_LIMITED');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    // The first five reach validation (an empty form is a 422); the sixth is refused before it.
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
  });

  it('stop one address from trying account after account on a tenant, without locking anyone', async () => {
    const ip = address();
    const [limit] = LOGIN_LIMITS[0];
    for (let i = 0; i < limit; i++) {
      const res = await api('/api/t/test-college/auth/login', {
        body: { username: `nobody${i}`, password: 'wrong-password-1' },
        headers: { 'cf-connecting-ip': ip },
      });
      expect(res.status).toBe(401);
    }
    const refused = await api('/api/t/test-college/auth/login', {
      body: { username: 'role_viewer', password: 'wrong-password-1' },
      headers: { 'cf-connecting-ip': ip },
    });
    expectErrorShape(refused, 429, 'RATE_LIMITED');
    // Another address is not affected.
    const other = await api('/api/t/test-college/auth/login', {
      body: { username: 'nobody', password: 'wrong-password-1' },
      headers: { 'cf-connecting-ip': address() },
    });
    expect(other.status).toBe(401);
  });

  it('keeps its counters in the control plane for platform sign-in', async () => {
    const ip = address();
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const res = await api('/api/province/auth/login', {
        body: { username: `nobody${i}`, password: 'wrong-password-1' },
        headers: { 'cf-connecting-ip': ip },
      });
      last = res.status;
    }
    expect(last).toBe(429);
    const rows = await databases()
      .control()
      .$client.execute({
        sql: 'SELECT coalesce(sum(count), 0) AS n FROM rate_limits WHERE key LIKE ?',
        args: [`platform-login:ip:${ip}:%`],
      });
    expect(Number(rows.rows[0]?.n)).toBe(31);
  });
});
