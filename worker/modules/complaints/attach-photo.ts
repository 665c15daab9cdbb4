import type { R2Bucket } from '@cloudflare/workers-types/index.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { complaints } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { AppError } from '../../errors';
import { fileKey, type ImageType } from '../../files';
import { type PublicContext, publicWho } from '../board/public-context';
import { PHOTO_WINDOW_MS } from './limits';
import { findByCode } from './public-complaint';
import { guardedEvent, runGuarded } from './records';

/**
 * Public: the sender's one photo, allowed within two hours of sending and only while none is
 * attached. The object is stored first; if the row update loses a race or fails, it is removed.
 */
export async function attachComplaintPhoto(
  ctx: PublicContext,
  files: R2Bucket,
  rawCode: string,
  image: { bytes: Uint8Array; type: ImageType },
) {
  const { db } = ctx;
  const row = await findByCode(ctx, rawCode);
  if (row.photoKey) throw new AppError('CONFLICT', '该反映事项已经附有照片，每件只能上传一张。');
  if (Date.now() - Date.parse(row.createdAt) > PHOTO_WINDOW_MS) {
    throw new AppError('CONFLICT', '提交已超过 2 小时，不能再补充照片；如有新情况请重新反映。');
  }
  if (row.status === 'closed') throw new AppError('CONFLICT', '该反映事项已办结，不能再补充照片。');
  const key = fileKey(ctx.tenant, 'complaints', row.id, crypto.randomUUID());
  await files.put(key, image.bytes, { httpMetadata: { contentType: image.type } });
  const at = new Date().toISOString();
  const who = publicWho(ctx);
  try {
    await runGuarded(() =>
      db.batch([
        db
          .update(complaints)
          .set({ photoKey: key, updatedAt: at })
          .where(and(eq(complaints.id, row.id), isNull(complaints.photoKey))),
        guardedEvent(db, {
          complaintId: row.id,
          at,
          actorId: null,
          actorName: who.actorName,
          action: 'photo',
          note: null,
        }),
        tenantAudit(db, who, {
          action: 'complaint.photo',
          entityType: 'complaint',
          entityId: row.id,
          details: { contentType: image.type, bytes: image.bytes.byteLength },
        }),
      ]),
    );
  } catch (err) {
    await files.delete(key).catch(() => undefined);
    if (err instanceof AppError && err.code === 'CONFLICT') {
      throw new AppError('CONFLICT', '该反映事项已经附有照片，每件只能上传一张。');
    }
    throw err;
  }
  return { hasPhoto: true, contentType: image.type, bytes: image.bytes.byteLength };
}
