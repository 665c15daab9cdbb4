import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError, validationError } from '../../errors';
import { findVisibleComplaint } from './records';
import type { CloseInput } from './schemas';
import { takeStep } from './step';

/** 办结: only with an answer for the sender, given now or before. */
export async function closeComplaint(ctx: ServiceContext, id: string, input: CloseInput) {
  authorize(ctx.actor, 'complaints.handle');
  const before = await findVisibleComplaint(ctx, id);
  if (before.status === 'closed') throw new AppError('CONFLICT', '该反映事项已经办结。');
  const reply = input.publicReply || null;
  if (!reply && !before.publicReply) {
    throw validationError([{ path: 'publicReply', message: '办结前请填写给反映人的答复' }]);
  }
  const at = new Date().toISOString();
  return takeStep(ctx, before, {
    set: { status: 'closed', closedAt: at, ...(reply ? { publicReply: reply } : {}) },
    events: [
      ...(reply ? [{ action: 'replied', note: reply }] : []),
      { action: 'closed', note: input.note || null },
    ],
    audit: { action: 'complaint.close', details: { withReply: reply !== null } },
  });
}
