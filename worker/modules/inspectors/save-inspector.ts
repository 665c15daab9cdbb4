import { eq } from 'drizzle-orm';
import { inspectors } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { parseWith } from '../../validation';
import { describeInspector } from './get-inspector';
import {
  assertCertificateFree,
  assertLinkableUser,
  findInspector,
  type InspectorRow,
  rethrowUnique,
} from './records';
import { InspectorInput, type InspectorPatch } from './schemas';

type Editable = Omit<InspectorRow, 'id' | 'photoKey' | 'status' | 'createdAt' | 'updatedAt'>;

function editable(input: InspectorInput): Editable {
  return {
    name: input.name,
    type: input.type,
    certificateNo: input.certificateNo ?? null,
    termStart: input.termStart ?? null,
    termEnd: input.termEnd ?? null,
    trainingHours: input.trainingHours,
    phone: input.phone ?? null,
    email: input.email ?? null,
    workplace: input.workplace ? input.workplace : null,
    userId: input.userId ? input.userId : null,
  };
}

const EDITABLE_KEYS = [
  'name',
  'type',
  'certificateNo',
  'termStart',
  'termEnd',
  'trainingHours',
  'phone',
  'email',
  'workplace',
  'userId',
] as const satisfies readonly (keyof Editable)[];

function stored(row: InspectorRow): Editable {
  return Object.fromEntries(EDITABLE_KEYS.map((key) => [key, row[key]])) as Editable;
}

async function checkReferences(ctx: ServiceContext, values: Editable, before: InspectorRow | null) {
  const id = before?.id ?? null;
  if (values.certificateNo && values.certificateNo !== before?.certificateNo) {
    await assertCertificateFree(ctx.db, values.certificateNo, id);
  }
  if (values.userId && values.userId !== before?.userId) {
    await assertLinkableUser(ctx.db, values.userId, id);
  }
}

export async function createInspector(ctx: ServiceContext, input: InspectorInput) {
  authorize(ctx.actor, 'inspectors.manage');
  const { db } = ctx;
  const values = editable(input);
  await checkReferences(ctx, values, null);
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db
    .batch([
      db.insert(inspectors).values({ id, ...values, status: 'active', createdAt: now, updatedAt: now }),
      tenantAudit(db, actorWho(ctx), {
        action: 'inspector.create',
        entityType: 'inspector',
        entityId: id,
        details: { ...values },
      }),
    ])
    .catch(rethrowUnique);
  return describeInspector(db, ctx.tenant, await findInspector(db, id));
}

/** Changes the fields sent; the whole record must still be valid (a new end date against the stored start). */
export async function updateInspector(ctx: ServiceContext, id: string, patch: InspectorPatch) {
  authorize(ctx.actor, 'inspectors.manage');
  const { db } = ctx;
  const before = await findInspector(db, id);
  const sent = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const merged = parseWith(InspectorInput, { ...stored(before), ...sent });
  const values = editable(merged);
  await checkReferences(ctx, values, before);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of EDITABLE_KEYS) {
    if (values[key] !== before[key]) changes[key] = { from: before[key], to: values[key] };
  }
  if (Object.keys(changes).length > 0) {
    await db
      .batch([
        db
          .update(inspectors)
          .set({ ...values, updatedAt: new Date().toISOString() })
          .where(eq(inspectors.id, id)),
        tenantAudit(db, actorWho(ctx), {
          action: 'inspector.update',
          entityType: 'inspector',
          entityId: id,
          details: { changes },
        }),
      ])
      .catch(rethrowUnique);
  }
  return describeInspector(db, ctx.tenant, await findInspector(db, id));
}
