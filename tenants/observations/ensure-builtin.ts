import { inArray } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../../db/client';
import { observationRubrics, observationRubricVersions } from '../../db/schema/tenant';
import type { Who } from '../provisioning/provision';
import { syncShipped } from '../shipped-versions';
import { BUILTIN_RUBRICS } from './builtin';
import { type BuiltinRubric, RubricBodySchema } from './rubric';

/**
 * Puts the shipped observation rubrics into a tenant database (`syncShipped`): observations keep
 * the version they were scored with. Idempotent: run at provisioning and by `migrate` after the
 * schema migrations.
 */
export async function ensureBuiltinRubrics(
  db: TenantDb,
  who: Who,
  builtins: readonly BuiltinRubric[] = BUILTIN_RUBRICS,
): Promise<{ added: number; updated: number }> {
  const existing = await db
    .select()
    .from(observationRubrics)
    .where(
      inArray(
        observationRubrics.builtinKey,
        builtins.map((r) => r.key),
      ),
    );
  const storedRevisions = existing.length
    ? await db
        .select({
          ownerId: observationRubricVersions.rubricId,
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
  const version = (rubric: BuiltinRubric, rubricId: string, number: number, now: string) =>
    db.insert(observationRubricVersions).values({
      id: crypto.randomUUID(),
      rubricId,
      version: number,
      body: v.parse(RubricBodySchema, rubric.body),
      builtinRevision: rubric.revision,
      createdAt: now,
    });
  return syncShipped(db, who, {
    builtins,
    existing,
    storedRevisions,
    add: (rubric, now) => {
      const id = crypto.randomUUID();
      return [
        db.insert(observationRubrics).values({
          id,
          name: rubric.name,
          builtinKey: rubric.key,
          latestVersion: 1,
          createdAt: now,
          updatedAt: now,
        }),
        version(rubric, id, 1, now),
      ];
    },
    addVersion: (rubric, row, number, now) => [
      version(rubric, row.id, number, now),
      db
        .update(observationRubrics)
        .set({ latestVersion: number, updatedAt: now })
        .where(inArray(observationRubrics.id, [row.id])),
    ],
    audit: { action: 'observation_rubric.builtin_sync', entityType: 'observation_rubric' },
  });
}
