import { eq } from 'drizzle-orm';
import type { ControlDb } from '../../db/client';
import { tenants } from '../../db/schema/control';
import type { TenantConfig } from '../../tenants/config/schema';
import type { TenantRecord } from '../context';

/**
 * Tenant lookups are cached per isolate for a few seconds: every API request needs one, and the
 * control database may be a network hop away. Suspending a tenant clears this isolate's entry;
 * other isolates see it within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { record: TenantRecord | null; at: number }>();

export function forgetTenant(slug: string): void {
  cache.delete(slug);
}

export function toTenantRecord(row: typeof tenants.$inferSelect): TenantRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    regionCode: row.regionCode,
    province: row.province,
    city: row.city,
    dbUrl: row.dbUrl,
    status: row.status,
    config: Object.freeze(row.config) as TenantConfig,
    schemaVersion: row.schemaVersion,
  };
}

export async function findTenant(control: ControlDb, slug: string): Promise<TenantRecord | null> {
  const hit = cache.get(slug);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.record;
  const row = await control.query.tenants.findFirst({ where: eq(tenants.slug, slug) });
  const record = row ? Object.freeze(toTenantRecord(row)) : null;
  // Evict the oldest entry: probing random codes must not flush the live tenants.
  if (cache.size >= 1000) cache.delete(cache.keys().next().value as string);
  cache.set(slug, { record, at: Date.now() });
  return record;
}
