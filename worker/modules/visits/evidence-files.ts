import type { R2Bucket } from '@cloudflare/workers-types/index.ts';
import { and, eq, ne, sql } from 'drizzle-orm';
import { evidenceFiles, findings } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { guardedTenantAudit } from '../../audit';
import { authorize, can, type TenantPermission } from '../../auth/permissions';
import type { Actor, ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { fileKey, type ImageType } from '../../files';
import { actorWho } from '../../service-context';
import type { EvidenceRow } from './evidence';

export const EVIDENCE_NOT_FOUND = '未找到该照片，可能不属于本模块或您无权查看。';

/** The first of `permissions` the actor holds, authorized (so a pending password change still stops them). */
export function authorizeAny(actor: Actor, permissions: readonly TenantPermission[]): void {
  authorize(actor, permissions.find((p) => can(actor, p)) ?? (permissions[0] as TenantPermission));
}

export const UPLOAD_PERMISSIONS = ['visits.record', 'findings.report'] as const;
export const READ_PERMISSIONS = ['visits.read', 'findings.read'] as const;

function evidenceView(row: EvidenceRow) {
  return {
    id: row.id,
    module: row.module,
    contentType: row.contentType,
    size: row.size,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    createdAt: row.createdAt,
  };
}

async function evidenceById(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id)).limit(1);
  return row ?? null;
}

/** A photo id that exists already: the same uploader's retry gets the stored row, anyone else 409. */
function answerExisting(ctx: ServiceContext, module: ModuleKey, row: EvidenceRow) {
  if (row.uploadedBy === ctx.actor.id && row.module === module) {
    return { created: false, evidence: evidenceView(row) };
  }
  throw new AppError('CONFLICT', '该照片编号已被占用，请重新拍照上传。');
}

/**
 * Stores a photo the phone took, under the id the phone made, before the visit or report that cites
 * it is sent (it stays unowned until then). The object goes to R2 first, then the row with its audit
 * record; a row that lost a race for the id (or a failed batch) removes the object again.
 */
export async function uploadEvidence(
  ctx: ServiceContext,
  files: R2Bucket,
  module: ModuleKey,
  id: string,
  image: { bytes: Uint8Array; type: ImageType },
) {
  authorizeAny(ctx.actor, UPLOAD_PERMISSIONS);
  const { db } = ctx;
  const before = await evidenceById(ctx, id);
  if (before) return answerExisting(ctx, module, before);

  const key = fileKey(ctx.tenant, 'evidence', module, id, crypto.randomUUID());
  await files.put(key, image.bytes, { httpMetadata: { contentType: image.type } });
  let inserted: { id: string }[];
  try {
    [inserted] = await db.batch([
      db
        .insert(evidenceFiles)
        .values({
          id,
          module,
          key,
          contentType: image.type,
          size: image.bytes.byteLength,
          uploadedBy: ctx.actor.id,
          createdAt: new Date().toISOString(),
        })
        .onConflictDoNothing()
        .returning({ id: evidenceFiles.id }),
      guardedTenantAudit(
        db,
        actorWho(ctx),
        {
          action: 'evidence.upload',
          entityType: 'evidence',
          entityId: id,
          details: { module, contentType: image.type, bytes: image.bytes.byteLength },
        },
        sql`changes() = 1`,
      ),
    ]);
  } catch (err) {
    await files.delete(key).catch(() => undefined);
    throw err;
  }
  if (inserted.length === 0) {
    // A twin upload of the same id won the race: ours is not needed.
    await files.delete(key).catch(() => undefined);
    const winner = await evidenceById(ctx, id);
    if (!winner) throw new AppError('CONFLICT');
    return answerExisting(ctx, module, winner);
  }
  const stored = await evidenceById(ctx, id);
  if (!stored) throw new AppError('INTERNAL');
  return { created: true, evidence: evidenceView(stored) };
}

/**
 * Whether the actor may see this photo: their own upload; for the office (visits.read or
 * findings.read), any photo a record owns; for a unit manager, only photos of their own unit's
 * findings and rectification reports once issued (what they see of findings).
 */
async function mayRead(ctx: ServiceContext, row: EvidenceRow): Promise<boolean> {
  const { actor } = ctx;
  if (row.uploadedBy === actor.id) return true;
  if (row.ownerId === null || row.ownerType === null) return false;
  if (actor.role !== 'unit_manager') return can(actor, 'visits.read') || can(actor, 'findings.read');
  if (!actor.unitId || row.ownerType === 'visit') return false;
  const [finding] = await ctx.db
    .select({ id: findings.id })
    .from(findings)
    .where(
      and(
        eq(findings.id, row.ownerId),
        eq(findings.module, row.module),
        eq(findings.unitId, actor.unitId),
        ne(findings.status, 'open'),
      ),
    )
    .limit(1);
  return finding !== undefined;
}

/** The R2 key of a photo the actor may see, or 404 (another module's or tenant's id is not found). */
export async function evidenceKey(ctx: ServiceContext, module: ModuleKey, id: string): Promise<string> {
  authorizeAny(ctx.actor, READ_PERMISSIONS);
  const row = await evidenceById(ctx, id);
  if (!row || row.module !== module || !(await mayRead(ctx, row))) {
    throw new AppError('NOT_FOUND', EVIDENCE_NOT_FOUND);
  }
  return row.key;
}
