import { Hono } from 'hono';
import type { AppEnv } from '../../context';

export const auditRoutes = new Hono<AppEnv>();
