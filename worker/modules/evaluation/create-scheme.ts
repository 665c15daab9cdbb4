import { evaluationSchemes, evaluationSchemeVersions } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { schemeWithVersion } from './records';
import type { CreateSchemeInput } from './schemas';

/** A new scheme at version 1, from a form or an imported sheet (`source` goes into the audit row). */
export async function createScheme(
  ctx: ServiceContext,
  input: CreateSchemeInput,
  source: 'form' | 'sheet' = 'form',
) {
  authorize(ctx.actor, 'evaluation.manage');
  const { db } = ctx;
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db.batch([
    db.insert(evaluationSchemes).values({
      id,
      name: input.name,
      kind: input.kind,
      latestVersion: 1,
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(evaluationSchemeVersions).values({
      id: crypto.randomUUID(),
      schemeId: id,
      version: 1,
      body: input.body,
      createdAt: now,
      createdBy: ctx.actor.id,
    }),
    tenantAudit(db, actorWho(ctx), {
      action: 'evaluation_scheme.create',
      entityType: 'evaluation_scheme',
      entityId: id,
      details: { name: input.name, source },
    }),
  ]);
  return schemeWithVersion(db, id);
}
