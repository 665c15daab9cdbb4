import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inspectors, units } from '../../db/schema/tenant';
import { freshUnit, inspectorForUnit, tinyPng } from '../complaints/fixtures';
import { adminCookie } from '../inspectors/fixtures';
import { api, expectErrorShape, stack, tenantDbOf } from '../support/api';

const T = 'test-county';

describe('the public board', () => {
  it('shows the unit, its inspectors with phone, email and photo, the eight duties and the categories', async () => {
    const unitId = await freshUnit(T, `公示测试小学${Math.random().toString(36).slice(2, 6)}`);
    const withPhoto = await inspectorForUnit(T, unitId, { name: '甲督学', email: 'jia@example.cn' });
    await inspectorForUnit(T, unitId, { name: '乙督学', phone: '0561-6010001' });
    const upload = await api(`/api/t/${T}/inspectors/${withPhoto}/photo`, {
      cookie: await adminCookie(T),
      rawBody: tinyPng(),
      headers: { 'content-type': 'image/png' },
    });
    expect(upload.status).toBe(200);

    const res = await api(`/api/t/${T}/public/units/${unitId}/board`);
    expect(res.status).toBe(200);
    const board = res.body;
    expect(board.unit).toMatchObject({ id: unitId, address: '测试路 1 号' });
    expect(board.unit.kindLabel).toMatch(/[\u4e00-\u9fff]/);
    expect(board.office.name).toBe('测试示范县');
    expect(board.office.word).toMatch(/督导/);
    expect(board.duties).toHaveLength(8);
    expect(board.duties[0]).toBe('校务管理和制度执行');
    expect(board.categories.map((c: { value: string }) => c.value)).toEqual([
      'complaint',
      'suggestion',
      'report',
      'praise',
    ]);
    const names = board.inspectors.map((i: { name: string }) => i.name).sort();
    expect(names).toEqual(['乙督学', '甲督学']);
    const jia = board.inspectors.find((i: { name: string }) => i.name === '甲督学');
    expect(jia).toMatchObject({ typeLabel: '责任督学', email: 'jia@example.cn' });
    expect(Object.keys(jia).sort()).toEqual(['email', 'id', 'name', 'phone', 'photoUrl', 'typeLabel']);
    const yi = board.inspectors.find((i: { name: string }) => i.name === '乙督学');
    expect(yi.photoUrl).toBeNull();

    const photo = await fetch(`${stack.url}${jia.photoUrl}`, { headers: { connection: 'close' } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(photo.headers.get('cache-control')).toContain('public');
    await photo.arrayBuffer();

    // An archived inspector leaves the board and their photo is no longer public.
    const db = await tenantDbOf(T);
    await db.update(inspectors).set({ status: 'archived' }).where(eq(inspectors.id, withPhoto));
    const after = await api(`/api/t/${T}/public/units/${unitId}/board`);
    expect(after.body.inspectors.map((i: { name: string }) => i.name)).toEqual(['乙督学']);
    expectErrorShape(await api(`/api/t/${T}/public/inspectors/${withPhoto}/photo`), 404, 'NOT_FOUND');
  });

  it('answers 404 for an archived, unknown or another tenant’s unit, and for another tenant’s inspector', async () => {
    const archived = await freshUnit(T);
    const db = await tenantDbOf(T);
    await db.update(units).set({ status: 'archived' }).where(eq(units.id, archived));
    expectErrorShape(await api(`/api/t/${T}/public/units/${archived}/board`), 404, 'NOT_FOUND');
    expectErrorShape(await api(`/api/t/${T}/public/units/${crypto.randomUUID()}/board`), 404, 'NOT_FOUND');
    expectErrorShape(await api(`/api/t/${T}/public/units/nope/board`), 404, 'NOT_FOUND');

    const collegeUnit = await freshUnit('test-college');
    const collegeInspector = await inspectorForUnit('test-college', collegeUnit);
    expect((await api(`/api/t/test-college/public/units/${collegeUnit}/board`)).status).toBe(200);
    expectErrorShape(await api(`/api/t/${T}/public/units/${collegeUnit}/board`), 404, 'NOT_FOUND');
    expectErrorShape(await api(`/api/t/${T}/public/inspectors/${collegeInspector}/photo`), 404, 'NOT_FOUND');
  });
});
