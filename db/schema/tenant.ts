import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const TENANT_ROLES = ['admin', 'director', 'inspector', 'unit_manager', 'teacher', 'viewer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export const zones = sqliteTable(
  'zones',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('zones_name_unique').on(t.name)],
);

/** A supervised unit: a school (county/district) or a department (college); groups are units too. */
export const units = sqliteTable(
  'units',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: text('parent_id'),
    zoneId: text('zone_id').references(() => zones.id),
    address: text('address'),
    headName: text('head_name'),
    phone: text('phone'),
    enrolment: integer('enrolment'),
    staffCount: integer('staff_count'),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // Root units (null parent) are checked for duplicate names by the service: SQL treats NULLs as distinct.
    uniqueIndex('units_parent_name_unique').on(t.parentId, t.name),
    index('units_zone_idx').on(t.zoneId),
    index('units_kind_idx').on(t.kind),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: TENANT_ROLES }).notNull(),
    unitId: text('unit_id').references(() => units.id),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_unique').on(t.username), index('users_unit_idx').on(t.unitId)],
);

/** `id` is the SHA-256 of the cookie token: a copy of this table opens no session. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const auditLog = sqliteTable(
  'audit_log',
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
    ip: text('ip'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);
