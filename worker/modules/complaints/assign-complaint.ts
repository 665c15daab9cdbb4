import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError, validationError } from '../../errors';
import { ID_PATTERN } from '../../validation';
import { findActiveInspector, findVisibleComplaint } from './records';
import type { AssignInput } from './schemas';
import { takeStep } from './step';

/** Hands a complaint to an (active) inspector; a new one is then 已受理. */
export async function assignComplaint(ctx: ServiceContext, id: string, input: AssignInput) {
  authorize(ctx.actor, 'complaints.assign');
  const before = await findVisibleComplaint(ctx, id);
  const word = ctx.tenant.config.vocabulary.inspector;
  const inspector = ID_PATTERN.test(input.inspectorId)
    ? await findActiveInspector(ctx.db, input.inspectorId)
    : null;
  if (!inspector) {
    throw validationError([{ path: 'inspectorId', message: `所选${word}不存在或已归档，请刷新后重新选择` }]);
  }
  if (before.status === 'closed') {
    throw new AppError('CONFLICT', '该反映事项已办结，如需重新分派，请先重新办理。');
  }
  if (before.assigneeId === inspector.id) {
    throw new AppError('CONFLICT', `该反映事项已由${word}${inspector.name}处理，无需重复分派。`);
  }
  const note = [`分派给${word}${inspector.name}`, input.note].filter(Boolean).join('：');
  return takeStep(ctx, before, {
    set: { assigneeId: inspector.id, status: before.status === 'received' ? 'assigned' : before.status },
    events: [{ action: 'assigned', note }],
    audit: {
      action: 'complaint.assign',
      details: { from: before.assigneeId, to: inspector.id, inspectorName: inspector.name },
    },
  });
}
