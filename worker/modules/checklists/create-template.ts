import { newTemplateStatements } from '../../../tenants/checklists/new-template';
import type { ModuleKey } from '../../../tenants/config/schema';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { describeTemplate } from './get-template';
import { findTemplate, itemCountOf } from './records';
import type { CreateTemplateInput } from './schemas';

/** An office's own template of this module; its body is version 1. */
export async function createTemplate(ctx: ServiceContext, module: ModuleKey, input: CreateTemplateInput) {
  authorize(ctx.actor, 'checklists.manage');
  const { db } = ctx;
  const { id, statements } = newTemplateStatements(db, {
    module,
    name: input.name,
    description: input.description ? input.description : null,
    body: input.body,
    createdBy: ctx.actor.id,
  });
  await db.batch([
    ...statements,
    tenantAudit(db, actorWho(ctx), {
      action: 'checklist.create',
      entityType: 'checklist_template',
      entityId: id,
      details: { module, name: input.name, version: 1, itemCount: itemCountOf(input.body) },
    }),
  ]);
  return describeTemplate(ctx, await findTemplate(db, module, id));
}
