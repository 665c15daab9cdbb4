import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';

export const healthRoutes = new Hono<AppEnv>().get('/health', async (c) => {
  const started = Date.now();
  try {
    await c.get('control').run(sql`SELECT 1`);
  } catch {
    throw new AppError('DATABASE_UNAVAILABLE', '控制库无法连接，服务暂时不可用。');
  }
  return c.json({ ok: true, control: 'up', latencyMs: Date.now() - started, time: new Date().toISOString() });
});
