import { describe, expect, it } from 'vitest';
import { suffix } from '../inspectors/fixtures';
import { api, signIn } from '../support/api';
import { mainMenu, pageWidths, pathOf, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { lessonDay } from './fixtures';
import { rubricsPath, smallRubric } from './rubric-fixtures';

const T = 'test-college';
const browser = phoneBrowser();

describe('评课标准 on a phone', () => {
  it('a director edits an office rubric as a new version (kept through a reload), then an observation is scored with that version', async () => {
    const tag = suffix();
    const director = await signIn(T, 'director1');
    const name = `实训课评价表${tag}`;
    const created = await api(rubricsPath(T), { cookie: director, body: { name, body: smallRubric() } });
    expect(created.status).toBe(201);
    const id = created.body.rubric.id as string;

    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');
    await mainMenu(page).getByRole('link', { name: '评课标准', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '评课标准' }));
    // The shipped rubric is marked as the one observations start with.
    const shipped = page.locator('li.card', { hasText: '课堂教学评价表（百分制）' }).first();
    await visible(shipped.getByText('系统内置', { exact: true }));
    await visible(shipped.getByText('听课默认', { exact: true }));
    await page.getByRole('link', { name, exact: true }).click();
    await visible(page.getByText('满分 50 分').first());
    await page.getByRole('link', { name: '修改（保存为新版本）', exact: true }).click();
    await expect.poll(() => pathOf(page)).toMatch(new RegExp(`/teaching/rubrics/${id}/edit$`));

    // 讲授 30 → 35 and a new item 板书 5: the total follows as it is typed.
    const teachMax = page.getByLabel('满分', { exact: true }).nth(1);
    await teachMax.fill('35');
    await visible(page.getByText('总分 55 分', { exact: true }));
    await page.getByRole('button', { name: '添加评分项', exact: true }).nth(1).click();
    await page.getByLabel('3. 评分项名称', { exact: true }).fill('板书');
    await page.getByLabel('满分', { exact: true }).nth(3).fill('5');
    await visible(page.getByText('总分 60 分', { exact: true }));
    await page.getByLabel('优秀分数线（不低于）', { exact: true }).fill('54');

    // A reload keeps all of it.
    await page.reload();
    await visible(page.getByText('已恢复上次未保存的修改。'));
    await expect.poll(() => page.getByLabel('3. 评分项名称', { exact: true }).inputValue()).toBe('板书');
    expect(await page.getByLabel('满分', { exact: true }).nth(1).inputValue()).toBe('35');
    expect(await page.getByLabel('优秀分数线（不低于）', { exact: true }).inputValue()).toBe('54');
    await visible(page.getByText('总分 60 分', { exact: true }));
    await visible(page.getByText('优秀：54–60 分'));

    // A band above the total is named before anything is sent.
    await page.getByLabel('优秀分数线（不低于）', { exact: true }).fill('61');
    await page.getByRole('button', { name: '保存为第 2 版', exact: true }).click();
    await visible(
      page.getByText('“优秀”的分数线 61 分高于各评分项满分之和 60 分，请降低分数线或提高评分项满分').first(),
    );
    await page.getByLabel('优秀分数线（不低于）', { exact: true }).fill('54');
    const widths = await pageWidths(page);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);
    await page.getByRole('button', { name: '保存为第 2 版', exact: true }).click();
    await visible(page.getByText(`已保存“${name}”第 2 版。`));
    await visible(page.getByText('满分 60 分').first());
    const saved = await api(`${rubricsPath(T)}/${id}`, { cookie: director });
    expect(saved.body.rubric).toMatchObject({ version: 2, maxTotal: 60, body: { bands: { excellent: 54 } } });
    expect(
      saved.body.rubric.body.sections[1].items.map((i: { label: string; max: number }) => [i.label, i.max]),
    ).toEqual([
      ['讲授', 35],
      ['互动', 10],
      ['板书', 5],
    ]);

    // An observation with it: the observer picks the rubric, scores its three items, sends.
    const course = `电工实训${tag}`;
    await mainMenu(page).getByRole('link', { name: '听课记录', exact: true }).click();
    await page.getByRole('link', { name: '新建听课记录', exact: true }).click();
    await visible(page.getByText(/^课堂教学评价表（百分制）（第 \d+ 版）$/));
    await page.getByLabel('评课标准', { exact: true }).selectOption({ label: name });
    await visible(page.getByText(`${name}（第 2 版）`));
    await page.getByRole('searchbox', { name: '查找教师' }).fill('任佳');
    const teacherSelect = page.getByLabel('授课教师', { exact: true });
    const option = teacherSelect.locator('option', { hasText: '任佳琪' });
    await expect.poll(() => option.count()).toBeGreaterThan(0);
    await teacherSelect.selectOption((await option.first().getAttribute('value')) as string);
    await page.getByLabel('课程名称', { exact: true }).fill(course);
    await page.getByLabel('授课班级', { exact: true }).fill('2025级电气1班');
    await page.getByLabel(/^节次/).fill('2');
    await page.getByLabel('课型', { exact: true }).selectOption({ label: '实验/实训课' });
    await page.getByLabel('听课类型', { exact: true }).selectOption({ label: '督导听课' });
    await page.getByRole('textbox', { name: '教案（满分 10 分）', exact: true }).fill('9');
    await page.getByRole('textbox', { name: '讲授（满分 35 分）', exact: true }).fill('32');
    await page.getByRole('textbox', { name: '互动（满分 10 分）', exact: true }).fill('9');
    await page.getByRole('textbox', { name: '板书（满分 5 分）', exact: true }).fill('4');
    await visible(page.getByText('合计 54 / 60 分 · 评定等级：优秀'));
    await page.getByRole('button', { name: '提交听课记录', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '听课记录' }));

    const find = async () => {
      const list = await api(`/api/t/${T}/teaching/observations?pageSize=100`, { cookie: director });
      return (list.body.items as { id: string; course: string }[]).find((o) => o.course === course);
    };
    await expect.poll(find, { timeout: 20_000 }).toBeTruthy();
    const row = await find();
    const detail = await api(`/api/t/${T}/teaching/observations/${row?.id}`, { cookie: director });
    expect(detail.body.observation).toMatchObject({
      total: 54,
      grade: 'excellent',
      rubric: { id, version: 2, versionId: saved.body.rubric.versionId, maxTotal: 60 },
    });
  });

  it('the 重点关注教师 flag form keeps a chosen reason and a typed note through a reload', async () => {
    const note = `试用期第一学期，需每月听课${suffix()}`;
    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');
    await mainMenu(page).getByRole('link', { name: '重点关注教师', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '重点关注教师' }));
    await page.getByRole('searchbox', { name: '查找教师' }).fill('任佳');
    const select = page.getByLabel('教师', { exact: true });
    const option = select.locator('option', { hasText: '任佳琪' });
    await expect.poll(() => option.count()).toBeGreaterThan(0);
    await select.selectOption((await option.first().getAttribute('value')) as string);
    await page.getByLabel('关注原因', { exact: true }).selectOption({ label: '外聘教师' });
    await page.getByLabel(/^备注/).fill(note);

    await page.reload();
    await visible(page.getByText('已恢复上次未提交的内容。'));
    await expect.poll(() => page.getByLabel(/^备注/).inputValue()).toBe(note);
    expect(await page.getByLabel('关注原因', { exact: true }).inputValue()).toBe('external');
    expect(await page.getByLabel('教师', { exact: true }).locator('option:checked').textContent()).toContain(
      '任佳琪',
    );

    // Dropping the draft empties the form.
    await page.getByRole('button', { name: '清空重填', exact: true }).click();
    expect(await page.getByLabel(/^备注/).inputValue()).toBe('');
    expect(await page.getByLabel('关注原因', { exact: true }).inputValue()).toBe('');
  });

  it('the 教学常规检查 form keeps a typed score and comment through a reload, and its day is one in a semester', async () => {
    const comment = `作业批改及时，有二次批改${suffix()}`;
    const page = await browser.phone();
    await signInThroughUi(page, T, 'director1');
    await mainMenu(page).getByRole('link', { name: '教学常规检查', exact: true }).click();
    await visible(page.getByRole('heading', { name: '登记一次检查' }));
    // The default day is today, or in the summer holiday the last day of spring: never a refused one.
    expect(await page.getByLabel('检查日期', { exact: true }).inputValue()).toBe(lessonDay());
    await page.getByLabel('检查环节', { exact: true }).selectOption({ label: '批改作业' });
    await page.getByLabel('得分（0–100）', { exact: true }).fill('91.5');
    await page.getByLabel(/^检查意见/).fill(comment);

    await page.reload();
    await visible(page.getByText('已恢复上次未提交的内容。'));
    await expect.poll(() => page.getByLabel(/^检查意见/).inputValue()).toBe(comment);
    expect(await page.getByLabel('得分（0–100）', { exact: true }).inputValue()).toBe('91.5');
    expect(await page.getByLabel('检查环节', { exact: true }).inputValue()).toBe('mark');
  });
});
