import { Hono } from 'hono';
import type { AppEnv } from '../../context';

/** Findings of one module and their rectification, mounted under `/:module`. */
export const findingsRoutes = new Hono<AppEnv>();

/** Tenant-wide: a unit manager's findings across modules, the hazard register. */
export const myFindingsRoutes = new Hono<AppEnv>();
