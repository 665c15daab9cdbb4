import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { findVisibleComplaint } from './records';
import type { NoteInput } from './schemas';
import { takeStep } from './step';

/** A 受理/核实 record: what was checked, whom they talked to. Internal: the sender never sees it. */
export async function addComplaintNote(ctx: ServiceContext, id: string, input: NoteInput) {
  authorize(ctx.actor, 'complaints.handle');
  const before = await findVisibleComplaint(ctx, id);
  if (before.status === 'closed') {
    throw new AppError('CONFLICT', '该反映事项已办结，不能再添加记录；如需继续处理，请先重新办理。');
  }
  return takeStep(ctx, before, {
    set: {},
    events: [{ action: 'note', note: input.note }],
    audit: { action: 'complaint.note', details: { length: input.note.length } },
  });
}
