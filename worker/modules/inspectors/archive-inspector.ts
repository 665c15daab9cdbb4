import { and, eq } from 'drizzle-orm';
import { inspectors } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { describeInspector } from './get-inspector';
import { findInspector } from './records';

/**
 * Archiving takes an inspector off every board and out of the lists; their assignments, photo and
 * history stay, so restoring brings them back as they were. Doing it twice changes nothing.
 */
export async function setInspectorStatus(ctx: ServiceContext, id: string, status: 'active' | 'archived') {
  authorize(ctx.actor, 'inspectors.manage');
  const { db } = ctx;
  const before = await findInspector(db, id);
  if (before.status !== status) {
    await db.batch([
      db
        .update(inspectors)
        .set({ status, updatedAt: new Date().toISOString() })
        .where(and(eq(inspectors.id, id), eq(inspectors.status, before.status))),
      tenantAudit(db, actorWho(ctx), {
        action: status === 'archived' ? 'inspector.archive' : 'inspector.restore',
        entityType: 'inspector',
        entityId: id,
        details: { name: before.name, from: before.status, to: status },
      }),
    ]);
  }
  return describeInspector(db, ctx.tenant, await findInspector(db, id));
}
