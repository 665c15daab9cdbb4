import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** One row per tenant office. Its data lives in its own database at `dbUrl`. */
export const tenants = sqliteTable(
  'tenants',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['county', 'district', 'college'] }).notNull(),
    regionCode: text('region_code').notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    dbName: text('db_name').notNull(),
    dbUrl: text('db_url').notNull(),
    status: text('status', { enum: ['pending', 'active', 'suspended'] }).notNull(),
    /** TenantConfig JSON (tenants/config/schema.ts), validated on every write. */
    config: text('config', { mode: 'json' }).notNull(),
    /** Number of tenant migrations applied to its database (see db/migrator.ts). */
    schemaVersion: integer('schema_version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('tenants_slug_unique').on(t.slug), index('tenants_region_idx').on(t.regionCode)],
);

export const signupApplications = sqliteTable(
  'signup_applications',
  {
    id: text('id').primaryKey(),
    orgName: text('org_name').notNull(),
    kind: text('kind', { enum: ['county', 'district', 'college'] }).notNull(),
    regionCode: text('region_code').notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email'),
    desiredSlug: text('desired_slug').notNull(),
    note: text('note'),
    /** `provisioning` while an operator's approval runs; back to `pending` if it fails. */
    status: text('status', { enum: ['pending', 'provisioning', 'approved', 'rejected'] }).notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: text('reviewed_at'),
    rejectReason: text('reject_reason'),
    tenantId: text('tenant_id'),
    createdAt: createdAt(),
  },
  (t) => [index('signup_status_idx').on(t.status, t.createdAt)],
);

export const platformAccounts = sqliteTable(
  'platform_accounts',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['province', 'operator'] }).notNull(),
    /** Province accounts see tenants whose region code starts with this prefix ('' = all). */
    regionPrefix: text('region_prefix').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: ['active', 'disabled'] }).notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('platform_accounts_username_unique').on(t.username)],
);

/** `id` is the SHA-256 of the cookie token: a copy of this table opens no session. */
export const platformSessions = sqliteTable(
  'platform_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('platform_sessions_user_idx').on(t.userId)],
);

/** Counts read from a tenant's own database, kept so an unreachable tenant still shows its last figures. */
export const tenantMetricSnapshots = sqliteTable(
  'tenant_metric_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    takenAt: text('taken_at').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    unitCount: integer('unit_count').notNull(),
    userCount: integer('user_count').notNull(),
  },
  (t) => [index('snapshots_tenant_idx').on(t.tenantId, t.takenAt)],
);

export const platformAuditLog = sqliteTable(
  'platform_audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    details: text('details', { mode: 'json' }),
    requestId: text('request_id'),
  },
  (t) => [index('platform_audit_at_idx').on(t.at)],
);

/** Fixed-window counters for abuse limits on platform endpoints (sign-up, sign-in by address). */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});
