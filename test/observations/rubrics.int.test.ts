import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, observationRubrics, observationRubricVersions } from '../../db/schema/tenant';
import { type ApiResponse, api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { builtinRubric, newTeacher, observationBody, observationsPath } from './fixtures';
import {
  newRubric,
  rubricName,
  rubricsPath,
  rubricVersions,
  smallRubric,
  versionIdOf,
} from './rubric-fixtures';

const TENANTS = ['test-county', 'test-college'] as const;

function issuesOf(res: ApiResponse) {
  return (res.body.error.details?.issues ?? []) as { path: string; message: string }[];
}

/** How many rubrics, versions and rubric audit rows a tenant has: a refused request changes none. */
async function counts(tenant: string) {
  const db = await tenantDbOf(tenant);
  const [[r], [v], [a]] = await db.batch([
    db.select({ n: count() }).from(observationRubrics),
    db.select({ n: count() }).from(observationRubricVersions),
    db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, 'observation_rubric')),
  ]);
  return { rubrics: r?.n, versions: v?.n, audits: a?.n };
}

async function auditOf(tenant: string, entityId: string) {
  const db = await tenantDbOf(tenant);
  return db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'observation_rubric'), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);
}

describe.each(TENANTS)('editing lesson-observation rubrics in %s', (tenant) => {
  const base = rubricsPath(tenant);
  let director = '';
  let inspector = '';
  beforeAll(async () => {
    [director, inspector] = await Promise.all([
      signIn(tenant, 'role_director'),
      signIn(tenant, 'role_inspector'),
    ]);
  });

  const post = (path: string, body: unknown, cookie = director) => api(path, { cookie, body });

  it('creates a rubric at version 1 with its full marks, and one audit row', async () => {
    const name = rubricName('新课堂评价表');
    const res = await post(base, { name, body: smallRubric() });
    expect(res.status).toBe(201);
    expect(res.body.rubric).toMatchObject({
      name,
      version: 1,
      latestVersion: 1,
      maxTotal: 50,
      status: 'active',
    });
    expect(res.body.rubric.builtinKey).toBeNull();
    const audit = await auditOf(tenant, res.body.rubric.id);
    expect(audit.map((a) => a.action)).toEqual(['observation_rubric.create']);
    expect(audit[0]?.details).toMatchObject({ name, maxTotal: 50 });
    const list = await api(base, { cookie: inspector });
    expect(list.body.items.find((r: { id: string }) => r.id === res.body.rubric.id)).toMatchObject({
      maxTotal: 50,
      status: 'active',
    });
  });

  it('refuses a bad body with 422 naming the item, and writes nothing', async () => {
    const before = await counts(tenant);
    let res = await post(base, { name: rubricName(), body: smallRubric({ interact: 0 }) });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuesOf(res)).toContainEqual({
      path: 'body.sections.1.items.1.max',
      message: '第 2 部分“课堂教学”第 2 项“互动”：评分项的满分至少 1 分',
    });

    res = await post(base, { name: rubricName(), body: smallRubric({}, { interact: 'plan' }) });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuesOf(res).map((i) => i.message)).toContain(
      '评分项“教案”和“互动”的编号都是“plan”，请改成不同的编号',
    );

    // Bands above the items' total (50): 优秀 could never be reached.
    res = await post(base, {
      name: rubricName(),
      body: { ...smallRubric(), bands: { excellent: 55, good: 38, pass: 30 } },
    });
    expect(issuesOf(res).map((i) => i.message)).toContain(
      '“优秀”的分数线 55 分高于各评分项满分之和 50 分，请降低分数线或提高评分项满分',
    );
    // Out of order: a gap or an overlap between grades.
    res = await post(base, {
      name: rubricName(),
      body: { ...smallRubric(), bands: { excellent: 40, good: 42, pass: 30 } },
    });
    expect(issuesOf(res).map((i) => i.message)).toContain('分数线应为 优秀 > 良好 > 合格');
    res = await post(base, { name: '', body: smallRubric() });
    expect(issuesOf(res)).toContainEqual({ path: 'name', message: '请填写评课标准名称' });
    expect(await counts(tenant)).toEqual(before);
  });

  it('copies the shipped rubric into an office rubric that can then be edited; the shipped one cannot', async () => {
    const shipped = await builtinRubric(tenant);
    const copy = await post(`${base}/${shipped.rubricId}/copy`, {});
    expect(copy.status).toBe(201);
    expect(copy.body.rubric).toMatchObject({
      name: '课堂教学评价表（百分制）（副本）',
      version: 1,
      maxTotal: 100,
    });
    expect(copy.body.rubric.builtinKey).toBeNull();
    const shippedBody = (await api(`${base}/${shipped.rubricId}`, { cookie: director })).body.rubric;
    expect(copy.body.rubric.body).toEqual(shippedBody.body);
    expect((await auditOf(tenant, copy.body.rubric.id))[0]).toMatchObject({
      action: 'observation_rubric.copy',
      details: { fromId: shipped.rubricId, fromVersion: shippedBody.version },
    });

    const before = await counts(tenant);
    const edit = await post(`${base}/${shipped.rubricId}/versions`, {
      body: shippedBody.body,
      baseVersion: shippedBody.latestVersion,
      name: '改名',
    });
    expectErrorShape(edit, 409, 'CONFLICT');
    expect(edit.body.error.message).toContain('复制');
    expect(await counts(tenant)).toEqual(before);

    const named = await post(`${base}/${shipped.rubricId}/copy`, { name: rubricName('我校评课表') });
    expect(named.body.rubric.name).toMatch(/^我校评课表/);
  });

  it('adds versions on the latest only; an observation keeps the version it was scored with', async () => {
    const id = await newRubric(tenant);
    const v1 = { id: await versionIdOf(tenant, id) };
    const teacherId = await newTeacher(tenant);
    const scoresV1 = { plan: 9, teach: 27, interact: 9 }; // 45: 优秀 under version 1
    const observation = observationBody(teacherId, v1.id, { scores: scoresV1 });
    const recorded = await api(observationsPath(tenant), { cookie: inspector, body: observation });
    expect(recorded.status).toBe(201);
    expect(recorded.body.observation).toMatchObject({
      total: 45,
      grade: 'excellent',
      rubricVersionId: v1.id,
    });

    // Version 2: 讲授 worth 40 (total 60), bands unchanged.
    const v2 = await post(`${base}/${id}/versions`, { body: smallRubric({ teach: 40 }), baseVersion: 1 });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({
      unchanged: false,
      rubric: { version: 2, latestVersion: 2, maxTotal: 60 },
    });
    // A stale editor (still on version 1) is refused and told to reload.
    const stale = await post(`${base}/${id}/versions`, { body: smallRubric({ teach: 35 }), baseVersion: 1 });
    expectErrorShape(stale, 409, 'CONFLICT');
    expect(stale.body.error.details).toMatchObject({ latestVersion: 2 });
    // Saving version 2 as it is adds nothing.
    const same = await post(`${base}/${id}/versions`, { body: smallRubric({ teach: 40 }), baseVersion: 2 });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ unchanged: true, rubric: { latestVersion: 2 } });
    const v3 = await post(`${base}/${id}/versions`, {
      body: smallRubric({ teach: 40, interact: 20 }),
      baseVersion: 2,
      name: rubricName('改名后的评课表'),
    });
    expect(v3.body.rubric).toMatchObject({ version: 3, maxTotal: 70 });
    expect((await rubricVersions(tenant, id)).map((r) => r.version)).toEqual([1, 2, 3]);

    // The record still shows version 1, its items and its full marks.
    const detail = await api(`${observationsPath(tenant)}/${observation.id}`, { cookie: inspector });
    expect(detail.body.observation).toMatchObject({
      total: 45,
      grade: 'excellent',
      rubric: { id: id, version: 1, versionId: v1.id, maxTotal: 50 },
    });
    expect(detail.body.observation.rubric.body.sections[1].items[0].max).toBe(30);
    const old = await api(`${base}/${id}?version=1`, { cookie: inspector });
    expect(old.body.rubric).toMatchObject({ version: 1, latestVersion: 3, maxTotal: 50 });
    expect((await auditOf(tenant, id)).map((a) => a.action)).toEqual([
      'observation_rubric.version',
      'observation_rubric.version',
    ]);
  });

  it('archives and restores: archived rubrics leave the default, old records still show them', async () => {
    const id = await newRubric(tenant);
    const observation = observationBody(await newTeacher(tenant), await versionIdOf(tenant, id), {
      scores: { plan: 5, teach: 20, interact: 5 },
    });
    expect((await api(observationsPath(tenant), { cookie: inspector, body: observation })).status).toBe(201);

    const archived = await post(`${base}/${id}/archive`, {});
    expect(archived.status).toBe(200);
    expect(archived.body.rubric.status).toBe('archived');
    expect((await post(`${base}/${id}/archive`, {})).body.rubric.status).toBe('archived');
    const list = await api(base, { cookie: inspector });
    expect(list.body.items.find((r: { id: string }) => r.id === id).status).toBe('archived');
    // The shipped rubric is the default (no tenant setting), never an archived one.
    expect(list.body.defaultId).toBe((await builtinRubric(tenant)).rubricId);
    const edit = await post(`${base}/${id}/versions`, { body: smallRubric({ teach: 40 }), baseVersion: 1 });
    expectErrorShape(edit, 409, 'CONFLICT');
    const detail = await api(`${observationsPath(tenant)}/${observation.id}`, { cookie: inspector });
    expect(detail.body.observation.rubric).toMatchObject({ id, version: 1, maxTotal: 50 });

    const restored = await post(`${base}/${id}/restore`, {});
    expect(restored.body.rubric.status).toBe('active');
    expect((await auditOf(tenant, id)).map((a) => a.action)).toEqual([
      'observation_rubric.archive',
      'observation_rubric.restore',
    ]);
  });

  it('refuses an inspector (403) and another tenant’s rubric (404), writing nothing', async () => {
    const before = await counts(tenant);
    const denied = await post(base, { name: rubricName(), body: smallRubric() }, inspector);
    expectErrorShape(denied, 403, 'FORBIDDEN');
    const other = tenant === 'test-county' ? 'test-college' : 'test-county';
    const theirs = await newRubric(other);
    for (const path of [`${base}/${theirs}/copy`, `${base}/${theirs}/archive`, `${base}/${theirs}/restore`]) {
      expectErrorShape(await post(path, {}), 404, 'NOT_FOUND');
    }
    expectErrorShape(
      await post(`${base}/${theirs}/versions`, { body: smallRubric(), baseVersion: 1 }),
      404,
      'NOT_FOUND',
    );
    expect(await counts(tenant)).toEqual(before);
  });
});
