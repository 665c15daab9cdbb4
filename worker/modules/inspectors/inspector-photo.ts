import type { R2Bucket } from '@cloudflare/workers-types/index.ts';
import { eq } from 'drizzle-orm';
import { inspectors } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { fileKey, type ImageType } from '../../files';
import { actorWho } from '../../service-context';
import { findInspector } from './records';

/**
 * Stores a new board photo: the object first, then the row and its audit record in one batch. If the
 * batch fails the new object is removed (no orphan); the old one is removed only after the commit,
 * so a failure at any point leaves the previous photo in place.
 */
export async function setInspectorPhoto(
  ctx: ServiceContext,
  files: R2Bucket,
  id: string,
  image: { bytes: Uint8Array; type: ImageType },
) {
  authorize(ctx.actor, 'inspectors.manage');
  const { db } = ctx;
  const before = await findInspector(db, id);
  const key = fileKey(ctx.tenant, 'inspectors', id, crypto.randomUUID());
  await files.put(key, image.bytes, { httpMetadata: { contentType: image.type } });
  try {
    await db.batch([
      db
        .update(inspectors)
        .set({ photoKey: key, updatedAt: new Date().toISOString() })
        .where(eq(inspectors.id, id)),
      tenantAudit(db, actorWho(ctx), {
        action: 'inspector.photo',
        entityType: 'inspector',
        entityId: id,
        details: {
          name: before.name,
          contentType: image.type,
          bytes: image.bytes.byteLength,
          replaced: before.photoKey !== null,
        },
      }),
    ]);
  } catch (err) {
    await files.delete(key).catch(() => undefined);
    throw err;
  }
  if (before.photoKey) await files.delete(before.photoKey).catch(() => undefined);
  return { hasPhoto: true, contentType: image.type, bytes: image.bytes.byteLength };
}

/** The R2 key of the inspector's photo, for the signed-in photo route. */
export async function inspectorPhotoKey(ctx: ServiceContext, id: string): Promise<string> {
  authorize(ctx.actor, 'inspectors.read');
  const row = await findInspector(ctx.db, id);
  if (!row.photoKey) throw new AppError('NOT_FOUND', '该督学还没有上传照片。');
  return row.photoKey;
}
