import { and, eq } from 'drizzle-orm';
import { COMPLAINT_CATEGORIES, inspectors } from '../../../db/schema/tenant';
import { AppError } from '../../errors';
import { CATEGORY_LABELS } from '../complaints/schemas';
import { findPublicUnit } from '../complaints/submit-complaint';
import { inspectorsForUnit } from '../inspectors/coverage';
import { INSPECTOR_TYPE_LABELS } from '../inspectors/schemas';
import { ROUTINE_DUTIES } from './duties';
import type { PublicContext } from './public-context';

/**
 * Public: what the board at a unit's gate shows (挂牌督导公示): the unit, the inspectors who answer
 * for it with their public phone and email, their eight routine duties, and the feedback categories.
 */
export async function getBoard(ctx: PublicContext, unitId: string) {
  const { tenant } = ctx;
  const unit = await findPublicUnit(ctx, unitId);
  const people = await inspectorsForUnit(ctx.db, unit.id);
  const kindLabel = tenant.config.unitKinds.find((k) => k.key === unit.kind)?.label ?? unit.kind;
  const base = `/api/t/${tenant.slug}/public/inspectors`;
  return {
    unit: { id: unit.id, name: unit.name, kindLabel, address: unit.address },
    office: {
      name: tenant.name,
      word: tenant.config.vocabulary.office,
    },
    words: { unit: tenant.config.vocabulary.unit, inspector: tenant.config.vocabulary.inspector },
    inspectors: people.map((p) => ({
      id: p.id,
      name: p.name,
      typeLabel: INSPECTOR_TYPE_LABELS[p.type],
      phone: p.phone,
      email: p.email,
      // The key changes with every new photo, so its tail busts the public cache.
      photoUrl: p.photoKey ? `${base}/${p.id}/photo?v=${p.photoKey.slice(-8)}` : null,
    })),
    duties: [...ROUTINE_DUTIES],
    categories: COMPLAINT_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] })),
  };
}

/** Public: the R2 key of an active inspector's board photo, or 404. */
export async function publicInspectorPhotoKey(ctx: PublicContext, id: string): Promise<string> {
  const [row] = await ctx.db
    .select({ photoKey: inspectors.photoKey })
    .from(inspectors)
    .where(and(eq(inspectors.id, id), eq(inspectors.status, 'active')))
    .limit(1);
  if (!row?.photoKey) throw new AppError('NOT_FOUND', '未找到该督学的照片。');
  return row.photoKey;
}
