import { describe, expect, it } from 'vitest';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { newUnit, newZone, suffix } from '../units/fixtures';
import { insertVisits } from './db';

const T = 'test-county';
const browser = phoneBrowser();

describe('the dashboard on a phone', () => {
  it('a director opens it from the menu, narrows it to a zone and sees the school never visited stand out', async () => {
    const tag = suffix();
    const zoneName = `看板责任区${tag}`;
    const zoneId = await newZone(T, { name: zoneName });
    const visited = await newUnit(T, { name: `看板已督导校${tag}`, zoneId });
    await newUnit(T, { name: `看板未督导校${tag}`, zoneId });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await insertVisits(T, [{ module: 'management', unitId: visited, visitedOn: today }]);

    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');
    await mainMenu(page).getByRole('link', { name: '督导工作看板', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '督导工作看板' }));
    await visible(page.getByRole('heading', { level: 2, name: '督导覆盖' }));

    await page.getByLabel('责任区').selectOption({ label: zoneName });
    // The zone's own figures: one of its two schools visited this month.
    await expect.poll(() => page.locator('.dash-ratio').count()).toBe(1);
    await visible(page.locator('.dash-ratio').filter({ hasText: zoneName }).getByText('1/2（50%）'));
    const stale = page.locator('.dash-stale li').filter({ hasText: `看板未督导校${tag}` });
    await visible(stale);
    await visible(stale.getByText('从未督导'));
    expect(await page.locator('.dash-stale li').count()).toBe(1);
    await visible(page.getByRole('img', { name: /月：/ }));

    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
