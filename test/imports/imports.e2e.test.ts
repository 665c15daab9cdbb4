import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { units } from '../../db/schema/tenant';
import { tenantDbOf } from '../support/api';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, url, visible } from '../support/browser';
import { HOME, suffix, UNIT_HEADER, xlsxOf } from './fixtures';

const browser = phoneBrowser();

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('imports on a phone', () => {
  it('a director checks a units file, sees the bad rows, fixes them and imports', async () => {
    const tag = suffix();
    const page = await browser.phone();
    await signInThroughUi(page, HOME, 'director1');
    await mainMenu(page).getByRole('link', { name: '导入导出', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '导入导出' }));

    const row = (n: number, kind: string, phone: string) => [
      '',
      `页面导入${tag}-${n}`,
      kind,
      '城关镇',
      '',
      '',
      '',
      phone,
      '',
      '',
    ];
    const bad = xlsxOf([UNIT_HEADER, row(1, '小学', ''), row(2, '大学', ''), row(3, '初中', '123')]);
    await page
      .getByLabel(/选择表格文件/)
      .setInputFiles({ name: '学校.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: '预检' }).click();

    // One card per problem on a phone, each naming its row and column.
    const alert = page.getByRole('alert');
    await visible(alert.getByText('发现 2 处问题'));
    await visible(alert.getByRole('listitem').filter({ hasText: '第 3 行 · 类型' }));
    await visible(alert.getByRole('listitem').filter({ hasText: '第 4 行 · 联系电话' }));
    expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(0);
    const widths = await pageWidths(page);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);

    const good = xlsxOf([
      UNIT_HEADER,
      row(1, '小学', ''),
      row(2, '幼儿园', ''),
      row(3, '初中', '0561-6010003'),
    ]);
    await page
      .getByLabel(/选择表格文件/)
      .setInputFiles({ name: '学校.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(good) });
    await page.getByRole('button', { name: '预检' }).click();
    await visible(page.getByText('预检通过：共 3 行'));
    await visible(page.getByText('将新增 3 条、更新 0 条，0 条无变化。'));
    const db = await tenantDbOf(HOME);
    expect(
      await db
        .select()
        .from(units)
        .where(like(units.name, `%${tag}%`)),
    ).toHaveLength(0);

    await page.getByRole('button', { name: '确认导入' }).click();
    await visible(page.getByText('导入完成：新增 3 条、更新 0 条，0 条无变化。'));
    const rows = await db
      .select()
      .from(units)
      .where(like(units.name, `%${tag}%`));
    expect(rows.map((r) => r.kind).sort()).toEqual(['junior', 'preschool', 'primary']);
  });

  it('checks the corrected file chosen again under the same name, and imports exactly what was checked', async () => {
    const tag = suffix();
    const page = await browser.phone();
    await signInThroughUi(page, HOME, 'director1');
    await page.goto(url(`/t/${HOME}/imports`));
    const dir = mkdtempSync(join(tmpdir(), 'dudao-import-'));
    const path = join(dir, '学校名单.xlsx');
    const row = (phone: string) => ['', `磁盘修改${tag}`, '小学', '城关镇', '', '', '', phone, '', ''];
    writeFileSync(path, xlsxOf([UNIT_HEADER, row('123')]));
    // Through the file dialog, as a person does it (the page clears its input when tapped).
    const choose = async () => {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByLabel(/选择表格文件/).click(),
      ]);
      await chooser.setFiles(path);
    };
    await choose();
    await page.getByRole('button', { name: '预检' }).click();
    await visible(page.getByRole('alert').getByText('发现 1 处问题', { exact: false }));

    // Corrected in Excel and saved under the same name, then chosen again.
    writeFileSync(path, xlsxOf([UNIT_HEADER, row('0561-6010009')]));
    await choose();
    await page.getByRole('button', { name: '预检' }).click();
    await visible(page.getByText('预检通过：共 1 行'));
    // Touched again on disk before 确认导入: what was checked is what gets imported.
    writeFileSync(path, xlsxOf([UNIT_HEADER, row('999')]));
    await page.getByRole('button', { name: '确认导入' }).click();
    await visible(page.getByText('导入完成：新增 1 条、更新 0 条，0 条无变化。'));
    const db = await tenantDbOf(HOME);
    const [saved] = await db
      .select()
      .from(units)
      .where(like(units.name, `磁盘修改${tag}`));
    expect(saved?.phone).toBe('0561-6010009');
  });
});
