import * as XLSX from '@e965/xlsx';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, surveyResponses, surveys, surveyTextAnswers, surveyTokens } from '../../db/schema/tenant';
import { addDays, beijingDate } from '../../worker/dates';
import { surveyTokenHash } from '../../worker/modules/surveys/tokens';
import { newTeacher } from '../observations/fixtures';
import { api, expectErrorShape, stack, tenantDbOf } from '../support/api';
import {
  cookieOf,
  newSurvey,
  newTokens,
  ratingAnswers,
  ratingBody,
  respond,
  surveysPath,
  userIdOf,
} from './fixtures';

const TENANTS = ['test-county', 'test-college'];

async function written(tenant: string, surveyId: string) {
  const db = await tenantDbOf(tenant);
  const [[r], [t], [u]] = await db.batch([
    db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId)),
    db.select({ n: count() }).from(surveyTextAnswers).where(eq(surveyTextAnswers.surveyId, surveyId)),
    db
      .select({ n: count(surveyTokens.usedOn) })
      .from(surveyTokens)
      .where(eq(surveyTokens.surveyId, surveyId)),
  ]);
  return { responses: r?.n, texts: t?.n, used: u?.n };
}

async function auditActions(tenant: string, surveyId: string) {
  const db = await tenantDbOf(tenant);
  const rows = await db
    .select({ action: auditLog.action, actorName: auditLog.actorName })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'survey'), eq(auditLog.entityId, surveyId)));
  return rows.map((r) => r.action);
}

describe.each(TENANTS)('surveys in %s', (T) => {
  it('creates a draft, edits it, opens and closes it, each step audited', async () => {
    const cookie = await cookieOf(T, 'role_director');
    const teacherId = await userIdOf(T, 'role_teacher');
    const made = await api(surveysPath(T), { cookie, body: ratingBody(teacherId) });
    expect(made.status).toBe(201);
    const id = made.body.survey.id;
    expect(made.body.survey).toMatchObject({ status: 'draft', kind: 'teaching_rating', minResponses: 5 });
    expect(made.body.survey.teacher.id).toBe(teacherId);
    expect(made.body.survey.questions).toHaveLength(7);
    expect(made.body.survey.questions[0]).toMatchObject({ kind: 'rating', max: 5, required: true });

    const edited = await api(`${surveysPath(T)}/${id}`, {
      cookie,
      method: 'PATCH',
      body: ratingBody(teacherId, { title: '改过的评教', minResponses: 6 }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.survey).toMatchObject({ title: '改过的评教', minResponses: 6 });

    expect((await api(`${surveysPath(T)}/${id}/open`, { cookie, method: 'POST' })).body.survey.status).toBe(
      'open',
    );
    const late = await api(`${surveysPath(T)}/${id}`, {
      cookie,
      method: 'PATCH',
      body: ratingBody(teacherId),
    });
    expectErrorShape(late, 409, 'CONFLICT');
    expect(late.body.error.message).toContain('不能再修改');
    expect((await api(`${surveysPath(T)}/${id}/close`, { cookie, method: 'POST' })).body.survey.status).toBe(
      'closed',
    );
    expectErrorShape(await api(`${surveysPath(T)}/${id}/close`, { cookie, method: 'POST' }), 409, 'CONFLICT');
    expect((await auditActions(T, id)).sort()).toEqual([
      'survey.close',
      'survey.create',
      'survey.open',
      'survey.update',
    ]);
  });

  it('refuses a bad survey with Chinese messages naming the field, and writes nothing', async () => {
    const cookie = await cookieOf(T, 'role_admin');
    const teacherId = await userIdOf(T, 'role_teacher');
    const db = await tenantDbOf(T);
    const [before] = await db.select({ n: count() }).from(surveys);
    const cases: [Record<string, unknown>, string][] = [
      [{ teacherId: null }, 'teacherId'],
      [{ course: '' }, 'course'],
      [{ minResponses: 2 }, 'minResponses'],
      [{ closesOn: '2020-01-01' }, 'closesOn'],
      [{ questions: [{ key: 'a', kind: 'rating', label: '态度', max: 11 }] }, 'questions.0.max'],
      [
        { questions: [{ key: 'a', kind: 'choice', label: '选', options: ['只有一个'] }] },
        'questions.0.options',
      ],
      [{ questions: [] }, 'questions'],
    ];
    for (const [changes, path] of cases) {
      const res = await api(surveysPath(T), { cookie, body: ratingBody(teacherId, changes) });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      const issues = res.body.error.details.issues as { path: string; message: string }[];
      expect(
        issues.map((i) => i.path),
        JSON.stringify(changes),
      ).toContain(path);
      expect(issues[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const [after] = await db.select({ n: count() }).from(surveys);
    expect(after?.n).toBe(before?.n);
  });

  it('returns link tokens once and stores only their SHA-256', async () => {
    const id = await newSurvey(T);
    const { tokens, urls, linkId } = await newTokens(T, id, 3, '23级机电1班');
    expect(urls[0]).toMatch(new RegExp(`/s/${T}/[A-Za-z0-9_-]{24}$`));
    expect(new Set(tokens).size).toBe(3);
    const db = await tenantDbOf(T);
    const rows = await db.select().from(surveyTokens).where(eq(surveyTokens.linkId, linkId));
    expect(rows.map((r) => r.tokenHash).sort()).toEqual(tokens.map(surveyTokenHash).sort());
    expect(JSON.stringify(rows)).not.toContain(tokens[0]);
    // The detail shows counts only, never the tokens again.
    const detail = await api(`${surveysPath(T)}/${id}`, { cookie: await cookieOf(T, 'role_admin') });
    expect(detail.body.survey.links).toEqual([
      expect.objectContaining({ id: linkId, label: '23级机电1班', total: 3, used: 0 }),
    ]);
    expect(JSON.stringify(detail.body)).not.toContain(tokens[0]);
    expect(await auditActions(T, id)).toContain('survey.links');
    const tooMany = await api(`${surveysPath(T)}/${id}/links`, {
      cookie: await cookieOf(T, 'role_admin'),
      body: { label: '大班', count: 81 },
    });
    expectErrorShape(tooMany, 422, 'VALIDATION_FAILED');
  });

  it('takes one response per token: the second is 409 and writes nothing', async () => {
    const id = await newSurvey(T, { open: true });
    const { tokens } = await newTokens(T, id, 2);
    const token = tokens[0] as string;
    const page = await api(`/api/t/${T}/public/surveys/${token}`);
    expect(page.status).toBe(200);
    expect(page.body.state).toBe('open');
    expect(page.body.survey).toMatchObject({ course: '电工基础', classLabel: '23级机电1班' });
    expect(page.body.survey.questions).toHaveLength(7);
    expect(JSON.stringify(page.body)).not.toMatch(/username|unitId|phone|teacherId/);

    const first = await respond(T, token, ratingAnswers(4, '讲得很清楚'));
    expect(first.status).toBe(201);
    expect(await written(T, id)).toEqual({ responses: 1, texts: 1, used: 1 });
    const db = await tenantDbOf(T);
    const [stored] = await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, id));
    expect(stored?.answers).toEqual({
      attitude: 4,
      content: 4,
      method: 4,
      management: 4,
      effect: 4,
      workload: 1,
    });
    expect(stored?.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const second = await respond(T, token, ratingAnswers(1));
    expectErrorShape(second, 409, 'CONFLICT');
    expect(second.body.error.message).toContain('此链接已提交过');
    expect(await written(T, id)).toEqual({ responses: 1, texts: 1, used: 1 });
    expect((await api(`/api/t/${T}/public/surveys/${token}`)).body.state).toBe('used');
  });

  it('a concurrent double submit of one token stores exactly one response', async () => {
    const id = await newSurvey(T, { open: true });
    const { tokens } = await newTokens(T, id, 1);
    const token = tokens[0] as string;
    const results = await Promise.all([
      respond(T, token, ratingAnswers(5, '甲')),
      respond(T, token, ratingAnswers(2, '乙')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await written(T, id)).toEqual({ responses: 1, texts: 1, used: 1 });
  });

  it('checks every answer against its question (422 naming it) and keeps the token unused', async () => {
    const id = await newSurvey(T, { open: true });
    const { tokens } = await newTokens(T, id, 1);
    const token = tokens[0] as string;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...ratingAnswers(), attitude: 6 }, 'answers.attitude', '应选 1 到 5 分'],
      [{ ...ratingAnswers(), workload: 3 }, 'answers.workload', '已有选项'],
      [{ ...ratingAnswers(), effect: undefined }, 'answers.effect', '必答题'],
      [{ ...ratingAnswers(), advice: 5 }, 'answers.advice', '应填写文字'],
      [{ ...ratingAnswers(), secret: 1 }, 'answers.secret', '没有编号'],
    ];
    for (const [answers, path, message] of cases) {
      const res = await respond(T, token, answers);
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      const issue = res.body.error.details.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.message, path).toContain(message);
    }
    expect(await written(T, id)).toEqual({ responses: 0, texts: 0, used: 0 });
  });

  it('refuses a draft or closed survey (409) and an unknown token (404)', async () => {
    const draft = await newSurvey(T);
    const { tokens: draftTokens } = await newTokens(T, draft, 1);
    const notOpen = await respond(T, draftTokens[0] as string, ratingAnswers());
    expectErrorShape(notOpen, 409, 'CONFLICT');
    expect(notOpen.body.error.message).toContain('尚未开放');

    const id = await newSurvey(T, { open: true });
    const { tokens } = await newTokens(T, id, 1);
    await api(`${surveysPath(T)}/${id}/close`, { cookie: await cookieOf(T, 'role_admin'), method: 'POST' });
    const closed = await respond(T, tokens[0] as string, ratingAnswers());
    expectErrorShape(closed, 409, 'CONFLICT');
    expect(closed.body.error.message).toContain('已结束');
    expect(await written(T, id)).toEqual({ responses: 0, texts: 0, used: 0 });

    // Open, but its closing day has passed.
    const late = await newSurvey(T, { open: true });
    const { tokens: lateTokens } = await newTokens(T, late, 1);
    const db = await tenantDbOf(T);
    await db
      .update(surveys)
      .set({ closesOn: addDays(beijingDate(), -1) })
      .where(eq(surveys.id, late));
    const past = await respond(T, lateTokens[0] as string, ratingAnswers());
    expectErrorShape(past, 409, 'CONFLICT');
    expect(past.body.error.message).toContain('已结束');
    expect((await api(`/api/t/${T}/public/surveys/${lateTokens[0]}`)).body).toMatchObject({
      state: 'closed',
    });
    expect(await written(T, late)).toEqual({ responses: 0, texts: 0, used: 0 });

    expectErrorShape(await respond(T, 'A'.repeat(24), ratingAnswers()), 404, 'NOT_FOUND');
    expectErrorShape(await api(`/api/t/${T}/public/surveys/short`), 404, 'NOT_FOUND');
  });
});

describe('a token of one tenant at another', () => {
  it('is unknown there (404) and answers nothing', async () => {
    const id = await newSurvey('test-county', { open: true });
    const { tokens } = await newTokens('test-county', id, 1);
    const token = tokens[0] as string;
    expectErrorShape(await api(`/api/t/test-college/public/surveys/${token}`), 404, 'NOT_FOUND');
    expectErrorShape(await respond('test-college', token, ratingAnswers()), 404, 'NOT_FOUND');
    expect(await written('test-county', id)).toEqual({ responses: 0, texts: 0, used: 0 });
  });
});

describe('results and the anonymity threshold', () => {
  const T = 'test-college';

  it('hides everything but the count at 4 responses and shows the figures at 5, per class only past it', async () => {
    const id = await newSurvey(T, { open: true });
    const big = await newTokens(T, id, 5, '23级机电1班');
    const small = await newTokens(T, id, 2, '23级机电2班');
    const scores = [5, 4, 4, 3];
    for (const [i, s] of scores.entries()) {
      expect((await respond(T, big.tokens[i] as string, ratingAnswers(s, `意见${i}`))).status).toBe(201);
    }
    const office = await cookieOf(T, 'role_admin');
    const teacher = await cookieOf(T, 'role_teacher');
    for (const cookie of [office, teacher]) {
      const hidden = await api(`${surveysPath(T)}/${id}/results`, { cookie });
      expect(hidden.status).toBe(200);
      expect(hidden.body).toMatchObject({ responseCount: 4, hidden: true, minResponses: 5 });
      expect(hidden.body.questions).toBeUndefined();
      expect(JSON.stringify(hidden.body)).not.toContain('意见0');
    }
    expectErrorShape(await api(`${surveysPath(T)}/${id}/results.xlsx`, { cookie: office }), 409, 'CONFLICT');

    expect((await respond(T, big.tokens[4] as string, { ...ratingAnswers(2), workload: 0 })).status).toBe(
      201,
    );
    expect((await respond(T, small.tokens[0] as string, ratingAnswers(1))).status).toBe(201);
    const shown = await api(`${surveysPath(T)}/${id}/results`, { cookie: office });
    expect(shown.body.hidden).toBe(false);
    expect(shown.body.responseCount).toBe(6);
    const attitude = shown.body.questions.find((q: { key: string }) => q.key === 'attitude');
    // 5 + 4 + 4 + 3 + 2 + 1 = 19 over 6.
    expect(attitude).toMatchObject({ answered: 6, mean: 3.17, distribution: [1, 1, 1, 2, 1] });
    const workload = shown.body.questions.find((q: { key: string }) => q.key === 'workload');
    expect(workload.options.map((o: { count: number }) => o.count)).toEqual([1, 5, 0]);
    expect(shown.body.overallPercent).toBe(63.3);
    expect(
      shown.body.links.map((l: { label: string; used: number; total: number }) => [l.label, l.used, l.total]),
    ).toEqual([
      ['23级机电1班', 5, 5],
      ['23级机电2班', 1, 2],
    ]);
    expect(
      shown.body.byClass.map((c: { label: string; responseCount: number }) => [c.label, c.responseCount]),
    ).toEqual([['23级机电1班', 5]]);
    const advice = shown.body.questions.find((q: { key: string }) => q.key === 'advice');
    expect(advice.answers).toHaveLength(4);
    expect(advice.answers.every((a: { status: string }) => a.status === 'pending')).toBe(true);

    // The teacher sees no text until the office approves one; then only that one.
    const before = await api(`${surveysPath(T)}/${id}/results`, { cookie: teacher });
    expect(before.body.questions.find((q: { key: string }) => q.key === 'advice').answers).toEqual([]);
    const chosen = advice.answers.find((a: { body: string }) => a.body === '意见1');
    const hiddenOne = advice.answers.find((a: { body: string }) => a.body === '意见2');
    const approve = await api(`${surveysPath(T)}/${id}/text-answers/${chosen.id}`, {
      cookie: office,
      body: { status: 'approved' },
    });
    expect(approve.status).toBe(200);
    await api(`${surveysPath(T)}/${id}/text-answers/${hiddenOne.id}`, {
      cookie: office,
      body: { status: 'hidden' },
    });
    const after = await api(`${surveysPath(T)}/${id}/results`, { cookie: teacher });
    expect(after.body.questions.find((q: { key: string }) => q.key === 'advice').answers).toEqual([
      { id: chosen.id, body: '意见1' },
    ]);
    const actions = await auditActions(T, id);
    expect(actions.filter((a) => a === 'survey.text_review')).toHaveLength(2);
    expectErrorShape(
      await api(`${surveysPath(T)}/${id}/text-answers/${chosen.id}`, {
        cookie: teacher,
        body: { status: 'hidden' },
      }),
      403,
      'FORBIDDEN',
    );

    const res = await fetch(`${stack.url}${surveysPath(T)}/${id}/results.xlsx`, {
      headers: { cookie: office, connection: 'close' },
    });
    expect(res.status).toBe(200);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const sheet = (name: string) => {
      const found = book.Sheets[name];
      if (!found) throw new Error(`no sheet ${name}`);
      return XLSX.utils.sheet_to_json<unknown[]>(found, { header: 1, defval: null });
    };
    const rows = sheet('统计');
    expect(String(rows[0]?.[0])).toContain('统计表');
    const row = rows.find((r) => String(r[1]).startsWith('教学态度'));
    expect(row?.slice(3, 11)).toEqual([6, 3.17, 5, 1, 1, 1, 2, 1]);
    const texts = sheet('文字意见');
    expect(texts).toHaveLength(5);
  });

  it('shows a teacher only their own 评教 surveys; another teacher gets 404', async () => {
    const unitTeacher = await newTeacher(T);
    const cookie = await cookieOf(T, 'role_admin');
    const res = await api(surveysPath(T), { cookie, body: ratingBody(unitTeacher) });
    const others = res.body.survey.id;
    const mine = await newSurvey(T);
    const teacher = await cookieOf(T, 'role_teacher');
    expectErrorShape(await api(`${surveysPath(T)}/${others}`, { cookie: teacher }), 404, 'NOT_FOUND');
    expectErrorShape(await api(`${surveysPath(T)}/${others}/results`, { cookie: teacher }), 404, 'NOT_FOUND');
    expect((await api(`${surveysPath(T)}/${mine}`, { cookie: teacher })).status).toBe(200);
    const list = await api(`${surveysPath(T)}?pageSize=100`, { cookie: teacher });
    const ids = list.body.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(others);
    const me = await userIdOf(T, 'role_teacher');
    expect(list.body.items.every((s: { teacherId: string }) => s.teacherId === me)).toBe(true);
    expectErrorShape(
      await api(`${surveysPath(T)}/${mine}/links`, { cookie: teacher, body: { label: '班', count: 1 } }),
      403,
      'FORBIDDEN',
    );
  });

  it('shows a unit manager the 评教 of their unit only', async () => {
    const cookie = await cookieOf(T, 'role_admin');
    const elsewhere = await newTeacher(T);
    const other = (await api(surveysPath(T), { cookie, body: ratingBody(elsewhere) })).body.survey.id;
    const ours = await newSurvey(T);
    const manager = await cookieOf(T, 'role_unit_manager');
    expect((await api(`${surveysPath(T)}/${ours}/results`, { cookie: manager })).status).toBe(200);
    expectErrorShape(await api(`${surveysPath(T)}/${other}`, { cookie: manager }), 404, 'NOT_FOUND');
    const list = await api(`${surveysPath(T)}?pageSize=100`, { cookie: manager });
    const ids = list.body.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(ours);
    expect(ids).not.toContain(other);
    // A viewer has no survey pages at all.
    expectErrorShape(
      await api(surveysPath(T), { cookie: await cookieOf(T, 'role_viewer') }),
      403,
      'FORBIDDEN',
    );
  });

  it('lets the threshold be 4: shown at 4', async () => {
    const id = await newSurvey(T, { open: true, changes: { minResponses: 4 } });
    const { tokens } = await newTokens(T, id, 4);
    for (const t of tokens.slice(0, 3)) expect((await respond(T, t, ratingAnswers(3))).status).toBe(201);
    const cookie = await cookieOf(T, 'role_admin');
    expect((await api(`${surveysPath(T)}/${id}/results`, { cookie })).body.hidden).toBe(true);
    await respond(T, tokens[3] as string, ratingAnswers(3));
    const shown = await api(`${surveysPath(T)}/${id}/results`, { cookie });
    expect(shown.body.hidden).toBe(false);
    expect(shown.body.overallPercent).toBe(60);
  });
});
