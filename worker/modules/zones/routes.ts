import { Hono } from 'hono';
import type { AppEnv } from '../../context';

export const zonesRoutes = new Hono<AppEnv>();
