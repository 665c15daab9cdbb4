import { Hono } from 'hono';
import type { AppEnv } from '../../context';

export const inspectorsRoutes = new Hono<AppEnv>();
