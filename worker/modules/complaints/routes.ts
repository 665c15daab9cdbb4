import { Hono } from 'hono';
import type { AppEnv } from '../../context';

export const complaintsRoutes = new Hono<AppEnv>();
