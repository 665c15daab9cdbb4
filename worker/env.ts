import type { R2Bucket } from '@cloudflare/workers-types/index.ts';

export interface Env {
  /** URL of the control-plane database (local: http://control.db.internal). */
  CONTROL_DB_URL: string;
  /** Turso group token that opens the control and every tenant database; empty locally. */
  DB_AUTH_TOKEN?: string;
  /** 'sqld' (local/self-hosted) or 'turso'. */
  DB_PROVIDER: 'sqld' | 'turso';
  /** sqld admin API (local: http://admin.sqld.internal). */
  SQLD_ADMIN_URL?: string;
  TURSO_API_TOKEN?: string;
  TURSO_ORG?: string;
  TURSO_GROUP?: string;
  /** Files: inspector photos, complaint photos, evidence. Keys start with `t/<tenant slug>/`. */
  FILES: R2Bucket;
  /** Static web app (web/dist), served for every path outside /api. */
  ASSETS: { fetch(request: Request): Promise<Response> };
}
