import { and, asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, suggestions } from '../../db/schema/tenant';
import { api, expectErrorShape, tenantDbOf } from '../support/api';
import {
  cookieOf,
  forward,
  forwardedToHomeUnit,
  freshUnit,
  path,
  suffix,
  suggestionBy,
  unitOf,
  userIdOf,
} from './fixtures';

const T = 'test-county';

async function auditOf(id: string) {
  const db = await tenantDbOf(T);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'suggestion'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));
}

async function rowOf(id: string) {
  const db = await tenantDbOf(T);
  const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id));
  if (!row) throw new Error(`no suggestion ${id}`);
  return row;
}

async function countBy(username: string) {
  const db = await tenantDbOf(T);
  const authorId = await userIdOf(username);
  const [s] = await db.select({ n: count() }).from(suggestions).where(eq(suggestions.authorId, authorId));
  const [a] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, authorId), eq(auditLog.entityType, 'suggestion')));
  return { suggestions: s?.n ?? 0, audit: a?.n ?? 0 };
}

function as(username: string, rest: string, body?: unknown, tenant = T) {
  return cookieOf(username, tenant).then((cookie) => api(path(tenant, rest), { cookie, body }));
}

function issuePaths(res: {
  body: { error?: { details?: { issues?: { path: string; message: string }[] } } };
}) {
  return (res.body.error?.details?.issues ?? []).map((i) => i.path);
}

describe('staff suggestions (督导室发现日)', () => {
  it('a teacher sends, the office forwards, the unit answers, the teacher reads the answer; every step audited', async () => {
    const title = `食堂窗口建议${suffix()}`;
    const sent = await as('role_teacher', '', { title, body: '午餐排队超过二十分钟，建议增开两个窗口。' });
    expect(sent.status).toBe(201);
    const s = sent.body.suggestion;
    expect(s).toMatchObject({
      title,
      status: 'submitted',
      statusLabel: '待处理',
      category: null,
      mine: true,
    });
    expect(s.author.id).toBe(await userIdOf('role_teacher'));
    const id = s.id as string;

    const mine = await as('role_teacher', `?q=${encodeURIComponent(title)}`);
    expect(mine.status).toBe(200);
    expect(mine.body.box).toBe('mine');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    const office = await as('role_director', `?box=office&status=submitted&q=${encodeURIComponent(title)}`);
    expect(office.status).toBe(200);
    expect(office.body.items).toHaveLength(1);
    expect(office.body.items[0].author.name).toBeTruthy();
    expect(office.body.items[0].actions).toEqual({ forward: true, answer: false, close: true });

    const unitId = await unitOf('role_unit_manager');
    const fwd = await as('role_director', `/${id}/forward`, {
      unitId,
      category: 'logistics',
      officeNote: '请后勤部门答复',
    });
    expect(fwd.status).toBe(200);
    expect(fwd.body.suggestion).toMatchObject({
      status: 'forwarded',
      statusLabel: '已转交',
      category: 'logistics',
      categoryLabel: '后勤',
      officeNote: '请后勤部门答复',
      unit: { id: unitId },
    });

    // The unit sees it in its box, without the sender's name.
    const box = await as('role_unit_manager', `?box=unit&q=${encodeURIComponent(title)}`);
    expect(box.status).toBe(200);
    expect(box.body.items).toHaveLength(1);
    expect(box.body.items[0].author).toBeNull();
    expect(box.body.items[0].actions).toEqual({ forward: false, answer: true, close: false });
    const seen = await as('role_unit_manager', `/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.suggestion.author).toBeNull();
    expect(JSON.stringify(seen.body)).not.toContain(await userIdOf('role_teacher'));

    const answered = await as('role_unit_manager', `/${id}/answer`, { answer: '下周起增开两个窗口。' });
    expect(answered.status).toBe(200);
    expect(answered.body.suggestion).toMatchObject({ status: 'answered', answer: '下周起增开两个窗口。' });

    const read = await as('role_teacher', `/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.suggestion).toMatchObject({
      status: 'answered',
      statusLabel: '已答复',
      answer: '下周起增开两个窗口。',
      officeNote: '请后勤部门答复',
      answeredByName: '测试unit_manager',
    });
    expect(read.body.suggestion.answeredAt).toBeTruthy();
    expect(read.body.suggestion.actions).toEqual({ forward: false, answer: false, close: false });

    // The office wraps it up with a note the sender reads.
    const closed = await as('role_director', `/${id}/close`, { officeNote: '已督促后勤落实，感谢建议。' });
    expect(closed.status).toBe(200);
    const after = await as('role_teacher', `/${id}`);
    expect(after.body.suggestion).toMatchObject({
      status: 'closed',
      statusLabel: '已办结',
      officeNote: '已督促后勤落实，感谢建议。',
      answer: '下周起增开两个窗口。',
    });

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual([
      'suggestion.create',
      'suggestion.forward',
      'suggestion.answer',
      'suggestion.close',
    ]);
    expect(audit.map((a) => a.actorId)).toEqual([
      await userIdOf('role_teacher'),
      await userIdOf('role_director'),
      await userIdOf('role_unit_manager'),
      await userIdOf('role_director'),
    ]);
    expect(audit[1]?.details).toMatchObject({ unitId, category: 'logistics', fromStatus: 'submitted' });
  });

  it('keeps the category the sender chose; a blank category is none', async () => {
    const a = await as('role_viewer', '', {
      title: `安全建议${suffix()}`,
      body: '楼梯灯坏了。',
      category: 'safety',
    });
    expect(a.status).toBe(201);
    expect(a.body.suggestion).toMatchObject({ category: 'safety', categoryLabel: '安全' });
    const b = await as('role_viewer', '', { title: `建议${suffix()}`, body: '无', category: '' });
    expect(b.status).toBe(201);
    expect(b.body.suggestion.category).toBeNull();
  });

  it('the office closes a new suggestion itself; the sender reads the note; later steps are 409 naming the state', async () => {
    const id = await suggestionBy('role_inspector');
    const closed = await as('role_admin', `/${id}/close`, { officeNote: '督导室已当面答复。' });
    expect(closed.status).toBe(200);
    const read = await as('role_inspector', `/${id}`);
    expect(read.body.suggestion).toMatchObject({ status: 'closed', officeNote: '督导室已当面答复。' });

    const unitId = await unitOf('role_unit_manager');
    for (const [rest, body] of [
      [`/${id}/forward`, { unitId, category: 'other' }],
      [`/${id}/answer`, { answer: '好' }],
      [`/${id}/close`, { officeNote: '再次办结' }],
    ] as const) {
      const res = await as('role_director', rest, body);
      expectErrorShape(res, 409, 'CONFLICT');
      expect(res.body.error.message).toContain('已办结');
    }
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['suggestion.create', 'suggestion.close']);
  });

  it('answers only a forwarded suggestion, once', async () => {
    const id = await suggestionBy('role_teacher');
    const early = await as('role_director', `/${id}/answer`, { answer: '好' });
    expectErrorShape(early, 409, 'CONFLICT');
    expect(early.body.error.message).toContain('待处理');

    const unitId = await unitOf('role_unit_manager');
    await forward(id, unitId);
    // The office may answer for the unit.
    const first = await as('role_admin', `/${id}/answer`, { answer: '督导室代为答复' });
    expect(first.status).toBe(200);
    expect(first.body.suggestion.answeredByName).toBe('测试admin');
    const again = await as('role_unit_manager', `/${id}/answer`, { answer: '再答一次' });
    expectErrorShape(again, 409, 'CONFLICT');
    expect(again.body.error.message).toContain('已答复');
    const refwd = await as('role_director', `/${id}/forward`, { unitId, category: 'other' });
    expectErrorShape(refwd, 409, 'CONFLICT');
    expect(refwd.body.error.message).toContain('已答复');
    expect((await rowOf(id)).answer).toBe('督导室代为答复');
  });

  it('of two answers sent at once, one is saved and the other is refused', async () => {
    const { id } = await forwardedToHomeUnit();
    const results = await Promise.all([
      as('role_unit_manager', `/${id}/answer`, { answer: '答复甲' }),
      as('role_director', `/${id}/answer`, { answer: '答复乙' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const audit = await auditOf(id);
    expect(audit.filter((a) => a.action === 'suggestion.answer')).toHaveLength(1);
    const winner = results.find((r) => r.status === 200);
    expect((await rowOf(id)).answer).toBe(winner?.body.suggestion.answer);
  });

  it('re-forwarding moves a suggestion to another unit: the first unit loses it', async () => {
    const id = await suggestionBy('role_teacher');
    const elsewhere = await freshUnit();
    await forward(id, elsewhere);
    // role_unit_manager manages another unit: 404 for reading and answering.
    expectErrorShape(await as('role_unit_manager', `/${id}`), 404, 'NOT_FOUND');
    expectErrorShape(await as('role_unit_manager', `/${id}/answer`, { answer: '好' }), 404, 'NOT_FOUND');
    const box = await as('role_unit_manager', `?box=unit&unitId=${elsewhere}`);
    expect(box.status).toBe(200);
    expect(box.body.items.some((i: { id: string }) => i.id === id)).toBe(false);

    const home = await unitOf('role_unit_manager');
    const moved = await forward(id, home);
    expect(moved.unit.id).toBe(home);
    expect((await as('role_unit_manager', `/${id}`)).status).toBe(200);
    expect((await auditOf(id)).map((a) => a.details)).toContainEqual(
      expect.objectContaining({ fromStatus: 'forwarded', fromUnitId: elsewhere, unitId: home }),
    );
  });

  it('only the author, the office and the receiving unit see a suggestion: everyone else 404', async () => {
    const id = await suggestionBy('role_viewer');
    expect((await as('role_viewer', `/${id}`)).status).toBe(200);
    expect((await as('role_admin', `/${id}`)).status).toBe(200);
    expect((await as('role_director', `/${id}`)).status).toBe(200);
    for (const user of ['role_teacher', 'role_inspector', 'role_unit_manager']) {
      const res = await as(user, `/${id}`);
      expectErrorShape(res, 404, 'NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toContain('食堂');
    }
    // Nobody else's list shows it either.
    const teacherList = await as('role_teacher', '?pageSize=100');
    expect(teacherList.body.items.some((i: { id: string }) => i.id === id)).toBe(false);
    // Unknown, malformed and other-tenant ids.
    expectErrorShape(await as('role_admin', `/${crypto.randomUUID()}`), 404, 'NOT_FOUND');
    expectErrorShape(await as('role_admin', '/not-an-id'), 404, 'NOT_FOUND');
    expectErrorShape(await as('role_admin', `/${id}`, undefined, 'test-college'), 404, 'NOT_FOUND');
    expectErrorShape(
      await as('role_admin', `/${id}/close`, { officeNote: '跨单位' }, 'test-college'),
      404,
      'NOT_FOUND',
    );
    expect((await rowOf(id)).status).toBe('submitted');
  });

  it('a unit manager answers nothing outside their unit, not even their own suggestion sent elsewhere', async () => {
    const id = await suggestionBy('role_unit_manager');
    const elsewhere = await freshUnit();
    await forward(id, elsewhere);
    // Their own: they may read it…
    expect((await as('role_unit_manager', `/${id}`)).status).toBe(200);
    // …but it is not theirs to answer.
    expectErrorShape(
      await as('role_unit_manager', `/${id}/answer`, { answer: '自问自答' }),
      404,
      'NOT_FOUND',
    );
    expect((await rowOf(id)).status).toBe('forwarded');
  });

  it('opens only the boxes a role may: 403 otherwise', async () => {
    for (const [user, box] of [
      ['role_teacher', 'office'],
      ['role_teacher', 'unit'],
      ['role_inspector', 'unit'],
      ['role_viewer', 'office'],
      ['role_unit_manager', 'office'],
    ] as const) {
      const res = await as(user, `?box=${box}`);
      expectErrorShape(res, 403, 'FORBIDDEN');
      expect(res.body.items).toBeUndefined();
    }
    const bad = await as('role_admin', '?box=all');
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    expect(issuePaths(bad)).toEqual(['box']);
  });

  it('the office filters by status, category and unit, and pages', async () => {
    const tag = `筛选${suffix()}`;
    const unitId = await freshUnit();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await suggestionBy('role_teacher', T, { title: `${tag}${i}` }));
    await forward(ids[0] as string, unitId);
    const q = encodeURIComponent(tag);

    const all = await as('role_director', `?box=office&q=${q}&pageSize=2`);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.body.items).toHaveLength(2);
    const page2 = await as('role_director', `?box=office&q=${q}&pageSize=2&page=2`);
    expect(page2.body.items).toHaveLength(1);
    // Newest first, no row twice.
    const seen = [...all.body.items, ...page2.body.items].map((i: { id: string }) => i.id);
    expect(new Set(seen).size).toBe(3);

    const fwd = await as('role_director', `?box=office&q=${q}&status=forwarded`);
    expect(fwd.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    const cat = await as('role_director', `?box=office&q=${q}&category=logistics`);
    expect(cat.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    const unitBox = await as('role_admin', `?box=unit&unitId=${unitId}`);
    expect(unitBox.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);

    const bad = await as('role_director', '?box=office&status=lost&category=food&pageSize=500');
    expectErrorShape(bad, 422, 'VALIDATION_FAILED');
    expect(issuePaths(bad).sort()).toEqual(['category', 'pageSize', 'status']);
  });

  it('refuses bad input with 422 in Chinese and writes nothing', async () => {
    const before = await countBy('role_teacher');
    const cases: [unknown, string[]][] = [
      [{ body: '内容' }, ['title']],
      [{ title: '  ', body: '内容' }, ['title']],
      [{ title: '标'.repeat(61), body: '内容' }, ['title']],
      [{ title: '标题', body: '字'.repeat(2001) }, ['body']],
      [{ title: '标题', body: '内容', category: 'food' }, ['category']],
      [{ title: 12, body: ['x'] }, ['body', 'title']],
    ];
    for (const [body, paths] of cases) {
      const res = await as('role_teacher', '', body);
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(issuePaths(res).sort()).toEqual(paths);
      for (const issue of res.body.error.details.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const notJson = await cookieOf('role_teacher').then((cookie) =>
      api(path(T), { cookie, rawBody: 'title=x', headers: { 'content-type': 'text/plain' } }),
    );
    expectErrorShape(notJson, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await countBy('role_teacher')).toEqual(before);

    // Steps with bad input change nothing either.
    const id = await suggestionBy('role_teacher');
    const row = await rowOf(id);
    const archived = await freshUnit(T, 'archived');
    const home = await unitOf('role_unit_manager');
    const steps: [string, unknown, string[]][] = [
      [`/${id}/forward`, { unitId: crypto.randomUUID(), category: 'teaching' }, ['unitId']],
      [`/${id}/forward`, { unitId: archived, category: 'teaching' }, ['unitId']],
      [`/${id}/forward`, { unitId: 'school-1', category: 'teaching' }, ['unitId']],
      [`/${id}/forward`, { unitId: home }, ['category']],
      [
        `/${id}/forward`,
        { unitId: home, category: 'food', officeNote: '注'.repeat(1001) },
        ['category', 'officeNote'],
      ],
      [`/${id}/close`, {}, ['officeNote']],
      [`/${id}/close`, { officeNote: '   ' }, ['officeNote']],
      [`/${id}/answer`, { answer: '' }, ['answer']],
      [`/${id}/answer`, { answer: '答'.repeat(2001) }, ['answer']],
    ];
    for (const [rest, body, paths] of steps) {
      const res = await as('role_director', rest, body);
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(issuePaths(res).sort()).toEqual(paths);
    }
    const unitMessage = await as('role_director', `/${id}/forward`, {
      unitId: archived,
      category: 'teaching',
    });
    expect(unitMessage.body.error.details.issues[0].message).toContain('已归档');
    expect(await rowOf(id)).toEqual(row);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['suggestion.create']);
  });
});
