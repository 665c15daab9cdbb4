import { checklistTemplateVersions, findings, visits } from '../../db/schema/tenant';
import { tenantDbOf } from '../support/api';

/** Visits written straight into the tenant database: the dashboard reads only module, unit and day. */
export async function insertVisits(
  tenant: string,
  rows: { module: string; unitId: string; visitedOn: string }[],
): Promise<void> {
  const db = await tenantDbOf(tenant);
  const [version] = await db
    .select({ id: checklistTemplateVersions.id })
    .from(checklistTemplateVersions)
    .limit(1);
  if (!version) throw new Error(`no template version in ${tenant}`);
  const now = new Date().toISOString();
  await db.insert(visits).values(
    rows.map((r) => {
      const id = crypto.randomUUID();
      return {
        id,
        module: r.module as 'management',
        kind: 'routine' as const,
        unitId: r.unitId,
        templateVersionId: version.id,
        visitedOn: r.visitedOn,
        methods: ['site' as const],
        answers: {},
        contentHash: id,
        createdBy: 'test',
        createdAt: now,
      };
    }),
  );
}

export interface FindingFixture {
  module: string;
  unitId: string;
  status: 'open' | 'issued' | 'reported' | 'closed';
  deadline?: string;
  issuedAt?: string;
  closedAt?: string;
}

/** Findings in a given state written straight into the tenant database, with their timestamps. */
export async function insertFindings(tenant: string, rows: FindingFixture[]): Promise<void> {
  const db = await tenantDbOf(tenant);
  const now = new Date().toISOString();
  await db.insert(findings).values(
    rows.map((r) => ({
      id: crypto.randomUUID(),
      module: r.module as 'management',
      unitId: r.unitId,
      category: '测试类别',
      severity: 'general' as const,
      description: '看板测试问题',
      deadline: r.deadline ?? '2999-01-01',
      status: r.status,
      issuedAt: r.issuedAt ?? (r.status === 'open' ? null : now),
      closedAt: r.closedAt ?? (r.status === 'closed' ? now : null),
      createdBy: 'test',
      createdAt: now,
      updatedAt: now,
    })),
  );
}
