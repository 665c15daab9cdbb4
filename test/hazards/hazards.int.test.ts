import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findings, units, users } from '../../db/schema/tenant';
import { addDays, beijingDate } from '../../worker/dates';
import { api, expectErrorShape, signIn, tenantDbOf } from '../support/api';
import { TEST_TENANTS } from '../support/tenants';

const T = 'test-county';
const today = beijingDate();

async function freshUnit() {
  const kind =
    TEST_TENANTS.find((t) => t.slug === T)?.config.unitKinds.find((k) => !k.isGroup)?.key ?? 'primary';
  const db = await tenantDbOf(T);
  const id = crypto.randomUUID();
  await db.insert(units).values({
    id,
    name: `台账测试学校${id.slice(0, 6)}`,
    kind,
    status: 'active',
    updatedAt: new Date().toISOString(),
  });
  return id;
}

async function finding(unitId: string, fields: Partial<typeof findings.$inferInsert>) {
  const db = await tenantDbOf(T);
  const [inspector] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'role_inspector'));
  const id = crypto.randomUUID();
  const at = new Date(Date.now() - 10 * 24 * 3600_000).toISOString();
  // Marked overdue already (escalation 1, today), so the daily job of another test leaves it as it is.
  await db.insert(findings).values({
    id,
    module: 'safety',
    unitId,
    category: '电器线路',
    severity: 'general',
    description: '配电箱未上锁',
    requirement: '加锁并张贴警示标识',
    responsiblePerson: '王总务',
    deadline: addDays(today, 5),
    status: 'issued',
    createdBy: inspector?.id ?? '',
    createdAt: at,
    updatedAt: at,
    ...fields,
  });
  return id;
}

let unitId = '';
let ids: Record<string, string> = {};
let cookie = '';

beforeAll(async () => {
  unitId = await freshUnit();
  const marked = { overdueAt: new Date().toISOString(), escalation: 1 };
  ids = {
    overdue: await finding(unitId, {
      severity: 'major',
      deadline: addDays(today, -4),
      description: '灭火器过期',
      ...marked,
    }),
    dueLater: await finding(unitId, { severity: 'serious' }),
    closed: await finding(unitId, {
      status: 'closed',
      deadline: addDays(today, -3),
      closedAt: new Date().toISOString(),
      description: '楼梯扶手松动',
    }),
    teaching: await finding(unitId, { module: 'teaching', deadline: addDays(today, -2), ...marked }),
  };
  cookie = await signIn(T, 'role_viewer');
});

describe('hazard register', () => {
  it('lists the safety findings with level, status, age, unit, deadline and overdue', async () => {
    const res = await api(`/api/t/${T}/hazards?unitId=${unitId}`, { cookie });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    const byId = new Map(res.body.items.map((h: { id: string }) => [h.id, h]));
    expect(byId.has(ids.teaching)).toBe(false);
    expect(byId.get(ids.overdue)).toMatchObject({
      level: 'major',
      status: 'issued',
      unitName: expect.stringContaining('台账测试学校'),
      deadline: addDays(today, -4),
      overdue: true,
      overdueDays: 4,
      ageDays: 10,
    });
    expect(byId.get(ids.dueLater)).toMatchObject({ overdue: false, overdueDays: 0 });
    expect(byId.get(ids.closed)).toMatchObject({
      status: 'closed',
      overdue: false,
      closedOn: today,
      overdueDays: 3,
    });
  });

  it('filters by level, status and overdue, and refuses a bad filter', async () => {
    const major = await api(`/api/t/${T}/hazards?unitId=${unitId}&level=major`, { cookie });
    expect(major.body.items.map((h: { id: string }) => h.id)).toEqual([ids.overdue]);
    const closed = await api(`/api/t/${T}/hazards?unitId=${unitId}&status=closed`, { cookie });
    expect(closed.body.items.map((h: { id: string }) => h.id)).toEqual([ids.closed]);
    const overdue = await api(`/api/t/${T}/hazards?unitId=${unitId}&overdue=1`, { cookie });
    expect(overdue.body.items.map((h: { id: string }) => h.id)).toEqual([ids.overdue]);
    expectErrorShape(await api(`/api/t/${T}/hazards?level=huge`, { cookie }), 422, 'VALIDATION_FAILED');
  });

  it('exports the ledger as .xlsx in the usual columns', async () => {
    const res = await fetch(
      `${(await import('../support/api')).stack.url}/api/t/${T}/hazards.xlsx?unitId=${unitId}`,
      {
        headers: { cookie, connection: 'close' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('隐患台账'));
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    if (!sheet) throw new Error('no sheet');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
    expect(String(rows[0]?.[0])).toContain('隐患排查整改台账');
    expect(rows[1]).toEqual([
      '序号',
      '排查日期',
      '单位',
      '隐患部位/类别',
      '隐患描述',
      '隐患等级',
      '整改措施/要求',
      '责任人',
      '整改期限',
      '整改状态',
      '销号日期',
      '逾期天数',
    ]);
    const lines = rows.slice(2);
    expect(lines).toHaveLength(3);
    const fireLine = lines.find((r) => r[4] === '灭火器过期');
    expect(fireLine?.[5]).toBe('重大');
    expect(fireLine?.[9]).toBe('整改中（逾期）');
    expect(fireLine?.[11]).toBe(4);
    const closedLine = lines.find((r) => r[4] === '楼梯扶手松动');
    expect(closedLine?.[9]).toBe('已销号');
    expect(closedLine?.[10]).toBe(today);
    expect(lines.map((r) => r[0])).toEqual([1, 2, 3]);
  });
});

describe('overdue lists', () => {
  it('groups overdue findings of modules that are on per unit and per zone', async () => {
    const res = await api(`/api/t/${T}/findings/overdue`, { cookie });
    expect(res.status).toBe(200);
    const unit = res.body.units.find((u: { unitId: string }) => u.unitId === unitId);
    expect(unit).toMatchObject({ count: 2, maxOverdueDays: 4, byModule: { safety: 1, teaching: 1 } });
    expect(unit.findings.map((f: { id: string }) => f.id).sort()).toEqual([ids.overdue, ids.teaching].sort());
    const zone = res.body.zones.find((z: { zoneId: string | null }) => z.zoneId === null);
    expect(zone.count).toBeGreaterThanOrEqual(2);
  });

  it('leaves out a module the tenant has off', async () => {
    const db = await tenantDbOf(T);
    const study = await finding(unitId, {
      module: 'study',
      deadline: addDays(today, -2),
      overdueAt: new Date().toISOString(),
      escalation: 1,
    });
    const res = await api(`/api/t/${T}/findings/overdue`, { cookie });
    expect(JSON.stringify(res.body)).not.toContain(study);
    await db.delete(findings).where(eq(findings.id, study));
  });
});
