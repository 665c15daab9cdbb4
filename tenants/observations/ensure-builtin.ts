import { inArray } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../../db/client';
import { observationRubrics, observationRubricVersions } from '../../db/schema/tenant';
import { tenantAudit } from '../../worker/audit';
import type { Who } from '../provisioning/provision';
import { BUILTIN_RUBRICS } from './builtin';
import { type BuiltinRubric, RubricBodySchema } from './rubric';

/**
 * Puts the shipped observation rubrics into a tenant database, as `ensureBuiltinTemplates` does
 * for checklists: a missing one is added, and one whose wording has a newer revision than the
 * tenant's latest shipped version gets it as a new version (observations keep the version they
 * were scored with). Idempotent: run at provisioning and by `migrate` after the schema migrations.
 */
export async function ensureBuiltinRubrics(
  db: TenantDb,
  who: Who,
  builtins: readonly BuiltinRubric[] = BUILTIN_RUBRICS,
): Promise<{ added: number; updated: number }> {
  const keys = builtins.map((r) => r.key);
  const existing = await db
    .select()
    .from(observationRubrics)
    .where(inArray(observationRubrics.builtinKey, keys));
  const byKey = new Map(existing.map((row) => [row.builtinKey, row]));
  const revisions = existing.length
    ? await db
        .select({
          rubricId: observationRubricVersions.rubricId,
          builtinRevision: observationRubricVersions.builtinRevision,
        })
        .from(observationRubricVersions)
        .where(
          inArray(
            observationRubricVersions.rubricId,
            existing.map((row) => row.id),
          ),
        )
    : [];
  const shipped = new Map<string, number>();
  for (const r of revisions) {
    shipped.set(r.rubricId, Math.max(shipped.get(r.rubricId) ?? 0, r.builtinRevision ?? 0));
  }

  const now = new Date().toISOString();
  const statements = [];
  let added = 0;
  let updated = 0;
  for (const rubric of builtins) {
    const body = v.parse(RubricBodySchema, rubric.body);
    const row = byKey.get(rubric.key);
    if (!row) {
      const id = crypto.randomUUID();
      statements.push(
        db.insert(observationRubrics).values({
          id,
          name: rubric.name,
          builtinKey: rubric.key,
          latestVersion: 1,
          createdAt: now,
          updatedAt: now,
        }),
        db.insert(observationRubricVersions).values({
          id: crypto.randomUUID(),
          rubricId: id,
          version: 1,
          body,
          builtinRevision: rubric.revision,
          createdAt: now,
        }),
      );
      added++;
    } else if ((shipped.get(row.id) ?? 0) < rubric.revision) {
      const version = row.latestVersion + 1;
      statements.push(
        db.insert(observationRubricVersions).values({
          id: crypto.randomUUID(),
          rubricId: row.id,
          version,
          body,
          builtinRevision: rubric.revision,
          createdAt: now,
        }),
        db
          .update(observationRubrics)
          .set({ latestVersion: version, updatedAt: now })
          .where(inArray(observationRubrics.id, [row.id])),
      );
      updated++;
    }
  }
  if (statements.length === 0) return { added, updated };
  await db.batch([
    ...(statements as [(typeof statements)[number], ...typeof statements]),
    tenantAudit(db, who, {
      action: 'observation_rubric.builtin_sync',
      entityType: 'observation_rubric',
      details: { added, updated },
    }),
  ]);
  return { added, updated };
}
