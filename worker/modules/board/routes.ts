import { Hono } from 'hono';
import type { AppEnv } from '../../context';

export const boardRoutes = new Hono<AppEnv>();
