import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inspectors, inspectorUnits, users } from '../../db/schema/tenant';
import { freshUnit, suffix, tinyPng } from '../complaints/fixtures';
import { adminCookie } from '../inspectors/fixtures';
import { api, tenantDbOf } from '../support/api';
import { pageWidths, phoneBrowser, scriptSizes, signInThroughUi, url, visible } from '../support/browser';

const T = 'test-county';
const browser = phoneBrowser();

/**
 * The inspector record of role_inspector, made through the API (inspectors.manage) if it has none,
 * and made responsible for `unitId` on top of the units it already has.
 */
async function inspectorOfRoleUserFor(unitId: string): Promise<string> {
  const db = await tenantDbOf(T);
  const cookie = await adminCookie(T);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'role_inspector'));
  let [linked] = await db
    .select({ id: inspectors.id })
    .from(inspectors)
    .where(eq(inspectors.userId, user?.id ?? ''));
  if (!linked) {
    const res = await api(`/api/t/${T}/inspectors`, {
      cookie,
      body: { name: `公示督学${suffix()}`, type: 'responsible', phone: '13912345678', userId: user?.id },
    });
    expect(res.status).toBe(201);
    linked = { id: res.body.inspector.id };
  }
  const direct = await db
    .select({ unitId: inspectorUnits.unitId })
    .from(inspectorUnits)
    .where(eq(inspectorUnits.inspectorId, linked.id));
  const assigned = await api(`/api/t/${T}/inspectors/${linked.id}/assignments`, {
    cookie,
    body: { zoneIds: [], unitIds: [...direct.map((d) => d.unitId), unitId] },
  });
  expect(assigned.status).toBe(200);
  return linked.id;
}

describe('the public board on a phone', () => {
  it('sends a complaint from the board, the inspector replies and closes it, the sender sees 已办结', async () => {
    const unitName = `扫码测试小学${suffix()}`;
    const unitId = await freshUnit(T, unitName);
    const inspectorId = await inspectorOfRoleUserFor(unitId);
    const db = await tenantDbOf(T);
    const [inspector] = await db.select().from(inspectors).where(eq(inspectors.id, inspectorId));

    const page = await browser.phone();
    await page.goto(url(`/t/${T}/board/${unitId}`));
    await visible(page.getByRole('heading', { level: 1, name: unitName }));
    await visible(page.getByRole('heading', { name: inspector?.name as string }));
    await visible(page.getByText('校务管理和制度执行'));
    if (inspector?.phone) {
      expect(await page.getByRole('link', { name: inspector.phone }).getAttribute('href')).toBe(
        `tel:${inspector.phone}`,
      );
    }
    // A public page stays small: well under 100 KB of compressed JavaScript, no QR library.
    const scripts = await scriptSizes(page);
    expect(scripts.reduce((sum, s) => sum + s.encoded, 0)).toBeLessThan(100 * 1024);
    expect(scripts.some((s) => /qrcode/.test(s.name))).toBe(false);

    const topic = `食堂卫生${suffix()}`;
    await page.getByLabel('类别').selectOption('complaint');
    await page.getByLabel('主题').fill(topic);
    await page.getByLabel('具体内容').fill('<b>食堂</b>的餐具没有消毒，孩子回家说饭菜有异味。');
    // The draft survives a reload.
    await page.reload();
    await visible(page.getByText('已恢复您上次未提交的内容'));
    expect(await page.getByLabel('主题').inputValue()).toBe(topic);
    await page.getByLabel('现场照片').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(tinyPng()),
    });
    await visible(page.getByRole('img', { name: '现场照片' }));
    const widths = await pageWidths(page);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await visible(page.getByText('照片已上传'));
    const codeBox = page.getByTestId('tracking-code');
    await visible(codeBox);
    const code = ((await codeBox.textContent()) ?? '').trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);

    const staff = await browser.phone();
    await signInThroughUi(staff, T, 'role_inspector');
    await staff.goto(url(`/t/${T}/complaints`));
    await staff.getByRole('link', { name: topic }).click();
    await visible(staff.getByText('<b>食堂</b>的餐具没有消毒', { exact: false }));
    await visible(staff.getByRole('img', { name: '反映人上传的照片' }));
    await staff.getByLabel('答复内容（反映人凭查询码可见）').fill('已到校核实，食堂已整改并加强餐具消毒。');
    await staff.getByRole('button', { name: '答复反映人' }).click();
    await visible(staff.getByRole('strong').getByText('已答复'));
    await staff.getByRole('button', { name: '办结', exact: true }).click();
    await visible(staff.getByRole('strong').getByText('已办结'));
    await visible(staff.getByText('受理核实投诉记录'));

    await page.getByRole('link', { name: '查询办理进度' }).click();
    await visible(page.getByRole('strong').getByText('已办结'));
    await visible(page.getByText('已到校核实，食堂已整改并加强餐具消毒。'));
    expect(await page.getByLabel('查询码').inputValue()).toBe(code);
  });

  it('prints a poster with the inspectors, the eight duties and a QR code to the board page', async () => {
    const unitName = `海报测试小学${suffix()}`;
    const unitId = await freshUnit(T, unitName);
    await inspectorOfRoleUserFor(unitId);
    const page = await browser.phone();
    await signInThroughUi(page, T, 'role_director');
    await page.goto(url(`/t/${T}/units/${unitId}/poster`));
    await visible(page.getByRole('heading', { level: 1, name: '责任督学挂牌督导公示牌' }));
    await visible(page.getByText(unitName));
    await visible(page.getByText('食堂、食品、饮水及宿舍卫生'));
    const target = `${new URL(url('/')).origin}/t/${T}/board/${unitId}`;
    const svg = page.locator('.poster-qr svg');
    await visible(svg);
    expect(await svg.getAttribute('data-qr-text')).toBe(target);
    expect(await svg.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await visible(page.locator('.poster-url').getByText(target, { exact: true }));
    await visible(page.getByRole('button', { name: '打印' }));

    // On paper only the poster remains.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: '主菜单' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await svg.isVisible()).toBe(true);
  });
});
