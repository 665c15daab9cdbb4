import { and, eq } from 'drizzle-orm';
import { complaintEvents, complaints } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { complaintDetail } from './get-complaint';
import { type ComplaintRow, findVisibleComplaint, guardedEvent, runGuarded } from './records';

export interface Step {
  set: Partial<Pick<ComplaintRow, 'status' | 'assigneeId' | 'publicReply' | 'closedAt'>>;
  /** Recorded in this order; at least one. */
  events: { action: string; note: string | null }[];
  audit: { action: string; details: Record<string, unknown> };
}

/**
 * One step on a complaint: the row, its events and the audit record in one batch. The update only
 * applies to the version the caller read (same updatedAt), so of two people acting at once the
 * second gets a 409 and nothing of theirs is written.
 */
export async function takeStep(ctx: ServiceContext, before: ComplaintRow, step: Step) {
  const { db, actor } = ctx;
  const at = new Date().toISOString();
  const [first, ...more] = step.events;
  if (!first) throw new Error('takeStep: no event');
  const event = { complaintId: before.id, at, actorId: actor.id, actorName: actor.displayName };
  await runGuarded(() =>
    db.batch([
      db
        .update(complaints)
        .set({ ...step.set, updatedAt: at })
        .where(and(eq(complaints.id, before.id), eq(complaints.updatedAt, before.updatedAt))),
      guardedEvent(db, { ...event, ...first }),
      ...more.map((e) => db.insert(complaintEvents).values({ ...event, ...e })),
      tenantAudit(db, actorWho(ctx), {
        action: step.audit.action,
        entityType: 'complaint',
        entityId: before.id,
        details: step.audit.details,
      }),
    ]),
  );
  return complaintDetail(ctx, await findVisibleComplaint(ctx, before.id));
}
