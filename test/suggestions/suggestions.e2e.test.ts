import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { units } from '../../db/schema/tenant';
import { tenantDbOf } from '../support/api';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, url, visible } from '../support/browser';
import { suffix, unitOf } from './fixtures';

const T = 'test-county';
const browser = phoneBrowser();

async function expectNoSideways(page: Page) {
  const { scrollWidth, clientWidth } = await pageWidths(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** Opens a box of the suggestions page and the suggestion with this title in it. */
async function openFromBox(page: Page, tab: string, title: string) {
  await page.goto(url(`/t/${T}/suggestions?tab=${tab}`));
  const search = page.getByLabel('搜索', { exact: true });
  await visible(search);
  await search.fill(title);
  await search.press('Enter');
  await page.getByRole('link', { name: title, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: title }));
  await expectNoSideways(page);
}

describe('staff suggestions on a phone (督导室发现日)', () => {
  it('a teacher sends a suggestion (the draft survives a reload), the director forwards it to the teacher’s unit, the unit manager answers, the teacher reads the answer', async () => {
    const title = `实训室开放时间${suffix()}`;
    const body = '晚自习时间实训室不开放，建议延长到晚上九点。';
    const answer = `已安排专人值守，下周起开放到九点。${suffix()}`;
    const unitId = await unitOf('role_unit_manager');
    const db = await tenantDbOf(T);
    const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
    if (!unit) throw new Error('no home unit');

    // The teacher writes, reloads by accident, and sends.
    const teacher = await browser.phone();
    await signInThroughUi(teacher, T, 'role_teacher');
    await mainMenu(teacher).getByRole('link', { name: '意见建议', exact: true }).click();
    await visible(teacher.getByRole('heading', { level: 1, name: '意见建议' }));
    await teacher.getByLabel('标题', { exact: true }).fill(title);
    await teacher.getByLabel('具体内容', { exact: true }).fill(body);
    await teacher.reload();
    await visible(teacher.getByText('已恢复您上次未提交的内容'));
    expect(await teacher.getByLabel('标题', { exact: true }).inputValue()).toBe(title);
    expect(await teacher.getByLabel('具体内容', { exact: true }).inputValue()).toBe(body);
    await teacher.getByRole('button', { name: '提交建议' }).click();
    await visible(teacher.getByText('建议已提交'));
    const card = teacher.locator('li.card', { hasText: title });
    await visible(card.getByText('待处理'));
    expect(await teacher.getByLabel('标题', { exact: true }).inputValue()).toBe('');
    await expectNoSideways(teacher);

    // The director classifies it and forwards it to the teacher's own unit.
    const director = await browser.phone();
    await signInThroughUi(director, T, 'role_director');
    await openFromBox(director, 'office', title);
    await visible(director.getByText(body));
    await director.getByLabel('类别', { exact: true }).selectOption({ label: '教学' });
    await director.getByLabel('查找学校').fill(unit.name);
    await director.locator(`#sg-forward-unitId option[value="${unitId}"]`).waitFor({ state: 'attached' });
    await director.getByLabel('转交给哪个学校').selectOption(unitId);
    await director.getByLabel('给承办单位的说明').fill('请学校答复');
    await director.getByRole('button', { name: '转交', exact: true }).click();
    await visible(director.getByText(`已转交给${unit.name}`));
    await visible(director.getByText('已转交', { exact: true }));

    // The unit manager finds it in 转交本单位 and answers.
    const manager = await browser.phone();
    await signInThroughUi(manager, T, 'role_unit_manager');
    await openFromBox(manager, 'unit', title);
    await visible(manager.getByText('请学校答复'));
    await manager.getByLabel('答复内容（提交人可以看到）').fill(answer);
    await manager.getByRole('button', { name: '提交答复' }).click();
    await visible(manager.getByText('答复已提交'));
    await visible(manager.getByText('已答复', { exact: true }));

    // The teacher sees the answer in 我提交的.
    await teacher.reload();
    const answered = teacher.locator('li.card', { hasText: title });
    await visible(answered.getByText('已答复', { exact: true }));
    await visible(answered.getByText(answer));
    await visible(answered.getByText('教学'));
    await expectNoSideways(teacher);
  });
});
