import { eq } from 'drizzle-orm';
import { observationRubrics, observationRubricVersions } from '../../db/schema/tenant';
import { tenantDbOf } from '../support/api';

export function rubricsPath(tenant = 'test-county') {
  return `/api/t/${tenant}/teaching/rubrics`;
}

let made = 0;
/** A name no other test uses. */
export function rubricName(what = '评课标准'): string {
  return `${what}${Date.now().toString(36)}${++made}`;
}

/**
 * A small office rubric: 教案 10 + 讲授 30 + 互动 10 = 50 points; 优秀 ≥ 45, 良好 ≥ 38, 合格 ≥ 30.
 * `changes` replaces the maxima by item key (a new version of the same rubric); `keys` renames items.
 */
export function smallRubric(changes: Record<string, number> = {}, keys: Record<string, string> = {}) {
  const max = (key: string, value: number) => changes[key] ?? value;
  const key = (k: string) => keys[k] ?? k;
  return {
    sections: [
      { key: 'prep', title: '课前准备', items: [{ key: key('plan'), label: '教案', max: max('plan', 10) }] },
      {
        key: 'lesson',
        title: '课堂教学',
        items: [
          { key: key('teach'), label: '讲授', max: max('teach', 30), hint: '讲解清楚，重点突出。' },
          { key: key('interact'), label: '互动', max: max('interact', 10) },
        ],
      },
    ],
    bands: { excellent: 45, good: 38, pass: 30 },
  };
}

/** An office rubric written straight into the tenant database (version 1 of `smallRubric`); its id. */
export async function newRubric(tenant = 'test-county', status: 'active' | 'archived' = 'active') {
  const db = await tenantDbOf(tenant);
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db.batch([
    db
      .insert(observationRubrics)
      .values({ id, name: rubricName(), status, latestVersion: 1, createdAt: now, updatedAt: now }),
    db.insert(observationRubricVersions).values({
      id: crypto.randomUUID(),
      rubricId: id,
      version: 1,
      body: smallRubric(),
      createdAt: now,
    }),
  ]);
  return id;
}

export async function archivedRubric(tenant = 'test-county') {
  return newRubric(tenant, 'archived');
}

/** The version rows of a rubric, oldest first. */
export async function rubricVersions(tenant: string, rubricId: string) {
  const db = await tenantDbOf(tenant);
  return db
    .select()
    .from(observationRubricVersions)
    .where(eq(observationRubricVersions.rubricId, rubricId))
    .orderBy(observationRubricVersions.version);
}

/** The id of a rubric's version `n`. */
export async function versionIdOf(tenant: string, rubricId: string, n = 1): Promise<string> {
  const row = (await rubricVersions(tenant, rubricId)).find((r) => r.version === n);
  if (!row) throw new Error(`no version ${n} of rubric ${rubricId}`);
  return row.id;
}
