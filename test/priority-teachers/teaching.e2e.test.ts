import { describe, expect, it } from 'vitest';
import { createUser } from '../accounts/fixtures';
import { suffix } from '../inspectors/fixtures';
import { lessonDay, unitOf } from '../observations/fixtures';
import { mainMenu, pageWidths, pathOf, phoneBrowser, signInThroughUi, visible } from '../support/browser';

const T = 'test-college';
const browser = phoneBrowser();

describe('priority teachers, five-link checks and the teacher summary on a phone', () => {
  it('a director flags a new teacher, sees 本学期尚未听课, records a 备课 check and opens the teacher’s summary', async () => {
    const name = `新教师${suffix()}`;
    // A new teacher of teacher1's group (孔令辉, 计算机教研组), so nothing else flags or checks them.
    await createUser(T, { role: 'teacher', displayName: name, unitId: await unitOf(T, 'teacher1') });

    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');

    // 重点关注教师: flag them as a new teacher.
    await mainMenu(page).getByRole('link', { name: '重点关注教师', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '重点关注教师' }));
    await page.getByRole('searchbox', { name: '查找教师' }).fill(name.slice(0, 6));
    const select = page.getByLabel('教师', { exact: true });
    const option = select.locator('option', { hasText: name });
    await expect.poll(() => option.count()).toBeGreaterThan(0);
    await select.selectOption((await option.first().getAttribute('value')) as string);
    // Without a reason the form says so at the field and sends nothing.
    await page.getByRole('button', { name: '标记', exact: true }).click();
    await visible(page.getByText('请选择关注原因', { exact: true }).last());
    await page.getByLabel('关注原因', { exact: true }).selectOption({ label: '新教师' });
    await page.getByRole('button', { name: '标记', exact: true }).click();
    await visible(page.getByText(`已将${name}列为重点关注教师`));
    const card = page.locator('li.card', { hasText: name });
    await visible(card.getByText('本学期尚未听课', { exact: true }));
    await visible(card.getByText('新教师', { exact: true }));
    await visible(card.getByText('本学期听课 0 次'));
    let widths = await pageWidths(page);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);

    // 教学常规检查: record a 备课 check with 12 lesson plans sampled.
    await mainMenu(page).getByRole('link', { name: '教学常规检查', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '教学常规检查' }));
    await page.getByRole('searchbox', { name: '查找教师' }).fill(name.slice(0, 6));
    const teacher = page.getByLabel('教师', { exact: true });
    const choice = teacher.locator('option', { hasText: name });
    await expect.poll(() => choice.count()).toBeGreaterThan(0);
    await teacher.selectOption((await choice.first().getAttribute('value')) as string);
    await page.getByLabel('检查环节', { exact: true }).selectOption({ label: '备课' });
    await page.getByLabel('检查日期', { exact: true }).fill(lessonDay());
    // An over-100 score is named before anything is sent.
    await page.getByLabel('得分（0–100）', { exact: true }).fill('120');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await visible(page.getByText('得分应为 0 到 100 之间的数字'));
    await page.getByLabel('得分（0–100）', { exact: true }).fill('88');
    await page.getByLabel(/^抽查教案（份）/).fill('12');
    await page.getByLabel(/^检查意见/).fill('教案齐全，教学反思及时。');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await visible(page.getByText(`已登记：${name} 备课 88 分`));
    const row = page.locator('li.card', { hasText: name });
    await visible(row.getByText('88', { exact: true }));
    await visible(row.getByText('教案 12 · 作业 0'));
    widths = await pageWidths(page);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);

    // From the matrix to the teacher's summary.
    await row.getByRole('link', { name, exact: true }).click();
    await expect
      .poll(() => pathOf(page))
      .toMatch(/\/teaching\/teachers\/[0-9a-f-]{36}(\?semester=\d{4}-(autumn|spring))?$/);
    await visible(page.getByRole('heading', { level: 1, name: `${name} · 督教档案` }));
    await visible(page.getByText('本学期还没有听过这位教师的课'));
    await visible(page.getByText('本学期检查 1 次，抽查教案 12 份、作业本 0 本'));
    const flags = page.locator('section', { has: page.getByRole('heading', { name: '重点关注' }) });
    await visible(flags.getByText('新教师'));
    await visible(page.getByText('本学期没有评教结果'));
    widths = await pageWidths(page);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);
  });
});
