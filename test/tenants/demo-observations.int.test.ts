import { describe, expect, it } from 'vitest';
import { tenantMigrations } from '../../db/migrations/tenant.gen';
import { applyMigrations } from '../../db/migrator';
import { ensureBuiltinTemplates } from '../../tenants/checklists/ensure-builtin';
import { demoTenant } from '../../tenants/demo';
import { seedDemoContent } from '../../tenants/demo/seed';
import { ensureBuiltinRubrics } from '../../tenants/observations/ensure-builtin';
import { beijingDate } from '../../worker/dates';
import {
  quotaFor,
  semesterProgress,
  statusOf,
  supervisorLabelOf,
} from '../../worker/modules/compliance/quotas';
import { peopleQuery } from '../../worker/modules/compliance/records';
import { reportingSemesterKey } from '../../worker/semesters';
import { databases } from '../support/api';

const WHO = { actorId: null, actorName: '演示数据', requestId: 'demo-observations-test' };

describe('the demo college’s observations this semester (npm start)', () => {
  it('gives every quota role someone, and the quota page people done, on track and behind', async () => {
    const dbs = databases();
    const { url } = await dbs.provider.ensureDatabase(`demo-obs-${Date.now().toString(36)}`);
    const db = dbs.tenant(url);
    await applyMigrations(db.$client, tenantMigrations);
    await ensureBuiltinTemplates(db, WHO);
    await ensureBuiltinRubrics(db, WHO);
    const demo = demoTenant('demo-college');
    if (!demo) throw new Error('no demo college');
    await seedDemoContent(db, url, demo, 'Demo-password-2026', WHO, { history: true });

    const today = beijingDate();
    const progress = semesterProgress(
      reportingSemesterKey(today, demo.config.semesters),
      demo.config.semesters,
      today,
    );
    if (progress.elapsedDays < 3) return; // the first days of a semester have too little to show
    const people = await peopleQuery(db, progress.key);
    const statuses = people.map((p) => {
      const quota = quotaFor(p, demo.config.observationQuotas, supervisorLabelOf(demo.config), progress);
      if (!quota) throw new Error(`${p.name} has no quota`);
      return { role: quota.key, status: statusOf(Number(p.done), quota.required, quota.expected) };
    });
    expect(new Set(statuses.map((s) => s.role))).toEqual(
      new Set(['front_line_teacher', 'group_head', 'middle_manager', 'supervisor']),
    );
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['done', 'on_track', 'behind']));
  });
});
