import { Hono } from 'hono';
import type { AppEnv } from '../../context';

/** Visits of one module and their evidence photos, mounted under `/:module`. */
export const visitsRoutes = new Hono<AppEnv>();
