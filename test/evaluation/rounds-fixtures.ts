import { and, eq, inArray, ne } from 'drizzle-orm';
import {
  evaluationRoundReviewers,
  evaluationRounds,
  evaluationRoundUnits,
  evaluationSchemes,
  evaluationSchemeVersions,
  evaluationScores,
  units,
  users,
} from '../../db/schema/tenant';
import { leafIndicators, type SchemeBody } from '../../tenants/evaluation/scheme';
import { api, signIn, tenantDbOf } from '../support/api';
import { TEST_TENANTS } from '../support/tenants';
import { suffix } from '../units/fixtures';

export function roundsPath(tenant = 'test-county') {
  return `/api/t/${tenant}/evaluation/rounds`;
}

/** Ids of the `role_<role>` accounts of a tenant, and the unit of its unit manager. */
export async function roundPeople(tenant = 'test-county') {
  const db = await tenantDbOf(tenant);
  const rows = await db
    .select({ id: users.id, username: users.username, unitId: users.unitId })
    .from(users)
    .where(
      inArray(users.username, [
        'role_admin',
        'role_director',
        'role_inspector',
        'role_unit_manager',
        'role_teacher',
      ]),
    );
  const by = (name: string) => {
    const row = rows.find((r) => r.username === name);
    if (!row) throw new Error(`no ${name} in ${tenant}`);
    return row;
  };
  const manager = by('role_unit_manager');
  if (!manager.unitId) throw new Error(`role_unit_manager of ${tenant} has no unit`);
  return {
    admin: by('role_admin').id,
    director: by('role_director').id,
    inspector: by('role_inspector').id,
    teacher: by('role_teacher').id,
    manager: manager.id,
    managerUnit: manager.unitId,
  };
}

/** Active non-group units of a tenant other than the manager's (to fill a round beside it). */
export async function otherSchools(tenant = 'test-county', count = 2): Promise<string[]> {
  const db = await tenantDbOf(tenant);
  const { managerUnit } = await roundPeople(tenant);
  const config = TEST_TENANTS.find((t) => t.slug === tenant)?.config;
  const groups = (config?.unitKinds ?? []).filter((k) => k.isGroup).map((k) => k.key);
  const rows = await db
    .select({ id: units.id, kind: units.kind })
    .from(units)
    .where(and(eq(units.status, 'active'), ne(units.id, managerUnit)))
    .orderBy(units.name);
  return rows
    .filter((r) => !groups.includes(r.kind))
    .slice(0, count)
    .map((r) => r.id);
}

/** The id and latest version of the shipped developmental scheme. */
export async function developmentalScheme(tenant = 'test-county') {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select({ id: evaluationSchemes.id, version: evaluationSchemes.latestVersion })
    .from(evaluationSchemes)
    .where(eq(evaluationSchemes.builtinKey, 'developmental_school'));
  if (!row) throw new Error(`no developmental scheme in ${tenant}`);
  return row;
}

/** A valid body for POST /evaluation/rounds: the manager's unit and two others, the inspector leading. */
export async function createRoundBody(tenant = 'test-county', overrides: Record<string, unknown> = {}) {
  const people = await roundPeople(tenant);
  const scheme = await developmentalScheme(tenant);
  return {
    name: `发展性评估${suffix()}`,
    schemeId: scheme.id,
    schoolYear: 2026,
    startsOn: '2026-09-01',
    endsOn: '2027-06-30',
    selfDeadline: '2027-06-30',
    reviewDeadline: '2027-07-10',
    replyDeadline: '2027-07-20',
    unitIds: [people.managerUnit, ...(await otherSchools(tenant))],
    reviewers: [
      { userId: people.inspector, lead: true },
      { userId: people.director, lead: false },
    ],
    ...overrides,
  };
}

/**
 * A round written straight into the database (fast, for fixtures that need many): the manager's
 * unit and two others, the inspector leading. `deadlines` default to far ahead.
 */
export async function newRound(
  tenant = 'test-county',
  fields: Partial<typeof evaluationRounds.$inferInsert> = {},
) {
  const db = await tenantDbOf(tenant);
  const body = await createRoundBody(tenant);
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db.insert(evaluationRounds).values({
    id,
    name: body.name,
    schemeId: body.schemeId,
    // Version 1 is the shipped body the tests know leaf by leaf.
    schemeVersion: 1,
    schoolYear: body.schoolYear,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    selfDeadline: body.selfDeadline,
    reviewDeadline: body.reviewDeadline,
    replyDeadline: body.replyDeadline,
    createdBy: body.reviewers[1]?.userId ?? '',
    createdAt: now,
    updatedAt: now,
    ...fields,
  });
  await db
    .insert(evaluationRoundUnits)
    .values(body.unitIds.map((unitId) => ({ roundId: id, unitId, updatedAt: now })));
  await db.insert(evaluationRoundReviewers).values(body.reviewers.map((r) => ({ roundId: id, ...r })));
  return {
    roundId: id,
    unitIds: body.unitIds,
    managerUnit: body.unitIds[0] as string,
    otherUnit: body.unitIds[1] as string,
  };
}

/** Small files of each kind the evidence check tells apart by their first bytes. */
export const evidenceBytes = {
  pdf: () => new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
  docx: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...new Array(64).fill(0x20)]),
  exe: () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, ...new Array(64).fill(0)]),
};

/** Uploads a file as evidence and answers the API response. */
export function uploadEvidenceFile(
  tenant: string,
  cookie: string,
  round: { roundId: string; unitId: string },
  file: { name: string; bytes: Uint8Array; indicator?: string },
) {
  const query = new URLSearchParams({
    name: file.name,
    ...(file.indicator ? { indicator: file.indicator } : {}),
  });
  return api(`${roundsPath(tenant)}/${round.roundId}/units/${round.unitId}/evidence?${query}`, {
    method: 'POST',
    cookie,
    rawBody: file.bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
}

/** A round whose manager unit has every leaf scored and its report written, ready to submit. */
export async function roundReadyToSubmit(tenant = 'test-county') {
  const round = await newRound(tenant);
  const db = await tenantDbOf(tenant);
  const people = await roundPeople(tenant);
  const [version] = await db
    .select({ body: evaluationSchemeVersions.body })
    .from(evaluationSchemeVersions)
    .where(
      and(
        eq(evaluationSchemeVersions.schemeId, (await developmentalScheme(tenant)).id),
        eq(evaluationSchemeVersions.version, 1),
      ),
    );
  const now = new Date().toISOString();
  await db.insert(evaluationScores).values(
    leafIndicators(version?.body as SchemeBody).map((leaf) => ({
      roundId: round.roundId,
      unitId: round.managerUnit,
      side: 'self' as const,
      indicatorKey: leaf.key,
      score: leaf.points,
      scoredBy: people.manager,
      scoredAt: now,
    })),
  );
  await db
    .update(evaluationRoundUnits)
    .set({ selfReport: '自查报告' })
    .where(
      and(
        eq(evaluationRoundUnits.roundId, round.roundId),
        eq(evaluationRoundUnits.unitId, round.managerUnit),
      ),
    );
  return round;
}

/** A round with one evidence file on the manager's unit, uploaded through the API by `username`. */
export async function roundWithEvidence(tenant = 'test-county', username = 'role_unit_manager') {
  const round = await newRound(tenant);
  const cookie = await signIn(tenant, username);
  const res = await uploadEvidenceFile(
    tenant,
    cookie,
    { roundId: round.roundId, unitId: round.managerUnit },
    {
      name: '佐证.pdf',
      bytes: evidenceBytes.pdf(),
      indicator: 'A1.1',
    },
  );
  if (res.status !== 201) throw new Error(`upload evidence: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...round, evidenceId: res.body.evidence.id as string };
}
