import { describe, expect, it } from 'vitest';
import { xlsxOf } from '../imports/fixtures';
import { api, signIn } from '../support/api';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, url, visible } from '../support/browser';
import { COLUMNS, figuresRow, schoolUnitsFor } from './fixtures';

const T = 'test-county';
// A year of its own: no other test writes figures for it.
const YEAR = 2007;
const browser = phoneBrowser();

describe('balanced-development monitoring on a phone', () => {
  it('the director imports a year, reads the coefficients and who pulls one over, corrects that school and sees the coefficient pass', async () => {
    const s = await schoolUnitsFor(T, '均衡页', [
      { key: 'p1', kind: 'primary' },
      { key: 'p2', kind: 'primary' },
      { key: 'p3', kind: 'primary' },
      { key: 'j1', kind: 'junior' },
      { key: 'j2', kind: 'junior' },
    ]);
    const name = (k: string) => s[k]?.name ?? k;
    const lowRooms = figuresRow(name('p2'), '小学', 300, 0.9).slice(0, 13);
    const file = xlsxOf([
      [...COLUMNS],
      figuresRow(name('p1'), '小学', 600, 1.1),
      // No multimedia rooms at p2: that 小学 coefficient fails, and p2 pulls it over.
      [...lowRooms, 0],
      figuresRow(name('p3'), '小学', 500, 1),
      figuresRow(name('j1'), '初中', 800, 1.05),
      figuresRow(name('j2'), '初中', 500, 0.95),
    ]);

    const page = await browser.phone();
    await signInThroughUi(page, T, 'role_director');
    await mainMenu(page).getByRole('link', { name: '均衡监测', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '均衡监测' }));
    await page.goto(url(`/t/${T}/balance?year=${YEAR}`));
    await visible(page.getByRole('heading', { name: '导入学校数据' }));
    await page.locator('#balance-file').setInputFiles({
      name: '学校数据.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(file),
    });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await visible(page.getByText(`已导入 5 所学校 ${YEAR}—${YEAR + 1} 学年的数据。`));

    // The coefficient as the API computes it is what the page shows, marked as failing.
    const cookie = await signIn(T, 'role_director');
    const before = await api(`/api/t/${T}/balance/years/${YEAR}/coefficients`, { cookie });
    const rooms = before.body.stages[0].indicators.find((i: { key: string }) => i.key === 'multimedia_rooms');
    expect(rooms.pass).toBe(false);
    const cell = page.locator('table[data-stage="primary"] tr[data-key="multimedia_rooms"] td').nth(1);
    await expect.poll(() => cell.textContent()).toBe(String(rooms.cv));
    const pulls = page.locator('[data-pulls="multimedia_rooms"]');
    await visible(pulls.getByText(name('p2'), { exact: false }));
    await visible(pulls.getByText('增加', { exact: false }));
    // The school table marks p2's rooms under the minimum.
    const p2Rooms = page.locator(
      `#balance-schools tr[data-unit="${s.p2?.id}"] td[data-key="multimedia_rooms"]`,
    );
    await expect.poll(() => p2Rooms.getAttribute('class')).toContain('balance-below');
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

    // Enter the raise the page computed, on p2's form.
    const needed = rooms.remedy.raise.needed as number;
    await page
      .locator(`#balance-schools tr[data-unit="${s.p2?.id}"]`)
      .getByRole('link', { name: '修改' })
      .click();
    const field = page.locator('#figures-multimedia_rooms');
    await visible(field);
    await field.fill(String(needed));
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByText(`已保存${name('p2')}的数据。`));
    const after = await api(`/api/t/${T}/balance/years/${YEAR}/coefficients`, { cookie });
    const fixed = after.body.stages[0].indicators.find((i: { key: string }) => i.key === 'multimedia_rooms');
    expect(fixed.pass).toBe(true);
    expect(fixed.cv).not.toBe(rooms.cv);
    const fixedCell = page.locator('table[data-stage="primary"] tr[data-key="multimedia_rooms"] td').nth(1);
    await expect.poll(() => fixedCell.textContent()).toBe(String(fixed.cv));
    await expect.poll(() => page.locator('[data-pulls="multimedia_rooms"]').count()).toBe(0);
  });
});
