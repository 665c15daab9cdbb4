import { describe, expect, it } from 'vitest';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { suffix } from '../units/fixtures';
import { thisSchoolYear } from './fixtures';

const T = 'test-county';
const browser = phoneBrowser();

describe('developmental targets on a phone', () => {
  it('a school head adds a target (typed text survives a reload), reviews it at year end and carries it to next year', async () => {
    const title = `书香校园建设${suffix()}`;
    const year = thisSchoolYear() - 1;
    const label = (y: number) => `${y}—${y + 1}学年`;
    const page = await browser.phone();
    await signInThroughUi(page, T, 'role_unit_manager');
    await mainMenu(page).getByRole('link', { name: '发展目标', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '发展目标' }));
    await page.getByLabel('学年').selectOption(String(year));
    await visible(page.getByRole('heading', { level: 2, name: new RegExp(label(year)) }));

    await page.getByLabel('目标', { exact: true }).fill(title);
    await page.getByLabel(/^具体指标/).fill('生均图书达到 35 册');
    await page.getByLabel(/^对应评估指标/).selectOption('A5.3');
    await page.reload();
    await visible(page.getByText('已恢复上次未保存的内容。'));
    expect(await page.getByLabel('目标', { exact: true }).inputValue()).toBe(title);
    expect(await page.getByLabel(/^具体指标/).inputValue()).toBe('生均图书达到 35 册');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    const card = page.locator(`li[data-target="${title}"]`);
    await visible(card.getByText('未评估'));
    await visible(card.getByText('A5.3 艺术与实践'));
    expect(await page.getByLabel('目标', { exact: true }).inputValue()).toBe('');

    await card.getByRole('button', { name: '填写完成情况' }).click();
    await card.getByLabel('完成情况', { exact: true }).selectOption('partly');
    await card.getByLabel(/^完成情况说明/).fill('生均 32 册，还差 3 册');
    await card.getByLabel(/^下学年目标调整/).fill('生均图书达到 38 册');
    await card.getByRole('button', { name: '保存' }).click();
    await visible(card.getByText('部分达成', { exact: true }));
    await visible(card.getByText('下学年目标调整：生均图书达到 38 册'));
    await visible(page.getByText(/部分达成 1/));
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

    await page.getByRole('button', { name: '结转到下学年' }).click();
    await page.getByRole('button', { name: '确定结转到下学年' }).click();
    await visible(page.getByRole('heading', { level: 2, name: new RegExp(label(year + 1)) }));
    const carried = page.locator(`li[data-target="${title}"]`);
    await visible(carried.getByText('具体指标：生均图书达到 38 册'));
    await visible(carried.getByText('未评估'));
  });
});
