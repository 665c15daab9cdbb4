import { and, count, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, checklistTemplates, checklistTemplateVersions } from '../../db/schema/tenant';
import { BUILTIN_TEMPLATES } from '../../tenants/checklists/builtin';
import { ChecklistBodySchema } from '../../tenants/checklists/schema';
import { MAX_JSON_BYTES, MAX_TEMPLATE_BYTES } from '../../worker/middleware/body-limit';
import { type ApiResponse, api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { newTemplate, sampleBody, suffix, templatesPath } from './fixtures';

const COUNTY = 'test-county';
const COLLEGE = 'test-college';
const base = templatesPath(COUNTY, 'management');

const routineEight = BUILTIN_TEMPLATES.find((t) => t.key === 'routine_eight');
if (!routineEight) throw new Error('routine_eight is not shipped');
const routineItems = routineEight.body.sections.reduce((n, s) => n + s.items.length, 0);

let director = '';
let inspector = '';
let viewer = '';
let collegeDirector = '';
let collegeViewer = '';
beforeAll(async () => {
  [director, inspector, viewer, collegeDirector, collegeViewer] = await Promise.all([
    signIn(COUNTY, 'role_director'),
    signIn(COUNTY, 'role_inspector'),
    signIn(COUNTY, 'role_viewer'),
    signIn(COLLEGE, 'role_director'),
    signIn(COLLEGE, 'role_viewer'),
  ]);
});

async function auditOf(tenant: string, entityId: string, action?: string) {
  const db = await tenantDbOf(tenant);
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'checklist_template'),
        eq(auditLog.entityId, entityId),
        action ? eq(auditLog.action, action) : undefined,
      ),
    );
}

async function versionRows(tenant: string, templateId: string) {
  const db = await tenantDbOf(tenant);
  return db
    .select()
    .from(checklistTemplateVersions)
    .where(eq(checklistTemplateVersions.templateId, templateId))
    .orderBy(checklistTemplateVersions.version);
}

/** How many templates, versions and checklist audit rows the tenant has: a refused request changes none. */
async function counts(tenant: string) {
  const db = await tenantDbOf(tenant);
  const [[templates], [versions], [audits]] = await db.batch([
    db.select({ n: count() }).from(checklistTemplates),
    db.select({ n: count() }).from(checklistTemplateVersions),
    db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, 'checklist_template')),
  ]);
  return { templates: templates?.n, versions: versions?.n, audits: audits?.n };
}

function issuesOf(res: ApiResponse) {
  return (res.body.error.details?.issues ?? []) as { path: string; message: string }[];
}

/** A template as a shipped one is stored (builtin key, version 1 with a revision), for the edit tests. */
async function fakeShipped(tenant = COUNTY) {
  const db = await tenantDbOf(tenant);
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db.batch([
    db.insert(checklistTemplates).values({
      id,
      module: 'management',
      name: `内置测试检查表${suffix()}`,
      description: '系统内置',
      builtinKey: `test_shipped_${suffix()}${suffix()}`,
      latestVersion: 1,
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(checklistTemplateVersions).values({
      id: crypto.randomUUID(),
      templateId: id,
      version: 1,
      body: v.parse(ChecklistBodySchema, sampleBody('内置检查项')),
      builtinRevision: 1,
      createdAt: now,
    }),
  ]);
  return id;
}

async function routineEightId(tenant: string) {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select({ id: checklistTemplates.id })
    .from(checklistTemplates)
    .where(eq(checklistTemplates.builtinKey, 'routine_eight'));
  if (!row) throw new Error(`routine_eight missing in ${tenant}`);
  return row.id;
}

/** A body of `n` yes/no items with 20-character labels, in sections of 60. */
function bigBody(n: number) {
  const sections = [];
  for (let s = 0; s * 60 < n; s++) {
    const size = Math.min(60, n - s * 60);
    sections.push({
      key: `part_${s}`,
      title: `第${s + 1}部分`,
      items: Array.from({ length: size }, (_, i) => ({
        key: `p${s}_item_${i}`,
        // As long as the shipped ones: a 30-character item, 40 characters of guidance, one rule.
        label:
          `检查项内容第${String(s * 60 + i + 1).padStart(3, '0')}条：校园安全管理制度和岗位责任落实到位情况良好`.slice(
            0,
            30,
          ),
        type: 'yes_no',
        required: true,
        guidance:
          '查阅制度文本和检查记录，实地查看相关场所和设施设备，走访师生了解日常落实情况，发现问题当场反馈。'.slice(
            0,
            40,
          ),
        rules: [{ when: { answer: 'no' }, requireNote: true, requirePhoto: true, createFinding: true }],
      })),
    });
  }
  return { sections };
}

describe('list', () => {
  it('shows the shipped routine_eight under management in both tenants, to readers, sorted by name', async () => {
    for (const [tenant, cookie] of [
      [COUNTY, viewer],
      [COUNTY, inspector],
      [COLLEGE, collegeViewer],
    ] as const) {
      const res = await api(templatesPath(tenant, 'management'), { cookie });
      expect(res.status).toBe(200);
      const found = res.body.items.find((t: { name: string }) => t.name === routineEight.name);
      expect(found).toMatchObject({
        module: 'management',
        description: routineEight.description,
        builtin: true,
        status: 'active',
        itemCount: routineItems,
      });
      expect(found.latestVersion).toBeGreaterThanOrEqual(1);
      expect(typeof found.updatedAt).toBe('string');
      const names: string[] = res.body.items.map((t: { name: string }) => t.name);
      expect(names).toEqual([...names].sort());
      expect(res.body.items.every((t: { module: string }) => t.module === 'management')).toBe(true);
    }
  });

  it('lists only the module of the path, searches name and description, and filters by status', async () => {
    const tag = suffix();
    const id = await newTemplate(COUNTY, 'safety', `搜索测试${tag}`);
    const safety = await api(`${templatesPath(COUNTY, 'safety')}?q=${encodeURIComponent(tag)}`, {
      cookie: viewer,
    });
    expect(safety.body.items.map((t: { id: string }) => t.id)).toEqual([id]);
    expect(safety.body.total).toBe(1);
    const management = await api(`${base}?q=${encodeURIComponent(tag)}`, { cookie: viewer });
    expect(management.body.items).toEqual([]);
    // % and _ are letters in a search box.
    const wildcard = await api(`${templatesPath(COUNTY, 'safety')}?q=%25`, { cookie: viewer });
    expect(wildcard.body.items.map((t: { id: string }) => t.id)).not.toContain(id);

    await api(`${templatesPath(COUNTY, 'safety')}/${id}/archive`, { cookie: director, body: {} });
    const active = await api(`${templatesPath(COUNTY, 'safety')}?q=${tag}`, { cookie: viewer });
    expect(active.body.items).toEqual([]);
    const archived = await api(`${templatesPath(COUNTY, 'safety')}?q=${tag}&status=archived`, {
      cookie: viewer,
    });
    expect(archived.body.items).toMatchObject([{ id, status: 'archived' }]);
  });

  it('refuses a bad filter with 422 in Chinese', async () => {
    const res = await api(`${base}?status=deleted`, { cookie: viewer });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(issuesOf(res)[0]).toMatchObject({ path: 'status' });
  });
});

describe('create', () => {
  it('creates an office template as version 1, reads it back, and audits in the same request', async () => {
    const name = `新建检查表${suffix()}`;
    const res = await api(base, {
      cookie: director,
      body: { name: ` ${name} `, description: '每学期开学检查使用', body: sampleBody() },
    });
    expect(res.status).toBe(201);
    const template = res.body.template;
    expect(template).toMatchObject({
      module: 'management',
      name,
      description: '每学期开学检查使用',
      builtin: false,
      copiedFromId: null,
      status: 'active',
      latestVersion: 1,
      itemCount: 3,
    });
    // Stored as parsed: defaults written out.
    expect(template.body.sections[0].items[1]).toMatchObject({ key: 'gate_score', required: false, max: 10 });
    expect(template.versions).toMatchObject([
      { version: 1, createdByName: '测试director', note: null, builtin: false },
    ]);

    const detail = await api(`${base}/${template.id}`, { cookie: viewer });
    expect(detail.status).toBe(200);
    expect(detail.body.template.body).toEqual(template.body);

    const [audit, ...more] = await auditOf(COUNTY, template.id, 'checklist.create');
    expect(more).toEqual([]);
    expect(audit?.requestId).toBe(res.headers.get('x-request-id'));
    expect(audit?.details).toMatchObject({ module: 'management', name, version: 1, itemCount: 3 });
    expect(await versionRows(COUNTY, template.id)).toHaveLength(1);
  });

  it('refuses bad bodies with 422, the field paths and the schema’s Chinese messages, and writes nothing', async () => {
    const before = await counts(COUNTY);
    const cases: { body: unknown; path: string; message: string | RegExp }[] = [
      {
        body: { name: '坏检查表', body: { sections: [] } },
        path: 'body.sections',
        message: '至少要有 1 个分组',
      },
      {
        body: {
          name: '坏检查表',
          body: {
            sections: [
              {
                key: 'a',
                title: '分组',
                items: [
                  { key: 'x1', label: '一', type: 'yes_no' },
                  { key: 'x2', label: '二', type: 'yes_no' },
                  { key: 'x3', label: '三', type: 'score', max: 0 },
                ],
              },
            ],
          },
        },
        path: 'body.sections.0.items.2.max',
        message: '满分至少 0.5',
      },
      {
        body: {
          name: '坏检查表',
          body: {
            sections: [{ key: 'A-1', title: '分组', items: [{ key: 'x', label: '一', type: 'yes_no' }] }],
          },
        },
        path: 'body.sections.0.key',
        message: '分组的编号只能用小写字母、数字和下划线，以字母开头',
      },
      {
        body: {
          name: '坏检查表',
          body: {
            sections: [{ key: 'a', title: '分组', items: [{ key: 'x', label: '评分', type: 'score' }] }],
          },
        },
        path: 'body.sections.0.items.0',
        message: '评分项必须填写满分',
      },
      {
        body: {
          name: '坏检查表',
          body: {
            sections: [
              { key: 'a', title: '一', items: [{ key: 'x', label: '一', type: 'yes_no' }] },
              { key: 'b', title: '二', items: [{ key: 'x', label: '二', type: 'yes_no' }] },
            ],
          },
        },
        path: 'body',
        message: '检查项编号不能重复',
      },
      { body: { body: sampleBody() }, path: 'name', message: /name/ },
      { body: { name: '无内容' }, path: 'body', message: /body/ },
    ];
    for (const c of cases) {
      const res = await api(base, { cookie: director, body: c.body });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      const issue = issuesOf(res).find((i) => i.path === c.path);
      if (!issue) throw new Error(`no issue at ${c.path}: ${JSON.stringify(issuesOf(res))}`);
      expect(issue.message).toMatch(c.message);
      for (const i of issuesOf(res)) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await counts(COUNTY)).toEqual(before);
  });

  it('takes a full 300-item template (past the 64 KB limit of other JSON bodies) and refuses 301', async () => {
    const body = bigBody(300);
    const payload = { name: `三百项检查表${suffix()}`, body };
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeGreaterThan(MAX_JSON_BYTES);
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(MAX_TEMPLATE_BYTES);
    const res = await api(base, { cookie: director, body: payload });
    expect(res.status).toBe(201);
    expect(res.body.template.itemCount).toBe(300);

    const before = await counts(COUNTY);
    const over = await api(base, { cookie: director, body: { name: '超限检查表', body: bigBody(301) } });
    expectErrorShape(over, 422, 'VALIDATION_FAILED');
    expect(issuesOf(over)).toContainEqual({ path: 'body', message: '一个检查表最多 300 个检查项' });
    // Past the template ceiling the body is not even read.
    const huge = await api(base, {
      cookie: director,
      body: { name: '超大检查表', description: '长'.repeat(100_000), body },
    });
    expectErrorShape(huge, 413, 'PAYLOAD_TOO_LARGE');
    expect(await counts(COUNTY)).toEqual(before);
  });
});

describe('copy', () => {
  it('copies the shipped routine_eight into an office template with “（副本）”, leaving the source as it was', async () => {
    const sourceId = await routineEightId(COUNTY);
    const source = await api(`${base}/${sourceId}`, { cookie: director });
    const res = await api(`${base}/${sourceId}/copy`, { cookie: director, body: {} });
    expect(res.status).toBe(201);
    const copy = res.body.template;
    expect(copy).toMatchObject({
      name: `${routineEight.name}（副本）`,
      module: 'management',
      builtin: false,
      builtinKey: null,
      copiedFromId: sourceId,
      copiedFrom: { id: sourceId, name: routineEight.name },
      latestVersion: 1,
      itemCount: routineItems,
    });
    expect(copy.body).toEqual(source.body.template.body);
    expect(copy.versions[0].note).toContain(routineEight.name);
    const [audit] = await auditOf(COUNTY, copy.id, 'checklist.copy');
    expect(audit?.requestId).toBe(res.headers.get('x-request-id'));
    expect(audit?.details).toMatchObject({
      fromId: sourceId,
      fromVersion: source.body.template.latestVersion,
    });
    const after = await api(`${base}/${sourceId}`, { cookie: director });
    expect(after.body.template).toEqual(source.body.template);
  });

  it('takes a name for the copy, and 422 for a blank one', async () => {
    const id = await newTemplate();
    const res = await api(`${base}/${id}/copy`, { cookie: director, body: { name: '我的副本' } });
    expect(res.status).toBe(201);
    expect(res.body.template.name).toBe('我的副本');
    const blank = await api(`${base}/${id}/copy`, { cookie: director, body: { name: '  ' } });
    expectErrorShape(blank, 422, 'VALIDATION_FAILED');
    expect(issuesOf(blank)[0]).toMatchObject({ path: 'name', message: '请填写检查表名称' });
  });
});

describe('edit (a new version)', () => {
  it('adds version 2, keeps version 1 readable and unchanged, and audits the edit', async () => {
    const id = await newTemplate();
    const v1 = await api(`${base}/${id}/versions/1`, { cookie: inspector });
    expect(v1.status).toBe(200);
    const edited = sampleBody('校园出入口有专人值守并如实登记');
    const res = await api(`${base}/${id}/versions`, {
      cookie: director,
      body: { body: edited, baseVersion: 1, note: '增加登记要求', name: '修改后的检查表' },
    });
    expect(res.status).toBe(200);
    expect(res.body.unchanged).toBe(false);
    expect(res.body.template).toMatchObject({ latestVersion: 2, name: '修改后的检查表' });
    expect(res.body.template.body.sections[0].items[0].label).toBe('校园出入口有专人值守并如实登记');
    expect(res.body.template.versions).toMatchObject([
      { version: 1, note: null },
      { version: 2, note: '增加登记要求', createdByName: '测试director' },
    ]);

    const again = await api(`${base}/${id}/versions/1`, { cookie: inspector });
    expect(again.body.version).toEqual({ ...v1.body.version, latest: false });
    expect(again.body.version.body.sections[0].items[0].label).toBe('校园出入口有专人值守');
    const v2 = await api(`${base}/${id}/versions/2`, { cookie: inspector });
    expect(v2.body.version).toMatchObject({ version: 2, latest: true, note: '增加登记要求' });

    const [audit, ...more] = await auditOf(COUNTY, id, 'checklist.version');
    expect(more).toEqual([]);
    expect(audit?.requestId).toBe(res.headers.get('x-request-id'));
    expect(audit?.details).toMatchObject({
      from: 1,
      to: 2,
      note: '增加登记要求',
      bodyChanged: true,
      changes: { name: { to: '修改后的检查表' } },
    });
  });

  it('adds nothing for a body identical to the latest (200, unchanged, no audit)', async () => {
    const id = await newTemplate();
    const before = await counts(COUNTY);
    // The same body with its keys in another order and defaults spelled out is still the same.
    const same = sampleBody();
    const res = await api(`${base}/${id}/versions`, {
      cookie: director,
      body: {
        body: {
          sections: same.sections.map(({ items, ...s }) => ({
            items: items.map((i) => ({ required: false, ...i })),
            ...s,
          })),
        },
        baseVersion: 1,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.unchanged).toBe(true);
    expect(res.body.template.latestVersion).toBe(1);
    expect(await counts(COUNTY)).toEqual(before);
  });

  it('edits a shipped template too: the office’s version becomes the latest, the template stays shipped', async () => {
    const id = await fakeShipped();
    const res = await api(`${base}/${id}/versions`, {
      cookie: director,
      body: { body: sampleBody('本单位改写的检查项'), baseVersion: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.template).toMatchObject({ builtin: true, latestVersion: 2 });
    expect(res.body.template.versions).toMatchObject([
      { version: 1, builtin: true, createdByName: null },
      { version: 2, builtin: false, createdByName: '测试director' },
    ]);
    const rows = await versionRows(COUNTY, id);
    expect(rows.map((r) => [r.version, r.builtinRevision])).toEqual([
      [1, 1],
      [2, null],
    ]);
  });

  it('refuses an edit on an older version with 409 and writes nothing', async () => {
    const id = await newTemplate();
    const first = await api(`${base}/${id}/versions`, {
      cookie: director,
      body: { body: sampleBody('第二版'), baseVersion: 1 },
    });
    expect(first.status).toBe(200);
    const before = await counts(COUNTY);
    const stale = await api(`${base}/${id}/versions`, {
      cookie: director,
      body: { body: sampleBody('基于第一版的修改'), baseVersion: 1 },
    });
    expectErrorShape(stale, 409, 'CONFLICT');
    expect(stale.body.error.message).toBe('该检查表已被其他人修改，请刷新后在最新版本上修改。');
    expect(stale.body.error.details).toEqual({ latestVersion: 2 });
    expect(await counts(COUNTY)).toEqual(before);
  });

  it('of two edits on the same version at once, exactly one is saved and the other gets 409', async () => {
    const id = await newTemplate();
    const edit = (label: string, cookie: string) =>
      api(`${base}/${id}/versions`, { cookie, body: { body: sampleBody(label), baseVersion: 1 } });
    const admin = await signIn(COUNTY, 'role_admin');
    const results = await Promise.all([edit('甲的修改', director), edit('乙的修改', admin)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409) as ApiResponse;
    expectErrorShape(refused, 409, 'CONFLICT');
    expect(refused.body.error.message).toContain('已被其他人修改');
    const rows = await versionRows(COUNTY, id);
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    const winner = results.find((r) => r.status === 200) as ApiResponse;
    expect(JSON.stringify(rows[1]?.body)).toContain(winner.body.template.body.sections[0].items[0].label);
    expect(await auditOf(COUNTY, id, 'checklist.version')).toHaveLength(1);
  });

  it('refuses a bad body or a missing base version with 422 and writes nothing', async () => {
    const id = await newTemplate();
    const before = await counts(COUNTY);
    const bad = sampleBody();
    (bad.sections[0]?.items[2] as { choices: string[] }).choices = ['纸质', '纸质'];
    const dup = await api(`${base}/${id}/versions`, {
      cookie: director,
      body: { body: bad, baseVersion: 1 },
    });
    expectErrorShape(dup, 422, 'VALIDATION_FAILED');
    expect(issuesOf(dup)).toContainEqual({ path: 'body.sections.0.items.2', message: '选项不能重复' });
    const noBase = await api(`${base}/${id}/versions`, {
      cookie: director,
      body: { body: sampleBody('新') },
    });
    expectErrorShape(noBase, 422, 'VALIDATION_FAILED');
    expect(issuesOf(noBase)[0]?.path).toBe('baseVersion');
    expect(await counts(COUNTY)).toEqual(before);
  });

  it('refuses to edit an archived template until it is restored', async () => {
    const id = await newTemplate();
    await api(`${base}/${id}/archive`, { cookie: director, body: {} });
    const res = await api(`${base}/${id}/versions`, {
      cookie: director,
      body: { body: sampleBody('停用后修改'), baseVersion: 1 },
    });
    expectErrorShape(res, 409, 'CONFLICT');
    expect(res.body.error.message).toContain('已停用');
    expect(await versionRows(COUNTY, id)).toHaveLength(1);
  });
});

describe('archive and restore', () => {
  it('archives and restores, each once in the audit log, and doing it twice changes nothing', async () => {
    const id = await newTemplate();
    const archived = await api(`${base}/${id}/archive`, { cookie: director, body: {} });
    expect(archived.status).toBe(200);
    expect(archived.body.template.status).toBe('archived');
    const twice = await api(`${base}/${id}/archive`, { cookie: director, body: {} });
    expect(twice.body.template.status).toBe('archived');
    const [audit, ...more] = await auditOf(COUNTY, id, 'checklist.archive');
    expect(more).toEqual([]);
    expect(audit?.requestId).toBe(archived.headers.get('x-request-id'));
    // Its versions stay readable while archived.
    expect((await api(`${base}/${id}/versions/1`, { cookie: viewer })).status).toBe(200);

    const restored = await api(`${base}/${id}/restore`, { cookie: director, body: {} });
    expect(restored.body.template.status).toBe('active');
    expect(await auditOf(COUNTY, id, 'checklist.restore')).toHaveLength(1);
  });
});

describe('modules and tenants', () => {
  it('answers 404 for a template read or changed through another module’s path', async () => {
    const id = await newTemplate(COUNTY, 'management');
    const teaching = templatesPath(COUNTY, 'teaching');
    const before = await counts(COUNTY);
    for (const res of [
      await api(`${teaching}/${id}`, { cookie: director }),
      await api(`${teaching}/${id}/versions/1`, { cookie: director }),
      await api(`${teaching}/${id}/copy`, { cookie: director, body: {} }),
      await api(`${teaching}/${id}/versions`, {
        cookie: director,
        body: { body: sampleBody('跨模块'), baseVersion: 1 },
      }),
      await api(`${teaching}/${id}/archive`, { cookie: director, body: {} }),
    ]) {
      expectErrorShape(res, 404, 'NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toContain('校园出入口');
    }
    expect(await counts(COUNTY)).toEqual(before);
  });

  it('answers 403 MODULE_DISABLED for a module the tenant has off (test-county: study), 200 where it is on', async () => {
    const off = await api(templatesPath(COUNTY, 'study'), { cookie: director });
    expectErrorShape(off, 403, 'MODULE_DISABLED');
    expect(off.body.error.message).toContain('督学');
    const create = await api(templatesPath(COUNTY, 'study'), {
      cookie: director,
      body: { name: '不应保存', body: sampleBody() },
    });
    expectErrorShape(create, 403, 'MODULE_DISABLED');
    const on = await api(templatesPath(COLLEGE, 'study'), { cookie: collegeViewer });
    expect(on.status).toBe(200);
  });

  it('answers 404 for another tenant’s template id, for unknown ids and for bad version numbers', async () => {
    const countyId = await newTemplate(COUNTY);
    const college = templatesPath(COLLEGE, 'management');
    for (const path of [
      `${college}/${countyId}`,
      `${college}/${countyId}/versions/1`,
      `${college}/${crypto.randomUUID()}`,
      `${college}/not-an-id`,
      `${base}/${countyId}/versions/0`,
      `${base}/${countyId}/versions/abc`,
      `${base}/${countyId}/versions/99`,
    ]) {
      const cookie = path.startsWith(college) ? collegeDirector : director;
      expectErrorShape(await api(path, { cookie }), 404, 'NOT_FOUND');
    }
    const copy = await api(`${college}/${countyId}/copy`, { cookie: collegeDirector, body: {} });
    expectErrorShape(copy, 404, 'NOT_FOUND');
  });
});
