import { eq } from 'drizzle-orm';
import { monthlyThemes } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import type { SaveThemesInput } from './schemas';
import { themesOfYear } from './themes';

/**
 * Replaces a year's monthly themes in one batch. A month saved blank keeps a blank row, so the year
 * stays the office's own (no theme that month) rather than falling back to the preset; an empty
 * list removes the year's rows and gives it back to the preset calendar.
 */
export async function saveThemes(ctx: ServiceContext, input: SaveThemesInput) {
  authorize(ctx.actor, 'plans.manage');
  const { db } = ctx;
  const config = ctx.tenant.config;
  const before = await themesOfYear(db, config, input.year);
  const now = new Date().toISOString();
  const rows = input.themes
    .slice()
    .sort((a, b) => a.month - b.month)
    .map((t) => ({ year: input.year, month: t.month, theme: t.theme, updatedAt: now }));
  const after = new Map(rows.map((r) => [r.month, r.theme || null]));
  const changes = rows.length
    ? before.themes
        .map((t) => ({ month: t.month, from: t.theme, to: after.get(t.month) ?? null }))
        .filter((c) => c.to !== c.from)
    : [];
  await db.batch([
    db.delete(monthlyThemes).where(eq(monthlyThemes.year, input.year)),
    ...(rows.length ? [db.insert(monthlyThemes).values(rows)] : []),
    tenantAudit(db, actorWho(ctx), {
      action: rows.length ? 'calendar.themes' : 'calendar.themes_reset',
      entityType: 'calendar',
      entityId: String(input.year),
      details: { year: input.year, from: before.source, ...(rows.length ? { changes } : {}) },
    }),
  ]);
  return themesOfYear(db, config, input.year);
}
