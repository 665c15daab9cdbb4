import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, checklistTemplates, checklistTemplateVersions } from '../../db/schema/tenant';
import { BUILTIN_TEMPLATES } from '../../tenants/checklists/builtin';
import { ensureBuiltinTemplates } from '../../tenants/checklists/ensure-builtin';
import type { BuiltinTemplate } from '../../tenants/checklists/schema';
import { tenantDbOf } from '../support/api';

const WHO = { actorId: null, actorName: '测试', requestId: 'test-builtin-sync' };

function shipped(key: string, revision: number, label: string): BuiltinTemplate {
  return {
    key,
    module: 'safety',
    name: `同步测试${key}`,
    description: '测试用内置检查表',
    revision,
    body: {
      sections: [{ key: 's', title: '分组', items: [{ key: 'a', label, type: 'yes_no', required: true }] }],
    },
  };
}

async function versionsOf(key: string) {
  const db = await tenantDbOf('test-college');
  return db
    .select({
      version: checklistTemplateVersions.version,
      revision: checklistTemplateVersions.builtinRevision,
      body: checklistTemplateVersions.body,
      latest: checklistTemplates.latestVersion,
    })
    .from(checklistTemplateVersions)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklistTemplateVersions.templateId))
    .where(eq(checklistTemplates.builtinKey, key))
    .orderBy(asc(checklistTemplateVersions.version));
}

describe('shipped checklist templates', () => {
  it('are in every provisioned tenant, each at its current revision', async () => {
    for (const slug of ['test-county', 'test-college']) {
      const db = await tenantDbOf(slug);
      const rows = await db.select().from(checklistTemplates);
      for (const template of BUILTIN_TEMPLATES) {
        expect(rows.find((r) => r.builtinKey === template.key)).toMatchObject({
          module: template.module,
          name: template.name,
        });
      }
    }
  });

  it('sync adds a missing one once, adds a version for a new revision, and keeps old versions', async () => {
    const db = await tenantDbOf('test-college');
    const key = `sync_${crypto.randomUUID().slice(0, 8)}`;
    expect(await ensureBuiltinTemplates(db, WHO, [shipped(key, 1, '第一版')])).toEqual({
      added: 1,
      updated: 0,
    });
    // Running again changes nothing and writes no audit row.
    const audits = async () =>
      (
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'checklist.builtin_sync')))
      ).length;
    const before = await audits();
    expect(await ensureBuiltinTemplates(db, WHO, [shipped(key, 1, '第一版')])).toEqual({
      added: 0,
      updated: 0,
    });
    expect(await audits()).toBe(before);

    expect(await ensureBuiltinTemplates(db, WHO, [shipped(key, 2, '第二版')])).toEqual({
      added: 0,
      updated: 1,
    });
    const versions = await versionsOf(key);
    expect(versions.map((v) => [v.version, v.revision])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(JSON.stringify(versions[0]?.body)).toContain('第一版');
    expect(JSON.stringify(versions[1]?.body)).toContain('第二版');
    expect(versions[1]?.latest).toBe(2);
    expect(await audits()).toBe(before + 1);
  });
});
