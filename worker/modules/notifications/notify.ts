import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../../db/client';
import { notifications, users } from '../../../db/schema/tenant';

export type Statement = BatchItem<'sqlite'>;

export interface Notice {
  userIds: readonly string[];
  /** What happened, e.g. finding_issued; (user, kind, entity) is unique. */
  kind: string;
  entityType: string;
  entityId: string;
  title: string;
  body?: string | null;
  /** Path below /t/:tenant/ the notification opens. */
  link?: string | null;
}

/**
 * The inserts that tell `userIds` about something, to put in the batch of the change itself.
 * Notifications are unique per (user, kind, entity): by default a second notice of the same kind
 * about the same thing tells nobody again (a re-run of the daily job). With `again`, the existing
 * notification is raised anew instead (unread, new time and text): for steps that can recur on one
 * finding, such as a second report after a rejection, whose callers guard against repeats themselves.
 */
export function notifyStatements(
  db: TenantDb,
  notice: Notice,
  options: { again?: boolean } = {},
): Statement[] {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return [];
  const createdAt = new Date().toISOString();
  const insert = db.insert(notifications).values(
    userIds.map((userId) => ({
      id: crypto.randomUUID(),
      userId,
      kind: notice.kind,
      entityType: notice.entityType,
      entityId: notice.entityId,
      title: notice.title,
      body: notice.body ?? null,
      link: notice.link ?? null,
      createdAt,
      readAt: null,
    })),
  );
  const target = [notifications.userId, notifications.kind, notifications.entityId];
  return [
    options.again
      ? insert.onConflictDoUpdate({
          target,
          set: {
            title: sql`excluded.title`,
            body: sql`excluded.body`,
            link: sql`excluded.link`,
            createdAt: sql`excluded.created_at`,
            readAt: null,
          },
        })
      : insert.onConflictDoNothing({ target }),
  ];
}

/** Active users of a role, optionally of one unit: the people a step tells. */
export async function activeUserIds(
  db: TenantDb,
  role: 'unit_manager' | 'director',
  unitId?: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, role),
        eq(users.status, 'active'),
        unitId === undefined ? undefined : eq(users.unitId, unitId),
      ),
    );
  return rows.map((r) => r.id);
}
