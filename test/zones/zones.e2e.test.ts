import { describe, expect, it } from 'vitest';
import { mainMenu, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { suffix } from '../units/fixtures';

const TENANT = 'test-county';
const browser = phoneBrowser();

describe('units and zones on a phone', () => {
  it('director1 creates a zone and a school (fixing a bad phone, surviving a reload), then puts the school in the zone', async () => {
    const zoneName = `手机责任区${suffix()}`;
    // No 小学 in the name: the unit list test searches for it.
    const unitName = `手机新建学校${suffix()}`;
    const page = await browser.phone();
    await signInThroughUi(page, TENANT, 'director1');

    // A new zone from the zones page.
    await mainMenu(page).getByRole('link', { name: '责任区管理', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '责任区管理' }));
    await page.getByLabel('名称', { exact: true }).fill(zoneName);
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await visible(page.getByRole('main').getByRole('link', { name: zoneName }));

    // A new school: the draft survives a reload; the server's 422 shows at the phone field.
    await mainMenu(page).getByRole('link', { name: '学校列表', exact: true }).click();
    await page.getByRole('link', { name: '新增学校' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '新增学校' }));
    await page.getByLabel('名称', { exact: true }).fill(unitName);
    await page.getByLabel('类型', { exact: true }).selectOption({ label: '小学' });
    await page.getByLabel(/^联系电话/).fill('12345');
    await page.reload();
    await visible(page.getByText('已恢复上次未保存的内容'));
    expect(await page.getByLabel('名称', { exact: true }).inputValue()).toBe(unitName);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.locator('#unit-phone-error').getByText('联系电话格式不正确'));
    await page.getByLabel(/^联系电话/).fill('0561-6010001');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: unitName }));
    await visible(page.getByRole('link', { name: '查看公示页' }));
    await visible(page.getByRole('link', { name: '打印公示牌' }));

    // Into the zone: search, add, save; the school is listed in the zone and counted.
    await mainMenu(page).getByRole('link', { name: '责任区管理', exact: true }).click();
    await page.getByRole('main').getByRole('link', { name: zoneName }).click();
    await visible(page.getByRole('heading', { level: 1, name: zoneName }));
    await page.getByRole('searchbox', { name: '搜索要加入的学校' }).fill(unitName);
    await page.getByRole('button', { name: `加入${unitName}` }).click();
    await visible(page.getByText('调整后共 1 个学校'));
    await page.getByRole('button', { name: '保存调整' }).click();
    await visible(page.getByText('已保存调整'));
    await visible(page.getByRole('list', { name: '责任区内的学校' }).getByRole('link', { name: unitName }));
    await visible(page.getByText('学校数 1 / 20'));

    // The school's page now names the zone.
    await page.getByRole('list', { name: '责任区内的学校' }).getByRole('link', { name: unitName }).click();
    await visible(page.getByRole('heading', { level: 1, name: unitName }));
    await visible(page.getByRole('link', { name: zoneName }));
  });
});
