import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/tenant';
import { adminCookie, createUser } from '../accounts/fixtures';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';

const HOME = 'test-county';
const base = `/api/t/${HOME}/audit`;

let admin = '';
let adminId = '';
beforeAll(async () => {
  admin = await adminCookie(HOME);
  adminId = (await api(`/api/t/${HOME}/me`, { cookie: admin })).body.user.id;
});

interface Row {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityTypeLabel: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
}

/** Audit rows written straight into the database, for dates and volumes a test cannot wait for. */
async function seedRows(entityId: string, ats: string[], action = 'unit.update') {
  const db = await tenantDbOf(HOME);
  await db.insert(auditLog).values(
    ats.map((at) => ({
      at,
      actorId: null,
      actorName: '种子数据',
      action,
      entityType: 'unit',
      entityId,
      details: { note: 'seed' },
      requestId: 'seed',
    })),
  );
}

describe('GET /audit', () => {
  it('shows who created an account, with Chinese labels, newest first', async () => {
    const u = await createUser(HOME, { role: 'viewer' });
    const res = await api(`${base}?entityType=user&entityId=${u.id}`, { cookie: admin });
    expect(res.status).toBe(200);
    const items = res.body.items as Row[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actorName: '测试admin',
      action: 'user.create',
      actionLabel: '新建账号',
      entityType: 'user',
      entityTypeLabel: '账号',
      entityId: u.id,
      details: { username: u.username, role: 'viewer' },
    });
    expect(typeof items[0]?.ip).toBe('string');
    expect(res.body.nextBefore).toBeNull();
    // The filter lists carry the tenant's words: a county's unit is a 学校.
    const labels = new Map(
      (res.body.actions as { key: string; label: string }[]).map((a) => [a.key, a.label]),
    );
    expect(labels.get('unit.create')).toBe('新增学校');
    expect(labels.get('user.role_change')).toBe('变更角色');

    const byAction = await api(`${base}?action=user.create&actorId=${adminId}&pageSize=100`, {
      cookie: admin,
    });
    expect((byAction.body.items as Row[]).some((r) => r.entityId === u.id)).toBe(true);
    expect((byAction.body.items as Row[]).every((r) => r.action === 'user.create')).toBe(true);
    const times = (byAction.body.items as Row[]).map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by part of the actor’s name', async () => {
    const u = await createUser(HOME);
    const res = await api(`${base}?q=${encodeURIComponent('admin')}&entityId=${u.id}`, { cookie: admin });
    expect((res.body.items as Row[]).map((r) => r.entityId)).toEqual([u.id]);
    const none = await api(`${base}?q=${encodeURIComponent('没有这个人')}&entityId=${u.id}`, {
      cookie: admin,
    });
    expect(none.body.items).toEqual([]);
    // The name as recorded counts too (an operator, a removed account).
    const entity = crypto.randomUUID();
    await seedRows(entity, ['2024-05-01T02:00:00.000Z']);
    const seeded = await api(`${base}?q=${encodeURIComponent('种子')}&entityId=${entity}`, { cookie: admin });
    expect(seeded.body.items).toHaveLength(1);
  });

  it('date filters are whole China-time days, both ends included', async () => {
    const entity = crypto.randomUUID();
    await seedRows(entity, [
      '2020-02-29T15:59:59.999Z', // 2020-02-29 23:59:59 in China
      '2020-02-29T16:00:00.000Z', // 2020-03-01 00:00 in China
      '2020-03-01T15:59:59.999Z', // 2020-03-01 23:59:59 in China
      '2020-03-01T16:00:00.000Z', // 2020-03-02 00:00 in China
    ]);
    const day = await api(`${base}?entityId=${entity}&from=2020-03-01&to=2020-03-01`, { cookie: admin });
    expect((day.body.items as Row[]).map((r) => r.at)).toEqual([
      '2020-03-01T15:59:59.999Z',
      '2020-02-29T16:00:00.000Z',
    ]);
    const from = await api(`${base}?entityId=${entity}&from=2020-03-02`, { cookie: admin });
    expect(from.body.items).toHaveLength(1);
    const to = await api(`${base}?entityId=${entity}&to=2020-02-29`, { cookie: admin });
    expect(to.body.items).toHaveLength(1);
  });

  it('pages older rows with the before cursor, without gaps or repeats, and labels unknown actions by key', async () => {
    const entity = crypto.randomUUID();
    await seedRows(entity, [
      '2021-01-01T00:00:00.000Z',
      '2021-01-02T00:00:00.000Z',
      '2021-01-03T00:00:00.000Z',
    ]);
    // Two rows at the same instant: the id breaks the tie.
    await seedRows(entity, ['2021-01-02T00:00:00.000Z', '2021-01-04T00:00:00.000Z'], 'legacy.thing');
    const seen: Row[] = [];
    let before: number | null = null;
    for (let i = 0; i < 5 && (i === 0 || before !== null); i++) {
      const cursor: string = before ? `&before=${before}` : '';
      const res = await api(`${base}?entityId=${entity}&pageSize=2${cursor}`, {
        cookie: admin,
      });
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as Row[]));
      before = res.body.nextBefore as number | null;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((r) => r.id)).size).toBe(5);
    expect(seen.map((r) => r.at)).toEqual([
      '2021-01-04T00:00:00.000Z',
      '2021-01-03T00:00:00.000Z',
      '2021-01-02T00:00:00.000Z',
      '2021-01-02T00:00:00.000Z',
      '2021-01-01T00:00:00.000Z',
    ]);
    expect(seen[0]).toMatchObject({ action: 'legacy.thing', actionLabel: 'legacy.thing' });
    expect(seen[1]).toMatchObject({
      action: 'unit.update',
      actionLabel: '修改学校',
      entityTypeLabel: '学校',
    });
  });

  it('422 for bad dates, a reversed range, a bad cursor or page size', async () => {
    const cases: [string, string][] = [
      ['from=2026-02-30', 'from'],
      ['to=2026/03/01', 'to'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['before=abc', 'before'],
      ['pageSize=101', 'pageSize'],
      ['action=%3Cscript%3E', 'action'],
    ];
    for (const [qs, path] of cases) {
      const res = await api(`${base}?${qs}`, { cookie: admin });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([path]);
    }
  });

  it('another tenant sees none of this tenant’s rows', async () => {
    const u = await createUser(HOME);
    const college = await signIn('test-college', 'role_admin');
    const res = await api(`/api/t/test-college/audit?entityId=${u.id}`, { cookie: college });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const db = await tenantDbOf('test-college');
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, u.id))).toEqual([]);
  });
});
