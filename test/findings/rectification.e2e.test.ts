import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { suffix } from '../inspectors/fixtures';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { cameraPhoto } from '../support/photos';

const T = 'test-county';
const SCHOOL = '示范县城关第一小学';
const browser = phoneBrowser();

/** Today and the day `days` later, as the office counts them (Beijing). */
function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function expectNoSideways(page: Page) {
  const { scrollWidth, clientWidth } = await pageWidths(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** The card of a list that links to `text`. */
function cardOf(page: Page, text: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('link', { name: text, exact: true }) });
}

/** Picks the school in a unit picker: types part of its name, then chooses it in the select. */
async function pickSchool(page: Page, selectLabel: string) {
  await page.getByRole('searchbox', { name: '查找学校' }).fill('城关第一');
  const select = page.getByLabel(selectLabel, { exact: true });
  const option = select.locator('option', { hasText: SCHOOL });
  await expect.poll(() => option.count()).toBeGreaterThan(0);
  await select.selectOption((await option.first().getAttribute('value')) as string);
}

/** The director records a 督安全 finding at the school through the form and issues its notice. */
async function createAndIssue(page: Page, description: string, opts: { reloadMidway?: boolean } = {}) {
  await mainMenu(page).getByRole('link', { name: '督安全问题整改', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: '督安全问题整改' }));
  await page.getByRole('link', { name: '登记问题', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: '登记督安全问题' }));
  // The deadline starts at today + the tenant's default (14 days).
  expect(await page.getByLabel('整改期限', { exact: true }).inputValue()).toBe(beijingDay(14));
  await pickSchool(page, '被督导学校');
  await page.getByLabel('问题类别', { exact: true }).fill('消防安全');
  await page.getByLabel('等级', { exact: true }).selectOption({ label: '较大' });
  await page.getByLabel('问题描述', { exact: true }).fill(description);
  if (opts.reloadMidway) {
    // What was typed survives a reload.
    await page.reload();
    await visible(page.getByText('已恢复您上次未提交的内容。'));
    expect(await page.getByLabel('问题描述', { exact: true }).inputValue()).toBe(description);
    expect(await page.getByLabel('被督导学校', { exact: true }).inputValue()).not.toBe('');
  }
  await page.getByLabel(/^整改要求/).fill('立即更换过期灭火器，建立月检制度');
  await page.getByLabel(/^整改责任人/).fill('赵丽娟');
  await page.getByLabel('整改期限', { exact: true }).fill(beijingDay(7));
  await expectNoSideways(page);
  await page.getByRole('button', { name: '保存问题' }).click();

  await visible(page.getByText('问题已登记，确认无误后请下发整改通知'));
  await visible(page.getByText(description));
  await visible(page.getByText('待下发', { exact: true }));
  await page.getByRole('button', { name: '下发整改通知', exact: true }).click();
  await page.getByRole('button', { name: '确定下发整改通知' }).click();
  await visible(page.getByText(/^整改通知已下发，通知单号 \S+/));
  await visible(page.getByText('整改中', { exact: true }).first());
  await expectNoSideways(page);

  // The printable notice names the school, the problem and the deadline.
  await page.getByRole('link', { name: '打印整改通知单' }).click();
  await visible(page.getByRole('heading', { name: '整改通知单' }));
  await visible(page.getByText(`${SCHOOL}：`));
  await visible(page.getByText(description));
  await visible(page.getByText(`请于 ${beijingDay(7)} 前完成整改`, { exact: false }));
  await visible(page.getByRole('link', { name: '下载整改通知单（Word）' }));
  await expectNoSideways(page);
  await page.getByRole('link', { name: '返回问题详情' }).click();
  await visible(page.getByRole('button', { name: '复查销号' }).or(page.getByText(description)));
}

/** The unit manager writes the report for one finding, with a photo, and sends it. */
async function report(page: Page, description: string, note: string, opts: { reloadMidway?: boolean } = {}) {
  await mainMenu(page).getByRole('link', { name: '整改事项', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: '整改事项' }));
  const card = cardOf(page, description);
  await visible(card.getByText('整改中', { exact: true }));
  await visible(card.getByText(/剩 \d+ 天/));
  await card.getByRole('link', { name: description, exact: true }).click();
  await visible(page.getByRole('heading', { name: '整改通知单' }));
  await visible(page.getByText(`请于 ${beijingDay(7)} 前完成整改`, { exact: false }));

  await page.getByLabel('整改情况', { exact: true }).fill(note);
  await page
    .getByLabel('整改照片', { exact: true })
    .setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page) });
  const photos = page.getByRole('list', { name: '整改照片' }).getByRole('img');
  await expect.poll(() => photos.count()).toBe(1);
  if (opts.reloadMidway) {
    // The note and the chosen photo are still there after a reload.
    await page.reload();
    await visible(page.getByText('已恢复您上次未提交的整改报告（文字和照片）。'));
    expect(await page.getByLabel('整改情况', { exact: true }).inputValue()).toBe(note);
    await expect.poll(() => photos.count()).toBe(1);
  }
  await expectNoSideways(page);
  await page.getByRole('button', { name: '提交整改报告' }).click();
  await visible(page.getByText('整改报告已提交', { exact: true }));
  await visible(page.getByText('已提交整改报告，等待督导室复查'));
  // The step is in the timeline with the note and its photo, served back by the API.
  await visible(page.getByText(note));
  const timelinePhoto = page.locator('.finding-timeline img').first();
  await visible(timelinePhoto);
  // Thumbnails load lazily: the phone loads the photo once it is scrolled to.
  await timelinePhoto.scrollIntoViewIfNeeded();
  await expect
    .poll(() => timelinePhoto.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
}

describe('findings and rectification on a phone', () => {
  it('the director records two findings and issues the notices; the unit manager reports on both with photos; the director closes one and sends the other back; the unit manager sees why', async () => {
    const tag = suffix();
    const first = `消防通道堆放杂物${tag}`;
    const second = `灭火器过期未更换${tag}`;
    const reason = `照片看不到灭火器的有效期${tag}`;

    // 1. The director records both findings through the form and issues their notices.
    const office = await browser.phone();
    await signInThroughUi(office, T, 'director1');
    await createAndIssue(office, first, { reloadMidway: true });
    await createAndIssue(office, second);

    // The list shows both as 整改中, filtered by status.
    await mainMenu(office).getByRole('link', { name: '督安全问题整改', exact: true }).click();
    await office.getByLabel('状态', { exact: true }).selectOption({ label: '整改中' });
    await visible(cardOf(office, first).getByText('整改中', { exact: true }));
    await visible(cardOf(office, second).getByText('较大', { exact: true }));
    await expectNoSideways(office);

    // 2. The school's manager sees them at home and in 整改事项, and reports on both.
    const school = await browser.phone();
    await signInThroughUi(school, T, 'manager1');
    await visible(school.getByRole('link', { name: /^待本单位整改的问题 \d+ 项/ }));
    await report(school, first, `已清理消防通道杂物，张贴禁止堆放标识${tag}`, { reloadMidway: true });
    await report(school, second, `已更换灭火器${tag}`);

    // 3. The director re-checks: closes the first, sends the second back with a reason.
    await office.goto(office.url().replace(/\/t\/.*$/, `/t/${T}`));
    await visible(office.getByRole('link', { name: /^督安全待复查销号的问题 \d+ 项/ }));
    await office.getByRole('link', { name: /^督安全待复查销号的问题 \d+ 项/ }).click();
    await cardOf(office, first).getByRole('link', { name: first, exact: true }).click();
    await visible(office.getByText(`已清理消防通道杂物，张贴禁止堆放标识${tag}`));
    await office.getByLabel('复查情况', { exact: true }).fill('现场复查，通道已畅通');
    await office.getByRole('button', { name: '复查销号', exact: true }).click();
    await visible(office.getByText('已复查销号', { exact: true }));
    await visible(office.getByText('已销号', { exact: true }).first());
    await visible(office.getByText('现场复查，通道已畅通'));

    await office.getByRole('link', { name: '返回问题列表' }).click();
    await office.getByLabel('状态', { exact: true }).selectOption({ label: '待复查' });
    await cardOf(office, second).getByRole('link', { name: second, exact: true }).click();
    await office.getByLabel('退回原因', { exact: true }).fill(reason);
    await office.getByRole('button', { name: '退回整改', exact: true }).click();
    await visible(office.getByText('已退回，单位负责人将看到退回原因'));
    await visible(office.getByText('整改中', { exact: true }).first());
    await expectNoSideways(office);

    // 4. The school manager finds the second one back, with the reason; the first is gone from the list.
    await mainMenu(school).getByRole('link', { name: '整改事项', exact: true }).click();
    await visible(cardOf(school, second).getByText('整改中', { exact: true }));
    expect(await cardOf(school, first).count()).toBe(0);
    await cardOf(school, second).getByRole('link', { name: second, exact: true }).click();
    await visible(school.getByText('整改报告被退回，请按退回原因继续整改后重新提交。'));
    await visible(school.getByRole('alert').getByText(reason));
    await visible(school.getByRole('button', { name: '提交整改报告' }));
    await expectNoSideways(school);
  });
});
