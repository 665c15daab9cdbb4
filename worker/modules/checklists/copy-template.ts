import { newTemplateStatements } from '../../../tenants/checklists/new-template';
import type { ModuleKey } from '../../../tenants/config/schema';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { describeTemplate } from './get-template';
import { findTemplate, findVersion } from './records';
import type { CopyTemplateInput } from './schemas';

const COPY_SUFFIX = '（副本）';
const NAME_MAX = 60;

/** “<name>（副本）”, shortened so it still fits the name's 60 characters. */
export function copyName(name: string): string {
  const chars = [...name];
  const room = NAME_MAX - COPY_SUFFIX.length;
  return `${chars.length > room ? chars.slice(0, room).join('') : name}${COPY_SUFFIX}`;
}

/**
 * A new office template from the latest version of another (shipped or the office's own) of the
 * same module: version 1 of the copy holds that body, and the copy remembers where it came from.
 */
export async function copyTemplate(
  ctx: ServiceContext,
  module: ModuleKey,
  sourceId: string,
  input: CopyTemplateInput,
) {
  authorize(ctx.actor, 'checklists.manage');
  const { db } = ctx;
  const source = await findTemplate(db, module, sourceId);
  const { body, version: fromVersion } = await findVersion(db, source.id, source.latestVersion);
  const name = input.name ?? copyName(source.name);
  const { id, statements } = newTemplateStatements(db, {
    module,
    name,
    description: source.description,
    body,
    copiedFromId: source.id,
    note: `复制自“${source.name}”第 ${fromVersion} 版`,
    createdBy: ctx.actor.id,
  });
  await db.batch([
    ...statements,
    tenantAudit(db, actorWho(ctx), {
      action: 'checklist.copy',
      entityType: 'checklist_template',
      entityId: id,
      details: { module, name, fromId: source.id, fromName: source.name, fromVersion },
    }),
  ]);
  return describeTemplate(ctx, await findTemplate(db, module, id));
}
