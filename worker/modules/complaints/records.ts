import { and, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { complaints, inspectors } from '../../../db/schema/tenant';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';

export type ComplaintRow = typeof complaints.$inferSelect;

/** What each step is called in the office's record (受理核实投诉记录). */
export const ACTION_LABELS: Record<string, string> = {
  submitted: '收到反映',
  photo: '反映人补充照片',
  assigned: '分派督学',
  note: '受理核实记录',
  replied: '答复反映人',
  closed: '办结',
  reopened: '重新办理',
};

/** An inspector-role user handles only what is assigned to the inspector record linked to them. */
export function visibleTo(ctx: ServiceContext) {
  if (ctx.actor.role !== 'inspector') return undefined;
  return sql`${complaints.assigneeId} IN (SELECT ${inspectors.id} FROM ${inspectors} WHERE ${inspectors.userId} = ${ctx.actor.id})`;
}

/** The complaint if this user may see it; otherwise (or unknown, or another tenant's) 404. */
export async function findVisibleComplaint(ctx: ServiceContext, id: string): Promise<ComplaintRow> {
  const [row] = await ctx.db
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, id), visibleTo(ctx)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', '未找到该反映事项，或它没有分派给您。');
  return row;
}

export interface EventValues {
  complaintId: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  note: string | null;
}

/**
 * An event insert that only succeeds if the statement before it in the batch changed exactly one
 * row: otherwise `action` is NULL, the NOT NULL constraint fails and the whole batch rolls back.
 * So a step taken on a complaint someone changed meanwhile is refused instead of recorded twice.
 */
export function guardedEvent(db: TenantDb, e: EventValues) {
  return db.run(sql`INSERT INTO complaint_events (complaint_id, at, actor_id, actor_name, action, note)
    SELECT ${e.complaintId}, ${e.at}, ${e.actorId}, ${e.actorName},
      CASE WHEN changes() = 1 THEN ${e.action} END, ${e.note}`);
}

function isGuardFailure(err: unknown): boolean {
  for (let e = err as { message?: string; cause?: unknown } | null, i = 0; e && i < 5; i++) {
    if (String(e.message ?? '').includes('complaint_events.action')) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Runs a batch that starts with a conditional update and a guarded event; a lost race answers 409. */
export async function runGuarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isGuardFailure(err)) {
      throw new AppError('CONFLICT', '该反映事项刚被其他人处理过，请刷新页面后再操作。');
    }
    throw err;
  }
}

/** The active inspector with this id, or null. */
export async function findActiveInspector(db: TenantDb, id: string) {
  const [row] = await db
    .select({ id: inspectors.id, name: inspectors.name })
    .from(inspectors)
    .where(and(eq(inspectors.id, id), eq(inspectors.status, 'active')))
    .limit(1);
  return row ?? null;
}
