import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api';
import { mainMenu, phoneBrowser, signInThroughUi, visible } from '../support/browser';

const TENANT = 'test-county';

const browser = phoneBrowser();

interface Unit {
  name: string;
  status: 'active' | 'archived';
}

/** What the API lists for director1, to know what the page should show. */
async function unitsFromApi(q?: string): Promise<{ total: number; names: string[] }> {
  const cookie = await signIn(TENANT, 'director1');
  const query = q ? `&q=${encodeURIComponent(q)}` : '';
  const res = await api(`/api/t/${TENANT}/units?pageSize=100${query}`, { cookie });
  expect(res.status).toBe(200);
  return { total: res.body.total, names: (res.body.items as Unit[]).map((u) => u.name) };
}

/** The unit cards on screen: one list item with a heading per unit, the heading being its name. */
function cardHeadings(page: Page) {
  return page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 });
}

async function cardNames(page: Page): Promise<string[]> {
  const texts = await cardHeadings(page).allInnerTexts();
  return texts.map((t) => t.replace(/已归档$/, '').trim()).sort();
}

describe('unit list on a phone', () => {
  it('director1 sees the schools as cards, searches 小学, and the search survives a reload', async () => {
    const all = await unitsFromApi();
    const primary = await unitsFromApi('小学');
    // The fixture must make the search mean something: some names with 小学, some without.
    expect(primary.names.length).toBeGreaterThan(0);
    expect(primary.names.every((n) => n.includes('小学'))).toBe(true);
    expect(all.names.some((n) => !n.includes('小学'))).toBe(true);

    const page = await browser.phone();
    await signInThroughUi(page, TENANT, 'director1');
    await mainMenu(page).getByRole('link', { name: '学校列表', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '学校列表' }));
    await visible(page.getByText(`共 ${all.total} 个学校`));

    // Cards, not a table, on a 360 px phone; the first page of the list.
    await visible(cardHeadings(page));
    expect(await page.getByRole('main').getByRole('table').count()).toBe(0);
    const firstPage = await cardNames(page);
    expect(firstPage.length).toBe(Math.min(all.total, 20));
    expect(firstPage.some((n) => !n.includes('小学'))).toBe(true);
    for (const name of firstPage) expect(all.names).toContain(name);

    const search = page.getByRole('searchbox', { name: '搜索学校' });
    await search.fill('小学');
    await page.waitForURL((u) => u.searchParams.get('q') === '小学');
    await visible(page.getByText(`共 ${primary.total} 个学校`));
    await expect.poll(() => cardNames(page), { timeout: 10_000 }).toEqual([...primary.names].sort());

    await page.reload();
    await visible(page.getByText(`共 ${primary.total} 个学校`));
    expect(new URL(page.url()).searchParams.get('q')).toBe('小学');
    expect(await page.getByRole('searchbox', { name: '搜索学校' }).inputValue()).toBe('小学');
    await expect.poll(() => cardNames(page), { timeout: 10_000 }).toEqual([...primary.names].sort());
  });
});
