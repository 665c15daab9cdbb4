import type { Client } from '@libsql/client';
import { AppError } from './errors';

export interface RateLimit {
  /** What is limited, e.g. `complaint:ip:<address>`; one counter per key and window. */
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Counts one attempt against each limit and refuses with 429 when any is exceeded. The count is a
 * single upsert per limit, so parallel requests cannot slip past it (a read-then-write would let
 * a burst through). Works on the control database and on every tenant's: both have `rate_limits`.
 * Old windows are overwritten in place, so the table holds one row per key.
 */
export async function consumeRateLimits(client: Client, limits: RateLimit[], now = Date.now()) {
  if (limits.length === 0) return;
  const results = await client.batch(
    limits.map((limit) => {
      const windowStart = now - (now % limit.windowMs);
      return {
        sql: `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
              ON CONFLICT(key) DO UPDATE SET
                count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
                window_start = excluded.window_start
              RETURNING count, window_start`,
        args: [limit.key, windowStart],
      };
    }),
    'write',
  );
  let retryAfterMs = 0;
  results.forEach((result, i) => {
    const limit = limits[i] as RateLimit;
    const count = Number(result.rows[0]?.count ?? 0);
    if (count > limit.limit) {
      const windowStart = Number(result.rows[0]?.window_start ?? now);
      retryAfterMs = Math.max(retryAfterMs, windowStart + limit.windowMs - now);
    }
  });
  if (retryAfterMs > 0) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    throw new AppError('RATE_LIMITED', `操作过于频繁，请约 ${minutes} 分钟后再试。`, {
      retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
    });
  }
}

/**
 * Limits keyed by the client's address. Without a known address (only off Cloudflare, which always
 * sets cf-connecting-ip) there is nothing to key on, so none apply.
 */
export function perClient(
  action: string,
  clientIp: string | null,
  windows: readonly (readonly [limit: number, windowMs: number])[],
): RateLimit[] {
  if (!clientIp) return [];
  return windows.map(([limit, windowMs]) => ({
    key: `${action}:ip:${clientIp}:${windowMs}`,
    limit,
    windowMs,
  }));
}

/** Drops counters whose window ended long ago (run by the Cron Trigger). */
export async function pruneRateLimits(client: Client, olderThanMs: number, now = Date.now()) {
  await client.execute({ sql: 'DELETE FROM rate_limits WHERE window_start < ?', args: [now - olderThanMs] });
}
