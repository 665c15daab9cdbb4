import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { findVisibleComplaint } from './records';
import type { ReopenInput } from './schemas';
import { takeStep } from './step';

/** Director or admin: a closed complaint goes back to whoever handled it (or to the queue). */
export async function reopenComplaint(ctx: ServiceContext, id: string, input: ReopenInput) {
  authorize(ctx.actor, 'complaints.assign');
  const before = await findVisibleComplaint(ctx, id);
  if (before.status !== 'closed') throw new AppError('CONFLICT', '只有已办结的反映事项才能重新办理。');
  return takeStep(ctx, before, {
    set: { status: before.assigneeId ? 'assigned' : 'received', closedAt: null },
    events: [{ action: 'reopened', note: input.note }],
    audit: { action: 'complaint.reopen', details: { reason: input.note } },
  });
}
