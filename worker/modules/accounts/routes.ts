import { Hono } from 'hono';
import type { AppEnv } from '../../context';

export const accountsRoutes = new Hono<AppEnv>();
