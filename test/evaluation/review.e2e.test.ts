import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { pageWidths, phoneBrowser, signInThroughUi, url, visible } from '../support/browser';
import { seedRound } from './review-fixtures';

const T = 'test-county';
const browser = phoneBrowser();

describe('review and reply on a phone', () => {
  it('the lead reviewer scores as they go and publishes; the unit reads its result and replies', async () => {
    const { roundId, home } = await seedRound(T, { status: 'submitted' });
    const base = `/t/${T}/evaluation/rounds/${roundId}/units/${home}`;

    const reviewer = await browser.phone();
    await signInThroughUi(reviewer, T, 'role_inspector');
    await reviewer.goto(url(`${base}/review`));
    await visible(reviewer.getByRole('heading', { name: 'A1.1 专题研究 6 分' }));
    // The unit's side beside the entry: its score and note, and what is asked.
    await visible(reviewer.getByText('会议纪要').first());
    const card = (key: string) => reviewer.locator(`[data-indicator="${key}"]`);
    await card('A1.1').getByLabel('评估组得分（满分 6 分）').fill('7');
    await card('A1.1').getByLabel('评分意见').click();
    await visible(card('A1.1').getByText('得分应为 0 到 6 之间的整数或 .5'));
    await card('A1.1').getByLabel('评估组得分（满分 6 分）').fill('5');
    await card('A1.1').getByLabel('评分意见').fill('会议纪要缺一次');
    await card('A1.2').getByLabel('评估组得分（满分 4 分）').click();
    await visible(card('A1.1').getByText('已保存'));
    await card('A1.2').getByLabel('评估组得分（满分 4 分）').fill('3.5');
    await card('A2').getByLabel('评估组得分（满分 10 分）').click();
    await visible(card('A1.2').getByText('已保存'));
    // Publishing lists what is still missing.
    await visible(reviewer.getByText('还有 1 个指标未评分：'));
    await card('A2').getByLabel('评估组得分（满分 10 分）').fill('8');
    await reviewer.getByLabel('评估组意见').click();
    await visible(card('A2').getByText('已保存'));

    // Saved scores and the typed summary are there after a reload.
    await reviewer.getByLabel('评估组意见').fill('总体良好，经费保障需加强。');
    await reviewer.reload();
    await expect.poll(() => card('A1.1').getByLabel('评估组得分（满分 6 分）').inputValue()).toBe('5');
    await expect.poll(() => card('A1.1').getByLabel('评分意见').inputValue()).toBe('会议纪要缺一次');
    await expect
      .poll(() => reviewer.getByLabel('评估组意见').inputValue())
      .toBe('总体良好，经费保障需加强。');
    await visible(reviewer.getByText('评估 16.5 分', { exact: false }));
    await reviewer.getByRole('button', { name: '发布初步结果' }).click();
    await reviewer.getByRole('button', { name: '确定' }).click();
    await visible(reviewer.getByText('初步评估结果已发布，已通知单位。'));
    await visible(reviewer.getByText('初步结果已发布').first());

    const unit = await browser.phone();
    await signInThroughUi(unit, T, 'role_unit_manager');
    await unit.goto(url(`${base}/result`));
    await visible(unit.getByText('初步得分：16.5 / 20 分'));
    await visible(unit.getByText('总体良好，经费保障需加强。'));
    await visible(unit.getByText('评分意见：会议纪要缺一次'));
    await unit.getByLabel('申辩说明').fill('经费已于11月足额拨付，请复核。');
    await unit.getByText('逐项申辩').click();
    await unit.getByLabel('对“A2 经费保障”的申辩（可不填）').fill('附拨付凭证');
    // What was typed survives a reload.
    await unit.reload();
    await expect.poll(() => unit.getByLabel('申辩说明').inputValue()).toBe('经费已于11月足额拨付，请复核。');
    await unit.getByText('逐项申辩').click();
    await expect
      .poll(() => unit.getByLabel('对“A2 经费保障”的申辩（可不填）').inputValue())
      .toBe('附拨付凭证');
    const { scrollWidth, clientWidth } = await pageWidths(unit);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await unit.getByRole('button', { name: '提交申辩' }).click();
    await unit.getByRole('button', { name: '确定' }).click();
    await visible(unit.getByText('申辩已提交，已通知评估组。'));
    await visible(unit.getByText('评估组正在处理您的申辩。'));
    await visible(unit.getByText('A2 经费保障：附拨付凭证'));

    // The report page prints on a phone without sideways scrolling of the page.
    await unit.goto(url(`${base}/report`));
    await visible(unit.getByText('（初步结果）'));
    const report = await pageWidths(unit);
    expect(report.scrollWidth).toBeLessThanOrEqual(report.clientWidth);

    // The reviewer sees the reply.
    await reviewer.goto(url(`${base}/review`));
    await visible(reviewer.getByText('A2 经费保障：附拨付凭证'));
    await visible(reviewer.getByLabel('对申辩的答复'));
  });

  it('the office reads the ranking with shared ranks and where points are lost, and downloads the ranking', async () => {
    const { roundId } = await seedRound(T, {
      status: 'final',
      others: 2,
      review: [
        { 'A1.1': 5, 'A1.2': 3.5, A2: 8 },
        { 'A1.1': 6, 'A1.2': 2.5, A2: 8 },
        { 'A1.1': 6, 'A1.2': 4, A2: 10 },
      ],
    });
    const page = await browser.phone();
    await signInThroughUi(page, T, 'role_director');
    await page.goto(url(`/t/${T}/evaluation/rounds/${roundId}/results`));
    await visible(page.getByText('共 3 个单位：3 个已确定最终结果，0 个为初步结果', { exact: false }));
    await expect
      .poll(async () =>
        (await page.locator('.card-title').allTextContents()).slice(0, 3).map((t) => t.split('.')[0]),
      )
      .toEqual(['1', '2', '2']);
    // A2 loses 4 points over the three units, A1 3: A2 comes first.
    const firstLevel = page.locator('.card[data-indicator^="A"]');
    await expect.poll(async () => firstLevel.first().getAttribute('data-indicator')).toBe('A2');
    await visible(page.getByText('合计失分 4 分 · 平均 1.33 分 · 2/3 个单位失分'));
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出排名表' }).click(),
    ]);
    const book = XLSX.read(await readFile((await download.path()) as string));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet,
      {
        header: 1,
      },
    );
    expect(rows.slice(3).map((r) => [r[0], r[3]])).toEqual([
      [1, 20],
      [2, 16.5],
      [2, 16.5],
    ]);
  });
});
