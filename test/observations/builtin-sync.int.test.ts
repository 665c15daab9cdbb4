import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, observationRubrics, observationRubricVersions } from '../../db/schema/tenant';
import { BUILTIN_RUBRICS } from '../../tenants/observations/builtin';
import { ensureBuiltinRubrics } from '../../tenants/observations/ensure-builtin';
import type { BuiltinRubric } from '../../tenants/observations/rubric';
import { api, tenantDbOf } from '../support/api';
import { cookieOf, newTeacher, observationBody, observationsPath } from './fixtures';

const WHO = { actorId: null, actorName: '测试', requestId: 'test-rubric-sync' };
const TENANT = 'test-college';

/** A one-item rubric out of `max`, shipped at `revision`. */
function shipped(key: string, revision: number, max: number): BuiltinRubric {
  return {
    key,
    name: `同步测试${key}`,
    revision,
    body: {
      sections: [{ key: 's', title: '总体评价', items: [{ key: 'overall', label: '总体评价', max }] }],
      bands: { excellent: max * 0.9, good: max * 0.75, pass: max * 0.6 },
    },
  };
}

async function versionsOf(key: string) {
  const db = await tenantDbOf(TENANT);
  return db
    .select({
      id: observationRubricVersions.id,
      rubricId: observationRubrics.id,
      version: observationRubricVersions.version,
      revision: observationRubricVersions.builtinRevision,
      latest: observationRubrics.latestVersion,
    })
    .from(observationRubricVersions)
    .innerJoin(observationRubrics, eq(observationRubrics.id, observationRubricVersions.rubricId))
    .where(eq(observationRubrics.builtinKey, key))
    .orderBy(asc(observationRubricVersions.version));
}

describe('shipped observation rubrics', () => {
  it('are in every provisioned tenant, each at its current revision', async () => {
    for (const slug of ['test-county', 'test-college']) {
      const db = await tenantDbOf(slug);
      const rows = await db.select().from(observationRubrics);
      for (const rubric of BUILTIN_RUBRICS) {
        expect(rows.find((r) => r.builtinKey === rubric.key)).toMatchObject({
          name: rubric.name,
          status: 'active',
        });
      }
    }
  });

  it('sync adds a missing one once, adds a version for a new revision, and keeps the old version readable and usable', async () => {
    const db = await tenantDbOf(TENANT);
    const key = `sync_${crypto.randomUUID().slice(0, 8)}`;
    expect(await ensureBuiltinRubrics(db, WHO, [shipped(key, 1, 10)])).toEqual({ added: 1, updated: 0 });
    expect(await ensureBuiltinRubrics(db, WHO, [shipped(key, 1, 10)])).toEqual({ added: 0, updated: 0 });
    const [first] = await versionsOf(key);
    expect(await ensureBuiltinRubrics(db, WHO, [shipped(key, 2, 20)])).toEqual({ added: 0, updated: 1 });
    const versions = await versionsOf(key);
    expect(versions.map((v) => [v.version, v.revision, v.latest])).toEqual([
      [1, 1, 2],
      [2, 2, 2],
    ]);
    const audits = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'observation_rubric.builtin_sync'), eq(auditLog.requestId, WHO.requestId)),
      );
    expect(audits.length).toBeGreaterThanOrEqual(2);

    const cookie = await cookieOf(TENANT, 'role_director');
    const rubricPath = `/api/t/${TENANT}/teaching/rubrics/${first?.rubricId}`;
    const latest = await api(rubricPath, { cookie });
    expect(latest.body.rubric).toMatchObject({ version: 2, latestVersion: 2, maxTotal: 20 });
    const old = await api(`${rubricPath}?version=1`, { cookie });
    expect(old.body.rubric).toMatchObject({ version: 1, maxTotal: 10, versionId: first?.id });

    // A phone that still holds version 1 is scored against version 1: 9 of 10 is 优秀 there.
    const body = observationBody(await newTeacher(TENANT), first?.id as string, { scores: { overall: 9 } });
    const res = await api(observationsPath(TENANT), { cookie, body });
    expect(res.status).toBe(201);
    expect(res.body.observation).toMatchObject({
      total: 9,
      grade: 'excellent',
      rubric: { version: 1, maxTotal: 10 },
    });
    const over = observationBody(await newTeacher(TENANT), first?.id as string, { scores: { overall: 11 } });
    expect((await api(observationsPath(TENANT), { cookie, body: over })).status).toBe(422);
  });
});
