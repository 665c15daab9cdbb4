import { describe, expect, it } from 'vitest';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { suffix } from '../units/fixtures';

const T = 'test-county';
const browser = phoneBrowser();

describe('evaluation rounds on a phone', () => {
  it('the director creates a round (the typed form survives a reload) and reads its overview', async () => {
    const name = `发展性评估${suffix()}`;
    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');
    await mainMenu(page).getByRole('link', { name: '评估', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '评估' }));
    await page.getByRole('link', { name: '新建评估' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '新建评估' }));

    await page.getByLabel('评估名称').fill(name);
    await page.getByLabel('评估方案').selectOption({ label: '中小学校发展性评估方案' });
    await page.getByLabel('评估开始日期').fill('2026-09-01');
    await page.getByLabel('评估结束日期').fill('2027-06-30');
    await page.getByLabel('自评截止日期').fill('2027-06-20');
    await page.getByLabel('评审截止日期').fill('2027-07-05');
    await page.getByLabel('申辩截止日期').fill('2027-07-15');
    for (const school of ['城关第一小学', '城关初级中学']) {
      await page.getByLabel('查找学校').fill(school);
      const option = page.locator('#round-unitIds option', { hasText: school }).first();
      await option.waitFor({ state: 'attached' });
      await page.locator('#round-unitIds').selectOption((await option.getAttribute('value')) as string);
      await visible(page.getByRole('list', { name: '被评单位' }).getByText(school));
    }
    await page.getByLabel('测试inspector 为组长').check();
    await page.getByLabel('王建华 为评估组成员').check();

    // A reload keeps everything typed and chosen.
    await page.reload();
    await visible(page.getByText('已恢复您上次未提交的内容。'));
    expect(await page.getByLabel('评估名称').inputValue()).toBe(name);
    await visible(page.getByRole('list', { name: '被评单位' }).getByText('城关初级中学'));
    expect(await page.getByLabel('测试inspector 为组长').isChecked()).toBe(true);

    await page.getByRole('button', { name: '建立评估' }).click();
    await visible(page.getByRole('heading', { level: 1, name }));
    await visible(page.getByText('中小学校发展性评估方案（第 1 版）· 满分 100 分 · 19 个评分指标'));
    await visible(page.getByRole('link', { name: /城关第一小学/ }));
    await visible(page.getByText('自评中').first());
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
