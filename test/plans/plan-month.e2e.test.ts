import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, url, visible } from '../support/browser';
import { newUnit, newZone, suffix } from '../units/fixtures';
import { beijingDay } from './fixtures';

const T = 'test-county';
const browser = phoneBrowser();

async function expectNoSideways(page: Page) {
  const { scrollWidth, clientWidth } = await pageWidths(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** The calendar's card of one month (its heading is 12月, with 本月 for the current one). */
function monthCard(page: Page, month: number): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${month}月`) }) });
}

describe('plans and the theme calendar on a phone', () => {
  it('a director plans this month for a zone (draft survives a reload, an empty zone is refused at the field), sees the items due on the calendar, and cancels the plan', async () => {
    const tag = suffix();
    const zoneName = `计划责任区${tag}`;
    const emptyZone = `空责任区${tag}`;
    const schools = [`计划甲校${tag}`, `计划乙校${tag}`];
    const zoneId = await newZone(T, { name: zoneName });
    await newZone(T, { name: emptyZone });
    for (const name of schools) await newUnit(T, { name, zoneId });
    const planName = `本月挂牌督导${tag}`;
    const today = beijingDay();
    const month = Number(today.slice(5, 7));

    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');

    // The management module's plans, from the menu; a new plan for a zone, this month.
    await mainMenu(page).getByRole('link', { name: '督管理计划', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '督管理计划' }));
    await page.getByRole('link', { name: '新建计划', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '新建督管理计划' }));
    expect(await page.getByLabel('计划类型', { exact: true }).inputValue()).toBe('zone_monthly');
    expect(await page.getByLabel('督导类型', { exact: true }).inputValue()).toBe('listed');
    await page.getByLabel('计划名称', { exact: true }).fill(planName);
    await page.getByLabel('责任区', { exact: true }).selectOption({ label: `${emptyZone}（0 个学校）` });
    await page.getByRole('button', { name: '本月', exact: true }).click();
    expect(await page.getByLabel('开始日期', { exact: true }).inputValue()).toBe(today);
    await expectNoSideways(page);

    // What was typed survives a reload.
    await page.reload();
    await visible(page.getByText('已恢复上次未提交的内容。'));
    expect(await page.getByLabel('计划名称', { exact: true }).inputValue()).toBe(planName);

    // The server refuses a zone without a school, at the zone field; the right zone goes through.
    await page.getByRole('button', { name: '创建计划', exact: true }).click();
    await visible(page.locator('#plan-zoneId-error').getByText(/没有在用的学校/));
    await page.getByLabel('责任区', { exact: true }).selectOption({ label: `${zoneName}（2 个学校）` });
    await page.getByRole('button', { name: '创建计划', exact: true }).click();

    // The plan: two items, one per school, both due now.
    await visible(page.getByRole('heading', { level: 1, name: planName }));
    await visible(page.getByText(`已创建计划“${planName}”，安排督导 2 次`));
    const items = page.getByRole('list', { name: '督导任务' });
    for (const school of schools) {
      const item = items.getByRole('listitem').filter({ hasText: school });
      await visible(item.getByText('待督导', { exact: true }));
      await visible(item.getByRole('link', { name: '开始督导' }));
    }
    await visible(page.getByText('已完成 0/2'));
    await expectNoSideways(page);
    // A filter by state: none is done yet.
    await page.getByLabel('按状态筛选', { exact: true }).selectOption('done');
    await visible(page.getByText('没有符合条件的任务'));
    await page.getByLabel('按状态筛选', { exact: true }).selectOption('due');
    await visible(items.getByText(schools[0] as string));

    // The calendar: this month counts the items as due; opened, it lists them with a link to start the visit.
    await mainMenu(page).getByRole('link', { name: '督导行事历', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '督导行事历' }));
    const card = monthCard(page, month);
    await visible(card.getByText('本月', { exact: true }));
    await visible(
      card.getByRole('list', { name: `${month}月各模块计划完成情况` }).getByText(/^督管理：已完成/),
    );
    await card.getByRole('button', { name: `查看${month}月任务` }).click();
    const listed = card.getByRole('list', { name: '督管理的督导任务' });
    for (const school of schools) {
      const item = listed.getByRole('listitem').filter({ hasText: school });
      await visible(item.getByText('待督导', { exact: true }));
      const start = item.getByRole('link', { name: '开始督导' });
      expect(await start.getAttribute('href')).toMatch(
        /^\/t\/test-county\/management\/visits\/new\?unitId=[0-9a-f-]+&kind=listed$/,
      );
    }
    await expectNoSideways(page);

    // From the calendar back to the plan, and cancel it (asked once more first).
    await listed.getByRole('link', { name: planName }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: planName }));
    await page.getByRole('button', { name: '取消计划', exact: true }).click();
    await page.getByRole('button', { name: '确定取消计划', exact: true }).click();
    await visible(page.getByText('计划已取消', { exact: true }));
    await visible(page.getByText('该计划已取消，其任务不再计入行事历。'));
    await expect.poll(() => page.getByRole('button', { name: '取消计划', exact: true }).count()).toBe(0);

    // Off the calendar, and listed among the cancelled plans.
    await page.goto(url(`/t/${T}/calendar?month=${month}`));
    await visible(monthCard(page, month).getByRole('heading', { level: 3, name: `${month}月督导任务` }));
    await expect.poll(() => page.getByText(schools[0] as string).count()).toBe(0);
    await page.goto(url(`/t/${T}/management/plans`));
    await page.getByLabel('状态', { exact: true }).selectOption('cancelled');
    await visible(page.getByRole('link', { name: planName, exact: true }));
  });

  it('a director edits a year’s themes: the draft survives a reload, the saved theme shows, the preset comes back', async () => {
    const year = 2093;
    const theme = `校园安全专项${suffix()}`;
    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1', { next: `/t/${T}/calendar?year=${year}` });
    await visible(page.getByRole('heading', { level: 1, name: '督导行事历' }));
    await visible(page.getByText(`${year}年`, { exact: true }));
    await visible(page.getByText('本年度尚未设定主题', { exact: false }));

    await page.getByRole('button', { name: '编辑本年度主题', exact: true }).click();
    await visible(page.getByRole('heading', { name: `编辑${year}年督导主题` }));
    await page.getByLabel(/^3月主题/).fill(theme);
    await page.reload();
    await visible(page.getByText('已恢复上次未保存的主题修改。'));
    expect(await page.getByLabel(/^3月主题/).inputValue()).toBe(theme);
    await expectNoSideways(page);
    await page.getByRole('button', { name: '保存主题', exact: true }).click();
    await visible(page.getByText(`${year}年督导主题已保存`));
    await visible(monthCard(page, 3).getByText(theme, { exact: true }));
    await visible(page.getByText('本年度主题由本室设定。', { exact: false }));

    // Back to the preset calendar.
    await page.getByRole('button', { name: '编辑本年度主题', exact: true }).click();
    await page.getByRole('button', { name: '恢复预设主题', exact: true }).click();
    await page.getByRole('button', { name: '确定恢复预设主题', exact: true }).click();
    await visible(page.getByText(`${year}年已恢复为预设主题`));
    await expect.poll(() => page.getByText(theme, { exact: true }).count()).toBe(0);
    // After a reload nothing of the draft is left.
    await page.reload();
    await visible(page.getByText('本年度尚未设定主题', { exact: false }));
    await expect.poll(() => page.getByText('已恢复上次未保存的主题修改。').count()).toBe(0);
  });

  it('a director plans a 专项 campaign over schools picked one by one (kept over a reload); an inspector reads it, may start the visits but not plan, and the visit opens with the plan’s school, kind, theme and checklist', async () => {
    const tag = suffix();
    const schools = [`专项甲校${tag}`, `专项乙校${tag}`];
    for (const name of schools) await newUnit(T, { name });
    const planName = `专项督导${tag}`;
    const templateName = `消防专项检查表${tag}`;
    const made = await api(`/api/t/${T}/safety/templates`, {
      cookie: await signIn(T, 'director1'),
      body: {
        name: templateName,
        description: '专项计划测试',
        body: {
          sections: [
            {
              key: 'fire',
              title: '消防安全',
              items: [{ key: 'extinguishers', label: '灭火器在有效期内', type: 'yes_no', required: true }],
            },
          ],
        },
      },
    });
    expect(made.status).toBe(201);

    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');
    await mainMenu(page).getByRole('link', { name: '督安全计划', exact: true }).click();
    await page.getByRole('link', { name: '新建计划', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '新建督安全计划' }));
    await page.getByLabel('计划类型', { exact: true }).selectOption({ label: '专项督导' });
    // The usual visit kind follows the plan kind.
    expect(await page.getByLabel('督导类型', { exact: true }).inputValue()).toBe('special');
    await page.getByLabel('计划名称', { exact: true }).fill(planName);
    const checklist = page.getByLabel(/^检查表/);
    await expect
      .poll(() => checklist.locator('option', { hasText: templateName }).count())
      .toBeGreaterThan(0);
    await checklist.selectOption({ label: templateName });
    await page.getByLabel(/^督导主题/).fill(`消防安全专项${tag}`);
    for (const school of schools) {
      await page.getByRole('searchbox', { name: '查找学校' }).fill(school);
      const select = page.getByLabel('添加学校', { exact: true });
      const option = select.locator('option', { hasText: school });
      await expect.poll(() => option.count()).toBeGreaterThan(0);
      await select.selectOption((await option.first().getAttribute('value')) as string);
    }
    const chosen = page.getByRole('list', { name: '督导的学校' });
    await expect.poll(() => chosen.getByRole('listitem').count()).toBe(2);
    await page.reload();
    await visible(page.getByText('已恢复上次未提交的内容。'));
    await expect.poll(() => chosen.getByRole('listitem').count()).toBe(2);
    await page.getByRole('button', { name: `移除 ${schools[1]}` }).click();
    await expect.poll(() => chosen.getByRole('listitem').count()).toBe(1);
    await page.getByRole('button', { name: '本月', exact: true }).click();
    await expectNoSideways(page);
    await page.getByRole('button', { name: '创建计划', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: planName }));
    await visible(page.getByText(`已创建计划“${planName}”，安排督导 1 次`));
    await visible(page.getByRole('list', { name: '督导任务' }).getByText(schools[0] as string));

    // An inspector reads the plan and may start the visit, but neither plans nor cancels.
    const inspector = await browser.phone();
    await signInThroughUi(inspector, T, 'role_inspector');
    await mainMenu(inspector).getByRole('link', { name: '督安全计划', exact: true }).click();
    await visible(inspector.getByRole('link', { name: planName, exact: true }));
    expect(await inspector.getByRole('link', { name: '新建计划', exact: true }).count()).toBe(0);
    await inspector.getByRole('link', { name: planName, exact: true }).click();
    await visible(inspector.getByRole('heading', { level: 1, name: planName }));
    await visible(inspector.getByRole('link', { name: '开始督导' }));
    expect(await inspector.getByRole('button', { name: '取消计划', exact: true }).count()).toBe(0);

    // The visit starts with what the plan said.
    await inspector.getByRole('link', { name: '开始督导' }).click();
    await expect
      .poll(() => new URL(inspector.url()).pathname)
      .toMatch(/\/safety\/visits\/draft\/[0-9a-f-]{36}$/);
    await visible(inspector.getByText(`${templateName}（第 1 版）`));
    expect(await inspector.getByLabel('督导类型', { exact: true }).inputValue()).toBe('special');
    expect(await inspector.getByLabel(/^督导主题/).inputValue()).toBe(`消防安全专项${tag}`);
    const chosenSchool = inspector.getByLabel('被督导学校', { exact: true }).locator('option:checked');
    await expect.poll(() => chosenSchool.textContent()).toBe(schools[0]);
  });
});
