import * as XLSX from '@e965/xlsx';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  developmentTargets,
  evaluationRoundUnits,
  evaluationScores,
  notifications,
  users,
} from '../../db/schema/tenant';
import { api, expectErrorShape, signIn, stack, tenantDbOf } from '../support/api';
import { FULL_REVIEW, roundsPath, seedRound } from './review-fixtures';

async function unitRow(tenant: string, roundId: string, unitId: string) {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select()
    .from(evaluationRoundUnits)
    .where(and(eq(evaluationRoundUnits.roundId, roundId), eq(evaluationRoundUnits.unitId, unitId)));
  return row;
}

async function reviewScoreCount(tenant: string, roundId: string, unitId: string) {
  const db = await tenantDbOf(tenant);
  return db.$count(
    evaluationScores,
    and(
      eq(evaluationScores.roundId, roundId),
      eq(evaluationScores.unitId, unitId),
      eq(evaluationScores.side, 'review'),
    ),
  );
}

async function noticesOf(tenant: string, username: string, kind: string, entityId: string) {
  const db = await tenantDbOf(tenant);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, user?.id ?? ''),
        eq(notifications.kind, kind),
        eq(notifications.entityId, entityId),
      ),
    );
}

async function fileOf(path: string, cookie: string) {
  const res = await fetch(`${stack.url}${path}`, { headers: { cookie, connection: 'close' } });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** The text of word/document.xml, read through a real zip reader. */
function docxText(bytes: Uint8Array): string {
  const zip = XLSX.CFB.read(bytes, { type: 'array' });
  const entry = XLSX.CFB.find(zip, '/word/document.xml');
  if (!entry?.content) throw new Error('no word/document.xml in the .docx');
  return new TextDecoder().decode(entry.content as Uint8Array).replace(/<[^>]+>/g, '');
}

function sheetRows(bytes: Uint8Array, index = 0): unknown[][] {
  const book = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<unknown[]>(
    book.Sheets[book.SheetNames[index] as string] as XLSX.WorkSheet,
    {
      header: 1,
    },
  );
}

describe.each(['test-county', 'test-college'])('review, result, reply and final in %s', (tenant) => {
  let lead: string; // role_inspector leads the seeded teams
  let member: string; // role_director is a member
  let manager: string;
  let viewer: string;
  let admin: string;
  beforeAll(async () => {
    lead = await signIn(tenant, 'role_inspector');
    member = await signIn(tenant, 'role_director');
    manager = await signIn(tenant, 'role_unit_manager');
    viewer = await signIn(tenant, 'role_viewer');
    admin = await signIn(tenant, 'role_admin');
  });

  it('two team members scoring different leaves at once both count in the stored total', async () => {
    const { roundId, home } = await seedRound(tenant, { status: 'submitted' });
    const unitPath = `${roundsPath(tenant)}/${roundId}/units/${home}`;
    const [a, b, c] = await Promise.all([
      api(`${unitPath}/review`, {
        method: 'PUT',
        cookie: lead,
        body: { scores: [{ key: 'A1.1', score: 5 }] },
      }),
      api(`${unitPath}/review`, {
        method: 'PUT',
        cookie: member,
        body: { scores: [{ key: 'A1.2', score: 3.5 }] },
      }),
      api(`${unitPath}/review`, {
        method: 'PUT',
        cookie: lead,
        body: { scores: [{ key: 'A2', score: 8 }] },
      }),
    ]);
    expect([a?.status, b?.status, c?.status]).toEqual([200, 200, 200]);
    expect((await unitRow(tenant, roundId, home))?.reviewTotal).toBe(16.5);
  });

  it('goes the whole way: self → submit → review → publish → reply → changed score → final, 409s for wrong steps', async () => {
    const { roundId, home } = await seedRound(tenant, { status: 'self', self: {} });
    const unitPath = `${roundsPath(tenant)}/${roundId}/units/${home}`;
    const entity = `${roundId}:${home}`;

    // The unit fills in and submits through its own endpoints (the rounds core).
    const selfSaved = await api(`${unitPath}/self`, {
      method: 'PUT',
      cookie: manager,
      body: {
        scores: [
          { key: 'A1.1', score: 6, note: '每学期专题研究' },
          { key: 'A1.2', score: 4 },
          { key: 'A2', score: 9 },
        ],
      },
    });
    expect(selfSaved.status).toBe(200);
    expect(
      (
        await api(`${unitPath}/self-report`, {
          method: 'PUT',
          cookie: manager,
          body: { selfReport: '逐项自查。' },
        })
      ).status,
    ).toBe(200);
    // Scoring before the unit submits: 409.
    const beforeSubmit = await api(`${unitPath}/review`, {
      method: 'PUT',
      cookie: member,
      body: { scores: [{ key: 'A2', score: 8 }] },
    });
    expectErrorShape(beforeSubmit, 409, 'CONFLICT');
    expect(beforeSubmit.body.error.message).toContain('自评中');
    expect((await api(`${unitPath}/submit`, { cookie: manager, body: {} })).status).toBe(200);
    expect((await unitRow(tenant, roundId, home))?.selfTotal).toBe(19);

    // The unit cannot read a report before anything is published; nor the team's scores.
    expectErrorShape(await api(`${unitPath}/report`, { cookie: manager }), 409, 'CONFLICT');

    // A member scores part of the leaves; the total follows in the same batch.
    const partial = await api(`${unitPath}/review`, {
      method: 'PUT',
      cookie: member,
      body: { scores: [{ key: 'A1.1', score: 5, note: '会议纪要缺一次' }] },
    });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ reviewTotal: 5, scored: 1, leaves: 3, missing: ['A1.2', 'A2'] });
    expect((await unitRow(tenant, roundId, home))?.reviewTotal).toBe(5);
    // The unit's workbench shows nothing of the team's scoring before publishing; the team sees it.
    const hidden = await api(unitPath, { cookie: manager });
    expect(hidden.status).toBe(200);
    expect(hidden.body.unit.reviewTotal).toBeNull();
    expect(hidden.body.review).toBeNull();
    expect(JSON.stringify(hidden.body)).not.toContain('会议纪要缺一次');
    const seen = await api(unitPath, { cookie: lead });
    expect(JSON.stringify(seen.body)).toContain('会议纪要缺一次');

    // Publishing with leaves unscored: 422 naming them, nothing changes.
    const early = await api(`${unitPath}/publish`, { cookie: lead, body: { summary: '总体良好' } });
    expectErrorShape(early, 422, 'VALIDATION_FAILED');
    expect(early.body.error.message).toContain('还有 2 个指标未评分（A1.2、A2）');
    expect((await unitRow(tenant, roundId, home))?.status).toBe('submitted');

    await api(`${unitPath}/review`, {
      method: 'PUT',
      cookie: lead,
      body: {
        scores: [
          { key: 'A1.2', score: 3.5 },
          { key: 'A2', score: 8, note: '经费拨付滞后' },
        ],
      },
    });
    // A member who is not the lead cannot publish (the director is office too, so use a plain
    // reviewer check on the lead rule through the finalize below); the lead publishes.
    const published = await api(`${unitPath}/publish`, {
      cookie: lead,
      body: { summary: '总体良好，经费保障需加强。' },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'reviewed', reviewTotal: 16.5 });
    expect(await noticesOf(tenant, 'role_unit_manager', 'evaluation_result_published', entity)).toHaveLength(
      1,
    );

    // Wrong steps now: publish again, score while reviewed, finalize inside the reply period.
    const again = await api(`${unitPath}/publish`, { cookie: lead, body: { summary: '再次' } });
    expectErrorShape(again, 409, 'CONFLICT');
    expect(again.body.error.message).toContain('初步结果已经发布过了');
    const scoreNow = await api(`${unitPath}/review`, {
      method: 'PUT',
      cookie: lead,
      body: { scores: [{ key: 'A2', score: 9 }] },
    });
    expectErrorShape(scoreNow, 409, 'CONFLICT');
    expect(scoreNow.body.error.message).toContain('已发布初步结果');
    const tooSoon = await api(`${unitPath}/finalize`, { cookie: lead, body: {} });
    expectErrorShape(tooSoon, 409, 'CONFLICT');
    expect(tooSoon.body.error.message).toContain('申辩期未结束');

    // The unit's preliminary report, marked as such.
    const preliminary = await fileOf(`${unitPath}/report.docx`, manager);
    expect(preliminary.res.status).toBe(200);
    expect(docxText(preliminary.bytes)).toContain('评估报告（初步结果）');

    // Reply: a claim on a parent indicator is refused, then a proper reply; only once.
    const badClaim = await api(`${unitPath}/reply`, {
      cookie: manager,
      body: { text: '请复核', items: [{ indicatorKey: 'A1', text: '不认同' }] },
    });
    expectErrorShape(badClaim, 422, 'VALIDATION_FAILED');
    expect(JSON.stringify(badClaim.body)).toContain('不是本次评估方案中的末级指标');
    const reply = await api(`${unitPath}/reply`, {
      cookie: manager,
      body: { text: '经费已于11月足额拨付，请复核。', items: [{ indicatorKey: 'A2', text: '附拨付凭证' }] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'replied', noObjection: false });
    expect(await noticesOf(tenant, 'role_inspector', 'evaluation_reply', entity)).toHaveLength(1);
    const twice = await api(`${unitPath}/reply`, { cookie: manager, body: { noObjection: true } });
    expectErrorShape(twice, 409, 'CONFLICT');
    expect(twice.body.error.message).toContain('只能申辩一次');

    // Answering the reply changes a score, then the lead finalizes with the answer.
    const changed = await api(`${unitPath}/review`, {
      method: 'PUT',
      cookie: lead,
      body: { scores: [{ key: 'A2', score: 9.5, note: '凭证属实，予以调整' }] },
    });
    expect(changed.body.reviewTotal).toBe(18);
    const noAnswer = await api(`${unitPath}/finalize`, { cookie: lead, body: {} });
    expectErrorShape(noAnswer, 422, 'VALIDATION_FAILED');
    expect(noAnswer.body.error.details.issues[0].path).toBe('answer');
    const final = await api(`${unitPath}/finalize`, {
      cookie: lead,
      body: { answer: '经核实，A2 调整为 9.5 分。' },
    });
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({ status: 'final', finalTotal: 18 });
    expect(await unitRow(tenant, roundId, home)).toMatchObject({
      status: 'final',
      finalTotal: 18,
      reviewTotal: 18,
      replyAnswer: '经核实，A2 调整为 9.5 分。',
    });
    expect(await noticesOf(tenant, 'role_unit_manager', 'evaluation_result_final', entity)).toHaveLength(1);
    expectErrorShape(
      await api(`${unitPath}/finalize`, { cookie: lead, body: { answer: 'x' } }),
      409,
      'CONFLICT',
    );
    expectErrorShape(
      await api(`${unitPath}/reply`, { cookie: manager, body: { noObjection: true } }),
      409,
      'CONFLICT',
    );

    const db = await tenantDbOf(tenant);
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, entity));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'evaluation_round.finalize',
      'evaluation_round.publish',
      'evaluation_round.reply',
      'evaluation_round.review',
      'evaluation_round.review',
      'evaluation_round.review',
    ]);

    // The final report: scores, summary, reply and answer, read through a zip reader.
    const report = await fileOf(`${unitPath}/report.docx`, manager);
    expect(report.res.headers.get('content-type')).toMatch(/wordprocessingml/);
    const text = docxText(report.bytes);
    for (const expected of [
      '评估报告',
      '总体良好，经费保障需加强。',
      '经费已于11月足额拨付，请复核。',
      '附拨付凭证',
      '经核实，A2 调整为 9.5 分。',
      '凭证属实，予以调整',
      '9.5',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('初步结果');
  });

  it('refuses bad scores naming the indicator and writes none of them', async () => {
    const { roundId, home } = await seedRound(tenant);
    const unitPath = `${roundsPath(tenant)}/${roundId}/units/${home}`;
    const res = await api(`${unitPath}/review`, {
      method: 'PUT',
      cookie: lead,
      body: {
        scores: [
          { key: 'A1.1', score: 5 },
          { key: 'A1.2', score: 4.5 },
          { key: 'A2', score: 7.2 },
          { key: 'Q1', score: 1 },
        ],
      },
    });
    expectErrorShape(res, 422, 'VALIDATION_FAILED');
    expect(res.body.error.details.issues).toEqual([
      { path: 'scores.1.score', message: '指标“A1.2 责任落实”满分 4 分，得分不能超过 4 分' },
      { path: 'scores.2.score', message: '指标“A2 经费保障”的得分只能是整数或 .5（如 3.5），现在是 7.2' },
      {
        path: 'scores.3.key',
        message: '本次评估的指标体系中没有可评分的指标“Q1”（只对末级指标评分）',
      },
    ]);
    expect(await reviewScoreCount(tenant, roundId, home)).toBe(0);
    const negative = await api(`${unitPath}/review`, {
      method: 'PUT',
      cookie: lead,
      body: { scores: [{ key: 'A2', score: -1 }] },
    });
    expect(negative.body.error.details.issues[0].message).toBe('指标“A2 经费保障”的得分不能是负数');
  });

  it('keeps scoring to the team: the office not on it gets 403, the unit and a teacher cannot, others 404', async () => {
    // A team of the director alone: the inspector and the admin can read the round but not score.
    const { roundId, home } = await seedRound(tenant, { lead: 'role_director', members: [] });
    const unitPath = `${roundsPath(tenant)}/${roundId}/units/${home}`;
    const body = { scores: [{ key: 'A2', score: 8 }] };
    const inspector = await api(`${unitPath}/review`, { method: 'PUT', cookie: lead, body });
    expectErrorShape(inspector, 403, 'FORBIDDEN');
    expect(inspector.body.error.message).toContain('不是本次评估的评估组成员');
    expectErrorShape(
      await api(`${unitPath}/review`, { method: 'PUT', cookie: manager, body }),
      403,
      'FORBIDDEN',
    );
    expectErrorShape(
      await api(`${unitPath}/review`, { method: 'PUT', cookie: viewer, body }),
      403,
      'FORBIDDEN',
    );
    // An unknown unit of the round, and an unknown round: 404.
    const missing = await api(`${roundsPath(tenant)}/${roundId}/units/${crypto.randomUUID()}/review`, {
      method: 'PUT',
      cookie: member,
      body,
    });
    expectErrorShape(missing, 404, 'NOT_FOUND');
    expect(await reviewScoreCount(tenant, roundId, home)).toBe(0);
    // The inspector, not lead, cannot publish; the admin (office) can, though not on the team.
    await api(`${unitPath}/review`, {
      method: 'PUT',
      cookie: member,
      body: { scores: Object.entries(FULL_REVIEW).map(([key, score]) => ({ key, score })) },
    });
    expectErrorShape(
      await api(`${unitPath}/publish`, { cookie: lead, body: { summary: '好' } }),
      403,
      'FORBIDDEN',
    );
    const byOffice = await api(`${unitPath}/publish`, { cookie: admin, body: { summary: '好' } });
    expect(byOffice.status).toBe(200);
  });

  it('finalizes at once after "no objection", and after the reply deadline without a reply', async () => {
    const open = await seedRound(tenant, { status: 'reviewed', review: [FULL_REVIEW] });
    const path = `${roundsPath(tenant)}/${open.roundId}/units/${open.home}`;
    const none = await api(`${path}/reply`, { cookie: manager, body: { noObjection: true } });
    expect(none.body).toMatchObject({ status: 'reviewed', noObjection: true });
    const final = await api(`${path}/finalize`, { cookie: lead, body: {} });
    expect(final.body).toMatchObject({ status: 'final', finalTotal: 16.5 });
    expect(docxText((await fileOf(`${path}/report.docx`, viewer)).bytes)).toContain(
      '单位对初步评估结果无异议',
    );

    const lapsed = await seedRound(tenant, {
      status: 'reviewed',
      review: [FULL_REVIEW],
      replyDeadline: '2026-01-01',
    });
    const lapsedPath = `${roundsPath(tenant)}/${lapsed.roundId}/units/${lapsed.home}`;
    const late = await api(`${lapsedPath}/reply`, { cookie: manager, body: { text: '迟到的申辩' } });
    expectErrorShape(late, 409, 'CONFLICT');
    expect(late.body.error.message).toContain('申辩截止日期（2026-01-01）已过');
    expect((await api(`${lapsedPath}/finalize`, { cookie: admin, body: {} })).status).toBe(200);

    // A unit still filling in cannot be published nor finalized.
    const filling = await seedRound(tenant, { status: 'self' });
    const fillingPath = `${roundsPath(tenant)}/${filling.roundId}/units/${filling.home}`;
    const pub = await api(`${fillingPath}/publish`, { cookie: lead, body: { summary: '好' } });
    expectErrorShape(pub, 409, 'CONFLICT');
    expect(pub.body.error.message).toContain('尚未提交自评');
    expectErrorShape(await api(`${fillingPath}/finalize`, { cookie: lead, body: {} }), 409, 'CONFLICT');
    expectErrorShape(
      await api(`${fillingPath}/review`, {
        method: 'PUT',
        cookie: lead,
        body: { scores: [{ key: 'A2', score: 1 }] },
      }),
      409,
      'CONFLICT',
    );
  });

  it('finalizes once when two people finalize at the same moment: one 200, one 409, one audit record', async () => {
    const { roundId, home } = await seedRound(tenant, { status: 'replied', review: [FULL_REVIEW] });
    const path = `${roundsPath(tenant)}/${roundId}/units/${home}/finalize`;
    const answers = await Promise.all([
      api(path, { cookie: lead, body: { answer: '答复一' } }),
      api(path, { cookie: admin, body: { answer: '答复二' } }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const db = await tenantDbOf(tenant);
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, `${roundId}:${home}`));
    expect(audit.map((a) => a.action)).toEqual(['evaluation_round.finalize']);
  });

  it('ranks units with shared ranks and lists where points are lost, in JSON and .xlsx', async () => {
    const { roundId, unitIds } = await seedRound(tenant, {
      status: 'final',
      others: 2,
      review: [
        { 'A1.1': 5, 'A1.2': 3.5, A2: 8 }, // 16.5
        { 'A1.1': 6, 'A1.2': 2.5, A2: 8 }, // 16.5
        { 'A1.1': 6, 'A1.2': 4, A2: 10 }, // 20
      ],
    });
    const ranking = await api(`${roundsPath(tenant)}/${roundId}/ranking`, { cookie: viewer });
    expect(ranking.status).toBe(200);
    const rows = ranking.body.items as {
      unitId: string;
      rank: number;
      total: number;
      difference: number;
      basis: string;
    }[];
    expect(rows.map((r) => [r.rank, r.total, r.basis])).toEqual([
      [1, 20, 'final'],
      [2, 16.5, 'final'],
      [2, 16.5, 'final'],
    ]);
    expect(rows[0]?.unitId).toBe(unitIds[2]);
    expect(rows[0]?.difference).toBe(1); // self total 19

    const lost = await api(`${roundsPath(tenant)}/${roundId}/lost-points`, { cookie: lead });
    expect(lost.body.units).toBe(3);
    expect(lost.body.firstLevel.map((r: { key: string; lostSum: number }) => [r.key, r.lostSum])).toEqual([
      ['A2', 4],
      ['A1', 3],
    ]);
    expect(
      lost.body.secondLevel.map((r: { key: string; lostSum: number; unitsLosing: number }) => [
        r.key,
        r.lostSum,
        r.unitsLosing,
      ]),
    ).toEqual([
      ['A1.2', 2, 2],
      ['A1.1', 1, 1],
    ]);

    const sheet = await fileOf(`${roundsPath(tenant)}/${roundId}/ranking.xlsx`, viewer);
    expect(sheet.res.headers.get('content-type')).toContain('spreadsheetml');
    const back = sheetRows(sheet.bytes);
    expect(back[2]).toEqual(['名次', '被评单位', '自评得分', '评估得分', '差值（评估−自评）', '结果']);
    expect(back.slice(3).map((r) => [r[0], r[3], r[5]])).toEqual([
      [1, 20, '最终'],
      [2, 16.5, '最终'],
      [2, 16.5, '最终'],
    ]);
    const lostSheet = await fileOf(`${roundsPath(tenant)}/${roundId}/lost-points.xlsx`, viewer);
    const second = sheetRows(lostSheet.bytes, 1);
    expect(second[2]?.slice(1, 6)).toEqual(['A1 组织领导 / A1.2 责任落实', 4, 3, 2, 2]);

    // A unit manager sees no ranking of the other units.
    expectErrorShape(
      await api(`${roundsPath(tenant)}/${roundId}/ranking`, { cookie: manager }),
      403,
      'FORBIDDEN',
    );
  });

  it('puts the unit’s developmental targets of the round’s school year in its report', async () => {
    const { roundId, home } = await seedRound(tenant, {
      status: 'final',
      review: [FULL_REVIEW],
      schoolYear: 2031,
    });
    const db = await tenantDbOf(tenant);
    const now = new Date().toISOString();
    await db.insert(developmentTargets).values({
      id: crypto.randomUUID(),
      unitId: home,
      schoolYear: 2031,
      title: '骨干教师队伍建设',
      measure: '市级以上骨干教师达到 12 人',
      status: 'partly',
      progress: '已有 10 人',
      adjustment: '下学年再培养 2 人',
      createdBy: 'test',
      createdAt: now,
      updatedAt: now,
    });
    const report = await api(`${roundsPath(tenant)}/${roundId}/units/${home}/report`, { cookie: manager });
    expect(report.body.report.targets).toHaveLength(1);
    const text = docxText(
      (await fileOf(`${roundsPath(tenant)}/${roundId}/units/${home}/report.docx`, manager)).bytes,
    );
    expect(text).toContain('2031—2032 学年发展目标达成情况');
    expect(text).toContain('市级以上骨干教师达到 12 人');
    expect(text).toContain('部分达成');
  });
});
