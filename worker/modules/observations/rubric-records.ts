import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { observationRubrics, observationRubricVersions } from '../../../db/schema/tenant';
import type { RubricBody } from '../../../tenants/observations/rubric';
import { AppError } from '../../errors';
import { RUBRIC_NOT_FOUND } from './records';

export type RubricRow = typeof observationRubrics.$inferSelect;

/** The rubric with this id, or 404 (another tenant's rows are not in this database). */
export async function findRubric(db: TenantDb, id: string): Promise<RubricRow> {
  const [row] = await db.select().from(observationRubrics).where(eq(observationRubrics.id, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', RUBRIC_NOT_FOUND);
  return row;
}

/** The body of one version of a rubric, or 404. */
export async function findRubricVersion(db: TenantDb, rubricId: string, version: number) {
  const [row] = await db
    .select()
    .from(observationRubricVersions)
    .where(
      and(eq(observationRubricVersions.rubricId, rubricId), eq(observationRubricVersions.version, version)),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', RUBRIC_NOT_FOUND);
  return { ...row, body: row.body as RubricBody };
}

/** The two rows of a new rubric at version 1 (create and copy write the same). */
export function newRubricStatements(
  db: TenantDb,
  rubric: { name: string; body: RubricBody; createdBy: string },
) {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  return {
    id,
    statements: [
      db
        .insert(observationRubrics)
        .values({ id, name: rubric.name, latestVersion: 1, createdAt: now, updatedAt: now }),
      db.insert(observationRubricVersions).values({
        id: crypto.randomUUID(),
        rubricId: id,
        version: 1,
        body: rubric.body,
        createdAt: now,
        createdBy: rubric.createdBy,
      }),
    ] as const,
  };
}
