import { inArray } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../../db/client';
import { evaluationSchemes, evaluationSchemeVersions } from '../../db/schema/tenant';
import type { Who } from '../provisioning/provision';
import { syncShipped } from '../shipped-versions';
import { BUILTIN_SCHEMES } from './builtin';
import { type BuiltinScheme, SchemeBodySchema } from './scheme';

/**
 * Puts the shipped evaluation schemes into a tenant database (`syncShipped`): rounds keep the
 * version they were opened with. Idempotent: run at provisioning and by `migrate`.
 */
export async function ensureBuiltinSchemes(
  db: TenantDb,
  who: Who,
  builtins: readonly BuiltinScheme[] = BUILTIN_SCHEMES,
): Promise<{ added: number; updated: number }> {
  const existing = await db
    .select()
    .from(evaluationSchemes)
    .where(
      inArray(
        evaluationSchemes.builtinKey,
        builtins.map((s) => s.key),
      ),
    );
  const storedRevisions = existing.length
    ? await db
        .select({
          ownerId: evaluationSchemeVersions.schemeId,
          builtinRevision: evaluationSchemeVersions.builtinRevision,
        })
        .from(evaluationSchemeVersions)
        .where(
          inArray(
            evaluationSchemeVersions.schemeId,
            existing.map((row) => row.id),
          ),
        )
    : [];
  const version = (scheme: BuiltinScheme, schemeId: string, number: number, now: string) =>
    db.insert(evaluationSchemeVersions).values({
      id: crypto.randomUUID(),
      schemeId,
      version: number,
      body: v.parse(SchemeBodySchema, scheme.body),
      builtinRevision: scheme.revision,
      note: number === 1 ? null : '随系统更新的指标体系',
      createdAt: now,
    });
  return syncShipped(db, who, {
    builtins,
    existing,
    storedRevisions,
    add: (scheme, now) => {
      const id = crypto.randomUUID();
      return [
        db.insert(evaluationSchemes).values({
          id,
          name: scheme.name,
          kind: scheme.kind,
          builtinKey: scheme.key,
          latestVersion: 1,
          createdAt: now,
          updatedAt: now,
        }),
        version(scheme, id, 1, now),
      ];
    },
    addVersion: (scheme, row, number, now) => [
      version(scheme, row.id, number, now),
      db
        .update(evaluationSchemes)
        .set({ latestVersion: number, updatedAt: now })
        .where(inArray(evaluationSchemes.id, [row.id])),
    ],
    audit: { action: 'evaluation_scheme.builtin_sync', entityType: 'evaluation_scheme' },
  });
}
