import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api';
import { mainMenu, phoneBrowser, signInThroughUi, visible } from '../support/browser';

const browser = phoneBrowser();

async function signedIn(tenant: string, username: string): Promise<Page> {
  const page = await browser.phone();
  await signInThroughUi(page, tenant, username);
  return page;
}

/** The names of the links in the main menu, in order, once it is on screen. */
async function menuLinks(page: Page): Promise<string[]> {
  const menu = mainMenu(page);
  await visible(menu.getByRole('link', { name: '首页', exact: true }));
  return (await menu.getByRole('link').allInnerTexts()).map((t) => t.trim());
}

/** The month (1–12) in Beijing time, which is what the office's theme calendar follows. */
function beijingMonth(): number {
  const month = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(
    new Date(),
  );
  return Number(month);
}

describe('main menu from the tenant config and the role', () => {
  it('county admin: 学校列表, 督导行事历 and 单位配置, and each link opens its page', async () => {
    const page = await signedIn('test-county', 'admin');
    const links = await menuLinks(page);
    // Contains, not equals: module pages join the menu as they are built.
    for (const name of ['首页', '学校列表', '督导行事历', '单位配置']) expect(links).toContain(name);
    expect(links).not.toContain('部门列表');

    const menu = mainMenu(page);
    await menu.getByRole('link', { name: '学校列表', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '学校列表' }));
    await menu.getByRole('link', { name: '督导行事历', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '督导行事历' }));
    await menu.getByRole('link', { name: '单位配置', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '单位配置' }));
    expect(new URL(page.url()).pathname).toBe('/t/test-county/settings');
  });

  it('college admin: the unit list is called 部门列表, never 学校列表', async () => {
    const page = await signedIn('test-college', 'admin');
    const links = await menuLinks(page);
    expect(links).toContain('部门列表');
    expect(links).not.toContain('学校列表');
    expect(links).toContain('单位配置');

    await mainMenu(page).getByRole('link', { name: '部门列表', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '部门列表' }));
  });

  it('county teacher: neither 学校列表 nor 单位配置, and typing the address shows no settings', async () => {
    const page = await signedIn('test-county', 'role_teacher');
    const links = await menuLinks(page);
    expect(links).toContain('督导行事历');
    expect(links).not.toContain('学校列表');
    expect(links).not.toContain('单位配置');

    // Hidden from the menu is not enough: the page itself refuses.
    await page.goto(`${new URL(page.url()).origin}/t/test-county/settings`);
    await visible(page.getByRole('heading', { level: 1, name: '无法查看此页面' }));
    expect(await page.getByRole('heading', { name: '单位配置' }).count()).toBe(0);
  });

  it('county viewer: 学校列表 but not 单位配置', async () => {
    const page = await signedIn('test-county', 'role_viewer');
    const links = await menuLinks(page);
    expect(links).toContain('学校列表');
    expect(links).not.toContain('单位配置');
  });

  it('home shows the current month’s theme from the tenant config', async () => {
    const cookie = await signIn('test-county', 'inspector1');
    const res = await api('/api/t/test-county/config', { cookie });
    expect(res.status).toBe(200);
    const themes: { month: number; theme: string }[] = res.body.config.themeCalendar;

    const before = beijingMonth();
    const page = await signedIn('test-county', 'inspector1');
    const heading = page.getByRole('heading', { level: 2, name: /^本月督导主题/ });
    await visible(heading);
    const after = beijingMonth();

    // The page was rendered between the two readings, so its month is one of them (a month can turn).
    const shown = Number(((await heading.textContent()) ?? '').match(/（(\d{1,2})月）/)?.[1]);
    expect([before, after]).toContain(shown);
    const expected = themes.find((t) => t.month === shown)?.theme;
    expect(expected, `the county config has a theme for month ${shown}`).toBeTruthy();

    await visible(page.getByRole('main').getByText(expected as string, { exact: true }));
    // Only this month's theme: not the whole calendar, not another month's.
    for (const other of themes.filter((t) => t.month !== shown)) {
      expect(await page.getByText(other.theme, { exact: true }).count(), other.theme).toBe(0);
    }
  });
});
