import { Hono } from 'hono';
import type { AppEnv } from '../../context';

/** The signed-in user's own notifications. */
export const notificationsRoutes = new Hono<AppEnv>();
