import { and, count, eq, inArray, like } from 'drizzle-orm';
import { auditLog, checklistTemplateVersions, planItems, plans, units, visits } from '../../db/schema/tenant';
import { tenantDbOf } from '../support/api';

/**
 * A visit row written straight into the tenant database: the plan states only look at visits'
 * module, unit and day, and these tests must not wait for the visit submission to exist.
 */
export async function insertVisit(
  tenant: string,
  fields: { module: string; unitId: string; visitedOn: string },
): Promise<string> {
  const db = await tenantDbOf(tenant);
  const [version] = await db
    .select({ id: checklistTemplateVersions.id })
    .from(checklistTemplateVersions)
    .limit(1);
  if (!version) throw new Error(`no template version in ${tenant}`);
  const id = crypto.randomUUID();
  await db.insert(visits).values({
    id,
    module: fields.module as 'management',
    kind: 'routine',
    unitId: fields.unitId,
    templateVersionId: version.id,
    visitedOn: fields.visitedOn,
    methods: ['site'],
    answers: {},
    contentHash: id,
    createdBy: 'test',
    createdAt: new Date().toISOString(),
  });
  return id;
}

/** What a refused plan request must not have written: plans by that name, items or audit rows for those units. */
export async function writtenFor(tenant: string, name: string, unitIds: string[]) {
  const db = await tenantDbOf(tenant);
  const [[p], [i], [a]] = await db.batch([
    db.select({ n: count() }).from(plans).where(eq(plans.name, name)),
    db
      .select({ n: count() })
      .from(planItems)
      .where(inArray(planItems.unitId, unitIds.length ? unitIds : [''])),
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'plan'), like(auditLog.details, `%${name}%`))),
  ]);
  return { plans: p?.n ?? 0, items: i?.n ?? 0, audits: a?.n ?? 0 };
}

/** The rows of a plan's items, for checking the expansion that was stored. */
export async function itemRows(tenant: string, planId: string) {
  const db = await tenantDbOf(tenant);
  return db
    .select({ unitId: planItems.unitId, startsOn: planItems.startsOn, dueOn: planItems.dueOn })
    .from(planItems)
    .where(eq(planItems.planId, planId))
    .orderBy(planItems.dueOn, planItems.unitId);
}

/** `n` active units in one zone, written straight into the database past the zone's limit. */
export async function crowdedZone(
  tenant: string,
  zoneId: string,
  n: number,
  prefix: string,
): Promise<string[]> {
  const db = await tenantDbOf(tenant);
  const now = new Date().toISOString();
  const rows = Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `${prefix}${String(i).padStart(3, '0')}`,
    kind: 'primary',
    zoneId,
    status: 'active' as const,
    updatedAt: now,
  }));
  for (let i = 0; i < rows.length; i += 100) await db.insert(units).values(rows.slice(i, i + 100));
  return rows.map((r) => r.id);
}

/** Archives units written by `crowdedZone`, so they leave no trace in other tests' lists. */
export async function archiveUnits(tenant: string, ids: string[]) {
  const db = await tenantDbOf(tenant);
  await db.update(units).set({ status: 'archived' }).where(inArray(units.id, ids));
}
