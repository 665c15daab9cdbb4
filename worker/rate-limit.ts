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
 *
 * Windows slide: a counter per fixed window (`<key>@<window start>`), and the estimate adds the
 * previous window's count weighted by how much of it still overlaps the last `windowMs`. A plain
 * fixed window would let twice the limit through across a boundary (and made tests near a
 * boundary fail). Refused attempts count too, so hammering keeps a client out.
 */
export async function consumeRateLimits(client: Client, limits: RateLimit[], now = Date.now()) {
  if (limits.length === 0) return;
  const starts = limits.map((limit) => now - (now % limit.windowMs));
  const results = await client.batch(
    limits.flatMap((limit, i) => {
      const windowStart = starts[i] as number;
      return [
        {
          sql: `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
                ON CONFLICT(key) DO UPDATE SET count = count + 1
                RETURNING count`,
          args: [`${limit.key}@${windowStart}`, windowStart],
        },
        {
          sql: 'SELECT count FROM rate_limits WHERE key = ?',
          args: [`${limit.key}@${windowStart - limit.windowMs}`],
        },
      ];
    }),
    'write',
  );
  let refused = false;
  let retryAfterMs = 0;
  limits.forEach((limit, i) => {
    const current = Number(results[2 * i]?.rows[0]?.count ?? 0);
    const previous = Number(results[2 * i + 1]?.rows[0]?.count ?? 0);
    const windowStart = starts[i] as number;
    const overlap = 1 - (now - windowStart) / limit.windowMs;
    if (current + previous * overlap <= limit.limit) return;
    refused = true;
    retryAfterMs = Math.max(retryAfterMs, waitFor(limit, windowStart, current, previous) - now);
  });
  if (refused) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    throw new AppError('RATE_LIMITED', `操作过于频繁，请约 ${minutes} 分钟后再试。`, {
      retryAfterSeconds: seconds,
    });
  }
}

/** When the estimate will have dropped enough for one more attempt to pass. */
function waitFor(limit: RateLimit, windowStart: number, current: number, previous: number): number {
  const room = limit.limit - 1;
  if (current <= room) {
    // This window has room; wait for the previous window's share to fade.
    return windowStart + limit.windowMs * (1 - (room - current) / previous);
  }
  // This window alone is over: it must become the previous one and fade in turn.
  return windowStart + limit.windowMs * (2 - room / current);
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
