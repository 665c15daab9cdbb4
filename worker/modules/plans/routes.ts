import { Hono } from 'hono';
import type { AppEnv } from '../../context';

/** Plans of one module, mounted under `/:module`. */
export const plansRoutes = new Hono<AppEnv>();

/** Tenant-wide: the monthly theme calendar with every module's plan items. */
export const calendarRoutes = new Hono<AppEnv>();
