import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findings } from '../../db/schema/tenant';
import { beijingDay, newFinding, unitOfUser } from '../findings/fixtures';
import { api, signIn, stack, tenantDbOf } from '../support/api';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { suffix } from '../units/fixtures';

const T = 'test-county';
const browser = phoneBrowser();

async function issue(id: string, cookie: string) {
  const res = await api(`/api/t/${T}/safety/findings/${id}/issue`, { cookie, body: {} });
  expect(res.status).toBe(200);
}

describe('the hazard register and the overdue list on a phone', () => {
  it('after the daily job, the director finds the late hazard in the register, filters to what is late, downloads the ledger and sees the unit in the overdue list; the school manager is told', async () => {
    const tag = suffix();
    const category = `消防器材${tag}`;
    const late = `教学楼灭火器过期${tag}`;
    const onTime = `食堂燃气报警器未检测${tag}`;
    const director = await signIn(T, 'director1');
    const unitId = await unitOfUser(T, 'manager1');

    const lateId = await newFinding(T, 'safety', { unitId, category, severity: 'major', description: late });
    const onTimeId = await newFinding(T, 'safety', { unitId, severity: 'general', description: onTime });
    await issue(lateId, director);
    await issue(onTimeId, director);
    // The API refuses a past deadline; three days ago is what the notice said a while back.
    const db = await tenantDbOf(T);
    await db
      .update(findings)
      .set({ deadline: beijingDay(-3) })
      .where(eq(findings.id, lateId));
    const fired = await fetch(`${stack.schedulerUrl}?cron=${encodeURIComponent('0 17 * * *')}`, {
      method: 'POST',
    });
    expect(await fired.json()).toMatchObject({ outcome: 'ok' });

    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');
    await mainMenu(page).getByRole('link', { name: '隐患台账', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '隐患台账' }));
    await visible(page.getByRole('link', { name: late, exact: true }));
    await visible(page.getByRole('link', { name: onTime, exact: true }));

    await page.getByLabel('只看逾期未整改').check();
    const lateCard = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: late }) });
    await visible(lateCard.getByText('逾期 3 天'));
    await visible(lateCard.getByText('重大', { exact: true }));
    await expect.poll(() => page.getByRole('link', { name: onTime, exact: true }).count()).toBe(0);
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

    // The ledger as filtered: the late hazard's row, overdue days in the last column.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载台账（Excel）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = XLSX.read(await readFile((await download.path()) as string));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet,
      {
        header: 1,
      },
    );
    const row = rows.find((r) => r.includes(late));
    expect(row).toBeDefined();
    expect(row).toContain('重大');
    expect(row?.at(-1)).toBe(3);
    expect(rows.some((r) => r.includes(onTime))).toBe(false);

    // The overdue list: the school with the late finding, from the finding's link to its page.
    await mainMenu(page).getByRole('link', { name: '逾期整改清单', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '逾期整改清单' }));
    const link = page.getByRole('link', { name: `督安全 · ${category}：${late}` });
    await visible(link);
    await link.click();
    await visible(page.getByText(late));
    await visible(page.getByText('已超过整改期限', { exact: false }).first());

    // The school's manager has been told.
    const school = await browser.phone();
    await signInThroughUi(school, T, 'manager1');
    await mainMenu(school).getByRole('link', { name: '消息通知', exact: true }).click();
    await visible(school.getByText(`整改已逾期：${category}`));
  });
});
