import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../../db/client';
import { type EVIDENCE_OWNERS, evidenceFiles } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { AppError } from '../../errors';
import { failWhen } from '../zones/guard';

export type Statement = BatchItem<'sqlite'>;
export type EvidenceOwner = (typeof EVIDENCE_OWNERS)[number];
export type EvidenceRow = typeof evidenceFiles.$inferSelect;

export interface EvidenceClaim {
  /** The evidence ids the record cites (duplicates are fine). */
  ids: readonly string[];
  module: ModuleKey;
  /** The user sending the record: only their own uploads can be claimed. */
  uploadedBy: string;
  ownerType: EvidenceOwner;
  ownerId: string;
  /** How to name a photo in an error (e.g. the checklist item it belongs to); default 第 n 张照片. */
  nameOf?: (id: string, index: number) => string;
}

function distinct(ids: readonly string[]) {
  return [...new Set(ids)];
}

function claimError(name: string, evidenceId: string, reason: string, message: string) {
  return new AppError('VALIDATION_FAILED', message, {
    evidenceId,
    photo: name,
    reason,
    issues: [{ path: `evidence.${evidenceId}`, message }],
  });
}

/**
 * Checks that every photo can be claimed by this owner: it exists, is of this module, was uploaded
 * by this user, and is not owned yet (or already owned by this same owner, so a retry passes).
 * Throws a 422 naming the first bad photo.
 */
export async function assertClaimable(db: TenantDb, claim: EvidenceClaim): Promise<EvidenceRow[]> {
  const ids = distinct(claim.ids);
  if (ids.length === 0) return [];
  const rows = await db.select().from(evidenceFiles).where(inArray(evidenceFiles.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, index) => {
    const name = claim.nameOf?.(id, index) ?? `第 ${index + 1} 张照片`;
    const row = byId.get(id);
    if (!row || row.module !== claim.module) {
      throw claimError(name, id, 'missing', `${name}未上传成功或不属于本模块，请重新拍摄上传后再提交。`);
    }
    if (row.uploadedBy !== claim.uploadedBy) {
      throw claimError(name, id, 'not_yours', `${name}不是您本人上传的，请自己拍摄上传后再提交。`);
    }
    const ownedHere = row.ownerType === claim.ownerType && row.ownerId === claim.ownerId;
    if (row.ownerId !== null && !ownedHere) {
      throw claimError(name, id, 'owned', `${name}已用于其他记录，不能重复使用，请重新拍摄上传。`);
    }
  });
  return ids.map((id) => byId.get(id) as EvidenceRow);
}

/**
 * The statements that give the photos to their owner, for the caller's write batch, after checking
 * them (`assertClaimable`, a 422 naming the bad photo). The update repeats every condition and a
 * guard after it aborts the batch when it did not take every photo, so two records racing for the
 * same photo cannot both have it: catch `isGuardFailure(err)` (worker/modules/zones/guard.ts) around
 * the batch and call `assertClaimable` again for the clear message.
 */
export async function claimEvidence(db: TenantDb, claim: EvidenceClaim): Promise<Statement[]> {
  const ids = distinct(claim.ids);
  if (ids.length === 0) return [];
  await assertClaimable(db, claim);
  return claimStatements(db, { ...claim, ids });
}

/** The claim's update and its guard, without the read-time checks. */
export function claimStatements(db: TenantDb, claim: EvidenceClaim): Statement[] {
  const ids = distinct(claim.ids);
  if (ids.length === 0) return [];
  return [
    db
      .update(evidenceFiles)
      .set({ ownerType: claim.ownerType, ownerId: claim.ownerId })
      .where(
        and(
          inArray(evidenceFiles.id, ids),
          eq(evidenceFiles.module, claim.module),
          eq(evidenceFiles.uploadedBy, claim.uploadedBy),
          or(
            isNull(evidenceFiles.ownerId),
            and(eq(evidenceFiles.ownerType, claim.ownerType), eq(evidenceFiles.ownerId, claim.ownerId)),
          ),
        ),
      ),
    failWhen(db, sql`changes() <> ${ids.length}`),
  ];
}
