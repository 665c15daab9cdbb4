import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evaluationRounds, evaluationRoundUnits, evaluationScores } from '../../db/schema/tenant';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { newGroupUnit } from '../units/fixtures';
import { createRoundBody, newRound, roundPeople, roundsPath } from './rounds-fixtures';

const TENANTS = ['test-county', 'test-college'] as const;

async function roundCount(tenant: string) {
  const db = await tenantDbOf(tenant);
  const [row] = await db.select({ n: count() }).from(evaluationRounds);
  return row?.n ?? 0;
}

describe.each(TENANTS)('evaluation rounds in %s', (tenant) => {
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    for (const role of ['director', 'inspector', 'viewer', 'unit_manager', 'teacher']) {
      cookies[role] = await signIn(tenant, `role_${role}`);
    }
  });

  it('the director creates a round with its units, team and audit row; it keeps the scheme version', async () => {
    const body = await createRoundBody(tenant);
    const res = await api(roundsPath(tenant), { cookie: cookies.director, body });
    expect(res.status).toBe(201);
    const id = res.body.round.id as string;
    expect(res.body.round).toMatchObject({
      name: body.name,
      status: 'open',
      schoolYear: 2026,
      schemeVersion: 1,
    });

    const db = await tenantDbOf(tenant);
    const unitRows = await db.select().from(evaluationRoundUnits).where(eq(evaluationRoundUnits.roundId, id));
    expect(unitRows.map((u) => u.unitId).sort()).toEqual([...body.unitIds].sort());
    expect(unitRows.every((u) => u.status === 'self' && u.selfTotal === null)).toBe(true);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit?.action).toBe('evaluation_round.create');

    const overview = await api(`${roundsPath(tenant)}/${id}`, { cookie: cookies.viewer });
    expect(overview.status).toBe(200);
    expect(overview.body.units).toHaveLength(3);
    expect(overview.body.scheme).toMatchObject({ totalPoints: 100, leafCount: 19, version: 1 });
    expect(overview.body.team.map((m: { lead: boolean }) => m.lead)).toEqual([true, false]);
    expect(overview.body.units[0]).toMatchObject({ status: 'self', selfScored: 0, evidenceCount: 0 });
  });

  it('refuses deadlines out of order, two leads, a teacher on the team and a group unit, writing nothing', async () => {
    const people = await roundPeople(tenant);
    const group = await newGroupUnit(tenant);
    const before = await roundCount(tenant);
    const body = await createRoundBody(tenant, {
      selfDeadline: '2027-07-15',
      reviewDeadline: '2027-07-10',
      unitIds: [people.managerUnit, group, people.managerUnit],
      reviewers: [
        { userId: people.inspector, lead: true },
        { userId: people.teacher, lead: true },
      ],
    });
    const res = await api(roundsPath(tenant), { cookie: cookies.director, body });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const issues = res.body.error.details.issues as { path: string; message: string }[];
    const at = (path: string) => issues.find((i) => i.path === path)?.message ?? '';
    expect(at('reviewDeadline')).toContain('评审截止日期（2027-07-10）不能早于自评截止日期（2027-07-15）');
    expect(at('reviewers')).toBe('评估组只能有 1 名组长（现在 2 名）');
    expect(at('reviewers.1.userId')).toContain('不能加入评估组');
    expect(at('unitIds.1')).toContain('是单位分组，不能作为被评单位');
    expect(at('unitIds.2')).toBe('同一单位选择了两次，请去掉重复的一项');
    expect(await roundCount(tenant)).toBe(before);
  });

  it('refuses a round without units and a period longer than two years', async () => {
    const res = await api(roundsPath(tenant), {
      cookie: cookies.director,
      body: await createRoundBody(tenant, { unitIds: [], endsOn: '2029-12-31' }),
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain('unitIds');
  });

  it('a unit manager lists and opens only rounds and units of their own unit', async () => {
    const people = await roundPeople(tenant);
    const mine = await newRound(tenant);
    const list = await api(roundsPath(tenant), { cookie: cookies.unit_manager });
    expect(list.status).toBe(200);
    const row = list.body.rounds.find((r: { id: string }) => r.id === mine.roundId);
    expect(row.unitCount).toBe(1);
    expect(row.myUnits).toEqual([expect.objectContaining({ unitId: people.managerUnit, status: 'self' })]);

    const overview = await api(`${roundsPath(tenant)}/${mine.roundId}`, { cookie: cookies.unit_manager });
    expect(overview.body.units.map((u: { unitId: string }) => u.unitId)).toEqual([people.managerUnit]);
    expect(overview.body.access.as).toBe('unit');

    const other = await api(`${roundsPath(tenant)}/${mine.roundId}/units/${mine.otherUnit}`, {
      cookie: cookies.unit_manager,
    });
    expectErrorShape(other, 404, 'NOT_FOUND');

    // A round without their unit is not there for them.
    const db = await tenantDbOf(tenant);
    await db
      .delete(evaluationRoundUnits)
      .where(eq(evaluationRoundUnits.roundId, mine.roundId))
      .then(() =>
        db.insert(evaluationRoundUnits).values({
          roundId: mine.roundId,
          unitId: mine.otherUnit,
          updatedAt: new Date().toISOString(),
        }),
      );
    expectErrorShape(
      await api(`${roundsPath(tenant)}/${mine.roundId}`, { cookie: cookies.unit_manager }),
      404,
      'NOT_FOUND',
    );
    const again = await api(roundsPath(tenant), { cookie: cookies.unit_manager });
    expect(again.body.rounds.some((r: { id: string }) => r.id === mine.roundId)).toBe(false);
  });

  it('the workbench shows the tree with criteria, and the team’s scores to the unit only once published', async () => {
    const round = await newRound(tenant);
    const db = await tenantDbOf(tenant);
    const people = await roundPeople(tenant);
    const now = new Date().toISOString();
    await db.insert(evaluationScores).values([
      {
        roundId: round.roundId,
        unitId: round.managerUnit,
        side: 'self',
        indicatorKey: 'A1.1',
        score: 4.5,
        note: '规划已论证',
        scoredBy: people.manager,
        scoredAt: now,
      },
      {
        roundId: round.roundId,
        unitId: round.managerUnit,
        side: 'review',
        indicatorKey: 'A1.1',
        score: 3,
        note: '缺教代会决议',
        scoredBy: people.inspector,
        scoredAt: now,
      },
    ]);
    const path = `${roundsPath(tenant)}/${round.roundId}/units/${round.managerUnit}`;

    const unitView = await api(path, { cookie: cookies.unit_manager });
    expect(unitView.status).toBe(200);
    const a1 = unitView.body.indicators[0];
    expect(a1).toMatchObject({ key: 'A1', level: 1, leaf: false, points: 15 });
    expect(a1.selfTotal).toEqual({ score: 4.5, scored: 1, leaves: 3, missing: ['A1.2', 'A1.3'] });
    const leaf = a1.children[0];
    expect(leaf).toMatchObject({
      key: 'A1.1',
      level: 2,
      leaf: true,
      points: 5,
      review: null,
      reviewTotal: null,
    });
    expect(leaf.criteria).toContain('三年发展规划');
    expect(leaf.evidenceAsked).toContain('学校发展规划文本');
    expect(leaf.self).toMatchObject({ score: 4.5, note: '规划已论证', scoredByName: '测试unit_manager' });
    expect(unitView.body.self).toMatchObject({ total: 4.5, scored: 1, leaves: 19, complete: false });
    expect(unitView.body.review).toBeNull();
    expect(unitView.body.access).toMatchObject({
      as: 'unit',
      canEditSelf: true,
      canUpload: true,
      reviewVisible: false,
    });

    const teamView = await api(path, { cookie: cookies.inspector });
    expect(teamView.body.indicators[0].children[0].review).toMatchObject({ score: 3, note: '缺教代会决议' });
    expect(teamView.body.access).toMatchObject({
      reviewer: true,
      lead: true,
      canEditSelf: false,
      reviewVisible: true,
    });

    await db
      .update(evaluationRoundUnits)
      .set({ status: 'reviewed', reviewTotal: 3 })
      .where(eq(evaluationRoundUnits.roundId, round.roundId));
    const published = await api(path, { cookie: cookies.unit_manager });
    expect(published.body.indicators[0].children[0].review).toMatchObject({ score: 3 });
    expect(published.body.unit.reviewTotal).toBe(3);
    expect(published.body.access.canEditSelf).toBe(false);
  });

  it('a teacher may not read rounds; another tenant’s round is not found', async () => {
    const round = await newRound(tenant);
    expectErrorShape(await api(roundsPath(tenant), { cookie: cookies.teacher }), 403, 'FORBIDDEN');
    const elsewhere = tenant === 'test-county' ? 'test-college' : 'test-county';
    const stranger = await signIn(elsewhere, 'role_director');
    expectErrorShape(
      await api(`${roundsPath(elsewhere)}/${round.roundId}`, { cookie: stranger }),
      404,
      'NOT_FOUND',
    );
  });
});
