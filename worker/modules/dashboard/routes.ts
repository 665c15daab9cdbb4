import { Hono } from 'hono';
import type { AppEnv } from '../../context';

/** The office dashboard across the modules the tenant has on. */
export const dashboardRoutes = new Hono<AppEnv>();
