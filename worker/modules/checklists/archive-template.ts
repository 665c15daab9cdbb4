import { and, eq, sql } from 'drizzle-orm';
import { checklistTemplates } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { describeTemplate } from './get-template';
import { findTemplate } from './records';

/**
 * Archiving (停用) takes a template out of the list offered for new visits; its versions stay, so
 * visits that used it still read them and restoring brings it back as it was. Twice changes nothing.
 */
export async function setTemplateStatus(
  ctx: ServiceContext,
  module: ModuleKey,
  id: string,
  status: 'active' | 'archived',
) {
  authorize(ctx.actor, 'checklists.manage');
  const { db } = ctx;
  const before = await findTemplate(db, module, id);
  if (before.status !== status) {
    await db.batch([
      db
        .update(checklistTemplates)
        .set({ status, updatedAt: new Date().toISOString() })
        .where(and(eq(checklistTemplates.id, id), eq(checklistTemplates.status, before.status))),
      // Two people archiving at once: one change, one record.
      guardedTenantAudit(
        db,
        actorWho(ctx),
        {
          action: status === 'archived' ? 'checklist.archive' : 'checklist.restore',
          entityType: 'checklist_template',
          entityId: id,
          details: { module, name: before.name, from: before.status, to: status },
        },
        sql`changes() = 1`,
      ),
    ]);
  }
  return describeTemplate(ctx, await findTemplate(db, module, id));
}
