import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evaluationRoundUnits, evaluationScores } from '../../db/schema/tenant';
import { BUILTIN_SCHEMES } from '../../tenants/evaluation/builtin';
import { leafIndicators } from '../../tenants/evaluation/scheme';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { newRound, roundsPath } from './rounds-fixtures';

const TENANTS = ['test-county', 'test-college'] as const;
const developmental = BUILTIN_SCHEMES.find((s) => s.key === 'developmental_school');
if (!developmental) throw new Error('no developmental scheme');
const LEAVES = leafIndicators(developmental.body);

async function selfRows(tenant: string, roundId: string, unitId: string) {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select({ n: count() })
    .from(evaluationScores)
    .where(and(eq(evaluationScores.roundId, roundId), eq(evaluationScores.unitId, unitId)));
  return row?.n ?? 0;
}

async function roundUnit(tenant: string, roundId: string, unitId: string) {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select()
    .from(evaluationRoundUnits)
    .where(and(eq(evaluationRoundUnits.roundId, roundId), eq(evaluationRoundUnits.unitId, unitId)));
  return row;
}

describe.each(TENANTS)('self-evaluation in %s', (tenant) => {
  let manager = '';
  let director = '';
  beforeAll(async () => {
    manager = await signIn(tenant, 'role_unit_manager');
    director = await signIn(tenant, 'role_director');
  });

  it('saves scores in parts along the year, keeps the total, clears a score, then submits with the report', async () => {
    const round = await newRound(tenant);
    const unitPath = `${roundsPath(tenant)}/${round.roundId}/units/${round.managerUnit}`;

    const first = await api(`${unitPath}/self`, {
      method: 'PUT',
      cookie: manager,
      body: {
        scores: [
          { key: 'A1.1', score: 4.5, note: '规划经教代会审议' },
          { key: 'A1.2', score: 5 },
        ],
      },
    });
    expect(first.status).toBe(200);
    expect(first.body.self).toMatchObject({ total: 9.5, scored: 2, leaves: LEAVES.length, complete: false });
    expect(first.body.indicators[0].children[0].self).toMatchObject({ score: 4.5, note: '规划经教代会审议' });
    expect((await roundUnit(tenant, round.roundId, round.managerUnit))?.selfTotal).toBe(9.5);

    // A later save changes one, clears another; the stored total follows.
    const second = await api(`${unitPath}/self`, {
      method: 'PUT',
      cookie: manager,
      body: {
        scores: [
          { key: 'A1.1', score: 3 },
          { key: 'A1.2', score: null },
        ],
      },
    });
    expect(second.body.self.total).toBe(3);
    expect((await roundUnit(tenant, round.roundId, round.managerUnit))?.selfTotal).toBe(3);

    // Submitting with leaves missing and no report: 422 naming them.
    const early = await api(`${unitPath}/submit`, { method: 'POST', cookie: manager });
    expectErrorShape(early, 422, 'VALIDATION_FAILED');
    const paths = early.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('scores.A1.2');
    expect(paths).toContain('selfReport');
    expect(paths).not.toContain('scores.A1.1');
    expect(early.body.error.details.issues[0].message).toBe('指标“A1.2 目标分解”还没有自评得分');

    const all = LEAVES.map((leaf) => ({ key: leaf.key, score: leaf.points - 1 }));
    await api(`${unitPath}/self`, { method: 'PUT', cookie: manager, body: { scores: all } });
    const report = await api(`${unitPath}/self-report`, {
      method: 'PUT',
      cookie: manager,
      body: { selfReport: '一、基本情况\n本学年按规划推进……' },
    });
    expect(report.body.unit.selfReport).toContain('基本情况');

    const submitted = await api(`${unitPath}/submit`, { method: 'POST', cookie: manager });
    expect(submitted.status).toBe(200);
    const expected = LEAVES.reduce((s, l) => s + l.points - 1, 0);
    expect(submitted.body.unit).toMatchObject({
      status: 'submitted',
      selfTotal: expected,
      submittedLate: false,
    });
    expect(submitted.body.access.canEditSelf).toBe(false);
    const stored = await roundUnit(tenant, round.roundId, round.managerUnit);
    expect(stored).toMatchObject({ status: 'submitted', selfTotal: expected });

    const db = await tenantDbOf(tenant);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, round.roundId))).map(
      (a) => a.action,
    );
    expect(actions.filter((a) => a === 'evaluation_round.self_save')).toHaveLength(3);
    expect(actions).toContain('evaluation_round.self_report');
    expect(actions).toContain('evaluation_round.submit');

    // After submitting, nothing more is changed.
    const after = await api(`${unitPath}/self`, {
      method: 'PUT',
      cookie: manager,
      body: { scores: [{ key: 'A1.1', score: 5 }] },
    });
    expectErrorShape(after, 409, 'CONFLICT');
    expectErrorShape(await api(`${unitPath}/submit`, { method: 'POST', cookie: manager }), 409, 'CONFLICT');
    expectErrorShape(
      await api(`${unitPath}/self-report`, { method: 'PUT', cookie: manager, body: { selfReport: '改' } }),
      409,
      'CONFLICT',
    );
  });

  it('refuses a score above the maximum, negative, off the half step or for an unknown key, saving none', async () => {
    const round = await newRound(tenant);
    const unitPath = `${roundsPath(tenant)}/${round.roundId}/units/${round.managerUnit}`;
    const res = await api(`${unitPath}/self`, {
      method: 'PUT',
      cookie: manager,
      body: {
        scores: [
          { key: 'A1.1', score: 4 },
          { key: 'A1.2', score: 6 },
          { key: 'A1.3', score: -1 },
          { key: 'A2.1', score: 2.3 },
          { key: 'Z9', score: 1 },
          { key: 'A1', score: 10 },
        ],
      },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    const issues = res.body.error.details.issues as { path: string; message: string }[];
    expect(issues).toEqual([
      { path: 'scores.1.score', message: '指标“A1.2 目标分解”满分 5 分，得分不能超过 5 分' },
      { path: 'scores.2.score', message: '指标“A1.3 实施与调整”的得分不能是负数' },
      { path: 'scores.3.score', message: '指标“A2.1 制度建设”的得分只能是整数或 .5（如 3.5），现在是 2.3' },
      { path: 'scores.4.key', message: expect.stringContaining('没有可评分的指标“Z9”') },
      { path: 'scores.5.key', message: expect.stringContaining('没有可评分的指标“A1”') },
    ]);
    expect(await selfRows(tenant, round.roundId, round.managerUnit)).toBe(0);
  });

  it('the manager of another unit, the office and a teacher cannot self-evaluate this unit', async () => {
    const round = await newRound(tenant);
    const otherPath = `${roundsPath(tenant)}/${round.roundId}/units/${round.otherUnit}`;
    const body = { scores: [{ key: 'A1.1', score: 4 }] };
    expectErrorShape(
      await api(`${otherPath}/self`, { method: 'PUT', cookie: manager, body }),
      404,
      'NOT_FOUND',
    );
    const ownPath = `${roundsPath(tenant)}/${round.roundId}/units/${round.managerUnit}`;
    expectErrorShape(
      await api(`${ownPath}/self`, { method: 'PUT', cookie: director, body }),
      403,
      'FORBIDDEN',
    );
    const teacher = await signIn(tenant, 'role_teacher');
    expectErrorShape(
      await api(`${ownPath}/self`, { method: 'PUT', cookie: teacher, body }),
      403,
      'FORBIDDEN',
    );
    expect(await selfRows(tenant, round.roundId, round.otherUnit)).toBe(0);
  });

  it('accepts a submission after the self deadline but flags it late; a closed round takes no saves', async () => {
    const late = await newRound(tenant, {
      startsOn: '2025-09-01',
      selfDeadline: '2025-12-31',
      schoolYear: 2025,
    });
    const unitPath = `${roundsPath(tenant)}/${late.roundId}/units/${late.managerUnit}`;
    await api(`${unitPath}/self`, {
      method: 'PUT',
      cookie: manager,
      body: { scores: LEAVES.map((l) => ({ key: l.key, score: l.points })) },
    });
    await api(`${unitPath}/self-report`, {
      method: 'PUT',
      cookie: manager,
      body: { selfReport: '自查报告' },
    });
    const res = await api(`${unitPath}/submit`, { method: 'POST', cookie: manager });
    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({ status: 'submitted', submittedLate: true, selfTotal: 100 });
    expect(res.body.access.selfOverdue).toBe(true);

    const closed = await newRound(tenant, { status: 'closed' });
    const closedPath = `${roundsPath(tenant)}/${closed.roundId}/units/${closed.managerUnit}/self`;
    const refused = await api(closedPath, {
      method: 'PUT',
      cookie: manager,
      body: { scores: [{ key: 'A1.1', score: 1 }] },
    });
    expectErrorShape(refused, 409, 'CONFLICT');
    expect(refused.body.error.message).toContain('本次评估已结束');
  });
});
