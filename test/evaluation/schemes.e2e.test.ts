import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { suffix } from '../units/fixtures';
import { schemeSheetBytes } from './fixtures';

const T = 'test-county';
const browser = phoneBrowser();
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('evaluation schemes on a phone', () => {
  it('the director imports a scheme from Excel, reads its indicators, exports it, edits it in Excel and imports the edit as version 2', async () => {
    const name = `合格学校督导评估细则${suffix()}`;
    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');
    await mainMenu(page).getByRole('link', { name: '评估方案', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '评估方案' }));
    await visible(page.getByRole('link', { name: '乡镇人民政府教育工作督导评估方案' }));

    await page.getByLabel('方案名称').fill(name);
    await page.getByLabel('类别').selectOption('acceptance');
    await page
      .locator('#scheme-file')
      .setInputFiles({ name: '细则.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(schemeSheetBytes()) });
    await page.getByRole('button', { name: '导入' }).click();
    await visible(page.getByRole('heading', { level: 1, name }));
    await visible(page.getByRole('heading', { name: 'A1 组织领导（10 分）' }));
    await visible(page.getByText('每年不少于 2 次'));
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出表格' }).click(),
    ]);
    const book = XLSX.read(await readFile((await download.path()) as string));
    const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, defval: null });
    expect(rows[0]).toEqual(['一级指标', '二级指标', '三级指标', '分值', '评估要点', '评分说明', '佐证材料']);
    // The office's edit in Excel: 经费保障 is worth 15 points now.
    const funding = rows.find((r) => r[0] === 'A2 经费保障');
    if (!funding) throw new Error('no 经费保障 row');
    funding[3] = 15;
    const edited = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(edited, XLSX.utils.aoa_to_sheet(rows), '指标');
    await page.getByLabel('修改说明（可不填）').fill('经费保障提高到 15 分');
    await page.locator('#scheme-version-file').setInputFiles({
      name: '细则-修改.xlsx',
      mimeType: XLSX_TYPE,
      buffer: Buffer.from(XLSX.write(edited, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
    });
    await page.getByRole('button', { name: '导入' }).click();
    await visible(page.getByText('已保存为第 2 版。'));
    await visible(page.getByRole('heading', { name: 'A2 经费保障（15 分）' }));
    await visible(page.getByText('25 分', { exact: false }).first());

    // Version 1 stays as it was.
    await page.getByLabel('查看版本').selectOption('1');
    await visible(page.getByRole('heading', { name: 'A2 经费保障（10 分）' }));
    await visible(page.getByText('您正在查看第 1 版（最新为第 2 版）。'));
  });
});
