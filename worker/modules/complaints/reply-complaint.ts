import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { findVisibleComplaint } from './records';
import type { ReplyInput } from './schemas';
import { takeStep } from './step';

/** The answer the sender reads with their tracking code; a later reply replaces it. */
export async function replyComplaint(ctx: ServiceContext, id: string, input: ReplyInput) {
  authorize(ctx.actor, 'complaints.handle');
  const before = await findVisibleComplaint(ctx, id);
  if (before.status === 'closed') {
    throw new AppError('CONFLICT', '该反映事项已办结，不能再修改答复；如需继续处理，请先重新办理。');
  }
  return takeStep(ctx, before, {
    set: { status: 'replied', publicReply: input.publicReply },
    events: [{ action: 'replied', note: input.publicReply }],
    audit: { action: 'complaint.reply', details: { replaced: before.publicReply !== null } },
  });
}
