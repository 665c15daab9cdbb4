import type { R2Bucket } from '@cloudflare/workers-types/index.ts';
import { and, count, eq } from 'drizzle-orm';
import { evaluationEvidence } from '../../../../db/schema/tenant';
import { tenantAudit } from '../../../audit';
import { authorize, can } from '../../../auth/permissions';
import type { Actor, ServiceContext } from '../../../context';
import { AppError, validationError } from '../../../errors';
import { fileKey } from '../../../files';
import { actorWho } from '../../../service-context';
import { type LoadedRoundUnit, loadRoundUnitForActor, managesUnit } from './access';
import { ALLOWED_EVIDENCE, cleanFileName, evidenceType, MAX_EVIDENCE_FILES } from './evidence-types';
import { unitEvidence } from './get-round-unit';
import type { UploadEvidenceQuery } from './schemas';
import { assertFilling, leavesByKey } from './score-rules';

export const EVIDENCE_NOT_FOUND = '没有找到这份佐证材料，可能已被删除，请刷新页面。';

/** Who may upload: the unit's manager, or the office (`evaluation.manage`) on its behalf. */
export function authorizeEvidenceUpload(actor: Actor): void {
  authorize(actor, can(actor, 'evaluation.self') ? 'evaluation.self' : 'evaluation.manage');
}

async function loadForUpload(ctx: ServiceContext, roundId: string, unitId: string): Promise<LoadedRoundUnit> {
  authorizeEvidenceUpload(ctx.actor);
  const loaded = await loadRoundUnitForActor(ctx, roundId, unitId);
  if (!managesUnit(loaded, unitId) && !can(ctx.actor, 'evaluation.manage')) {
    throw new AppError('FORBIDDEN', '只有本单位负责人或督导室可以上传佐证材料。');
  }
  return loaded;
}

/**
 * Checks who and where before the body is read (a refused upload costs no bytes), then reads it.
 * Separate from `uploadEvidence` so the route can read the body between the two.
 */
export async function prepareEvidenceUpload(
  ctx: ServiceContext,
  roundId: string,
  unitId: string,
  query: UploadEvidenceQuery,
) {
  const loaded = await loadForUpload(ctx, roundId, unitId);
  assertFilling(loaded, '上传佐证材料');
  const fileName = cleanFileName(query.name);
  if (!fileName) throw validationError([{ path: 'name', message: '文件名无效，请重命名后再上传' }]);
  const indicatorKey = query.indicator || null;
  if (indicatorKey && !leavesByKey(loaded.scheme.body).has(indicatorKey)) {
    throw validationError([
      {
        path: 'indicator',
        message: `本次评估的指标体系中没有可上传材料的指标“${indicatorKey}”（只对末级指标）`,
      },
    ]);
  }
  const [row] = await ctx.db
    .select({ n: count() })
    .from(evaluationEvidence)
    .where(and(eq(evaluationEvidence.roundId, roundId), eq(evaluationEvidence.unitId, unitId)));
  if ((row?.n ?? 0) >= MAX_EVIDENCE_FILES) {
    throw new AppError(
      'CONFLICT',
      `每个单位最多上传 ${MAX_EVIDENCE_FILES} 份佐证材料，请删去不需要的再上传。`,
    );
  }
  return { loaded, fileName, indicatorKey };
}

/** The file goes to R2 first, then its row with the audit record; a failed batch removes the object. */
export async function uploadEvidence(
  ctx: ServiceContext,
  files: R2Bucket,
  prepared: Awaited<ReturnType<typeof prepareEvidenceUpload>>,
  bytes: Uint8Array,
) {
  const { loaded, fileName, indicatorKey } = prepared;
  const contentType = evidenceType(fileName, bytes);
  if (!contentType) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `“${fileName}”不是允许的文件类型（或内容与扩展名不符）。佐证材料可上传 ${ALLOWED_EVIDENCE}。`,
      { issues: [{ path: 'name', message: `“${fileName}”的文件类型不允许` }] },
    );
  }
  const { db } = ctx;
  const roundId = loaded.round.id;
  const unitId = loaded.unit.unitId;
  const id = crypto.randomUUID();
  const key = fileKey(ctx.tenant, 'evaluation', roundId, unitId, id);
  await files.put(key, bytes, { httpMetadata: { contentType } });
  try {
    await db.batch([
      db.insert(evaluationEvidence).values({
        id,
        roundId,
        unitId,
        indicatorKey,
        fileName,
        key,
        contentType,
        size: bytes.byteLength,
        uploadedBy: ctx.actor.id,
        createdAt: new Date().toISOString(),
      }),
      tenantAudit(db, actorWho(ctx), {
        action: 'evaluation_evidence.upload',
        entityType: 'evaluation_evidence',
        entityId: id,
        details: { roundId, unitId, unit: loaded.unit.name, indicatorKey, fileName, bytes: bytes.byteLength },
      }),
    ]);
  } catch (err) {
    await files.delete(key).catch(() => undefined);
    throw err;
  }
  const evidence = (await unitEvidence(db, roundId, unitId)).find((e) => e.id === id);
  if (!evidence) throw new AppError('INTERNAL');
  return evidence;
}

async function evidenceRow(ctx: ServiceContext, roundId: string, unitId: string, id: string) {
  const [row] = await ctx.db
    .select()
    .from(evaluationEvidence)
    .where(
      and(
        eq(evaluationEvidence.id, id),
        eq(evaluationEvidence.roundId, roundId),
        eq(evaluationEvidence.unitId, unitId),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', EVIDENCE_NOT_FOUND);
  return row;
}

/** A file for everyone who can read the unit (the office, the team, the unit's manager). */
export async function evidenceFile(ctx: ServiceContext, roundId: string, unitId: string, id: string) {
  await loadRoundUnitForActor(ctx, roundId, unitId);
  return evidenceRow(ctx, roundId, unitId, id);
}

/** Deleted by its uploader while the unit is still filling in; the object goes after the row. */
export async function deleteEvidence(
  ctx: ServiceContext,
  files: R2Bucket,
  roundId: string,
  unitId: string,
  id: string,
) {
  const loaded = await loadForUpload(ctx, roundId, unitId);
  const row = await evidenceRow(ctx, roundId, unitId, id);
  if (row.uploadedBy !== ctx.actor.id) {
    throw new AppError('FORBIDDEN', '只能删除自己上传的佐证材料。');
  }
  assertFilling(loaded, '删除佐证材料');
  const { db } = ctx;
  await db.batch([
    db.delete(evaluationEvidence).where(eq(evaluationEvidence.id, id)),
    tenantAudit(db, actorWho(ctx), {
      action: 'evaluation_evidence.delete',
      entityType: 'evaluation_evidence',
      entityId: id,
      details: {
        roundId,
        unitId,
        unit: loaded.unit.name,
        indicatorKey: row.indicatorKey,
        fileName: row.fileName,
      },
    }),
  ]);
  await files.delete(row.key).catch(() => undefined);
}
