import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';

const TENANT = 'test-county';
const BUILTIN = '责任督学挂牌督导经常性督导记录';
const OLD_LABEL = '校务管理和制度执行情况良好';
const browser = phoneBrowser();

function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

async function expectNoSideways(page: Page) {
  const { scrollWidth, clientWidth } = await pageWidths(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** One fieldset of the editor (分组 2, 检查项 15), by its legend. */
function group(page: Page, name: string): Locator {
  return page.getByRole('group', { name, exact: true });
}

describe('checklist templates on a phone', () => {
  it('director copies the shipped 督管理 template, edits the copy (draft survives a reload, a score without 满分 is refused at the item) and keeps version 1 viewable', async () => {
    const name = `经常性督导记录${suffix()}`;
    const newLabel = `校务管理、制度执行和校务公开情况良好${suffix()}`;
    const page = await browser.phone();
    await signInThroughUi(page, TENANT, 'director1');

    // The management module's templates, from the menu: the shipped one is there, marked 系统内置.
    await mainMenu(page).getByRole('link', { name: '督管理检查表', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '督管理检查表' }));
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: BUILTIN, exact: true }) });
    await visible(card.getByText('系统内置', { exact: true }));
    await expectNoSideways(page);

    // Its detail: the checklist as an inspector meets it.
    await card.getByRole('link', { name: BUILTIN, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: BUILTIN }));
    await visible(page.getByText('出示督学证，说明本次督导事项', { exact: false }));
    await visible(page.getByText('选“否”时：须填写说明、须拍照、生成问题').first());
    await visible(page.getByText('选项：听汇报 / 查资料', { exact: false }));
    await expectNoSideways(page);

    // Copy it: the copy is the office's own (本单位), version 1.
    await page.getByRole('button', { name: '复制', exact: true }).click();
    await page.getByRole('button', { name: '确定复制' }).click();
    await visible(page.getByRole('heading', { level: 1, name: `${BUILTIN}（副本）` }));
    await visible(page.getByText(`已复制为“${BUILTIN}（副本）”`));
    await visible(page.getByText('本单位', { exact: true }));
    const copyPath = new URL(page.url()).pathname;
    const copyId = copyPath.split('/').pop() as string;
    expect(copyPath).toBe(`/t/${TENANT}/management/templates/${copyId}`);

    // Edit the copy: rename, reword item 3, add a required score item to the last section.
    await page.getByRole('link', { name: '编辑', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: `编辑：${BUILTIN}（副本）` }));
    await page.getByLabel('名称', { exact: true }).fill(name);
    const item3 = group(page, '检查项 3');
    expect(await item3.getByLabel('检查项内容').inputValue()).toBe(OLD_LABEL);
    await item3.getByLabel('检查项内容').fill(newLabel);
    await page.getByRole('button', { name: '添加检查项（分组 3）' }).click();
    const added = group(page, '检查项 15');
    await visible(added);
    await added.getByLabel('检查项内容').fill('课后服务家长满意度');
    await added.getByLabel('类型').selectOption({ label: '评分' });
    await added.getByLabel('必填', { exact: true }).check();
    await visible(added.getByLabel('满分'));
    await expectNoSideways(page);

    // What was typed survives a reload.
    await page.reload();
    await visible(page.getByText('已恢复您上次未保存的修改'));
    expect(await page.getByLabel('名称', { exact: true }).inputValue()).toBe(name);
    expect(await group(page, '检查项 3').getByLabel('检查项内容').inputValue()).toBe(newLabel);
    expect(await group(page, '检查项 15').getByLabel('检查项内容').inputValue()).toBe('课后服务家长满意度');
    expect(await group(page, '检查项 15').getByLabel('必填', { exact: true }).isChecked()).toBe(true);

    // A score item without 满分: the server's Chinese message lands at that item.
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await visible(group(page, '检查项 15').getByText('评分项必须填写满分'));
    await visible(page.getByRole('alert').filter({ hasText: '请按提示修改' }));

    await group(page, '检查项 15').getByLabel('满分').fill('10');
    await page.getByLabel('修改说明').fill('增加课后服务满意度评分');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await visible(page.getByRole('heading', { level: 1, name }));
    await visible(page.getByText('已保存为第 2 版'));
    await visible(page.getByText(newLabel, { exact: false }));
    const scoreCard = page.getByRole('listitem').filter({ hasText: '课后服务家长满意度' });
    await visible(scoreCard.getByText('满分 10 分'));
    await visible(scoreCard.getByText('必填', { exact: true }));
    expect(await page.getByText(OLD_LABEL, { exact: true }).count()).toBe(0);
    await visible(page.getByText('增加课后服务满意度评分'));
    await expectNoSideways(page);

    // Version 1 is still there, with the old wording.
    await page.getByRole('link', { name: '查看第 1 版' }).click();
    await visible(page.getByText('这是历史版本，当前为第 2 版。'));
    await visible(page.getByText(OLD_LABEL, { exact: false }));
    expect(await page.getByText('课后服务家长满意度').count()).toBe(0);

    // Existing items kept their keys (answers are stored by key); the new one got a fresh key.
    const cookie = await signIn(TENANT, 'director1');
    const res = await api(`/api/t/${TENANT}/management/templates/${copyId}`, { cookie });
    expect(res.status).toBe(200);
    expect(res.body.template).toMatchObject({ name, latestVersion: 2, builtin: false });
    const items = (res.body.template.body.sections as { items: { key: string; label: string }[] }[]).flatMap(
      (s) => s.items,
    );
    expect(items.find((i) => i.key === 'school_management')?.label).toBe(newLabel);
    expect(items[items.length - 1]).toMatchObject({
      label: '课后服务家长满意度',
      type: 'score',
      max: 10,
      required: true,
    });
    expect(items[items.length - 1]?.key).toMatch(/^i\d+$/);
  });

  it('a save on a version someone else replaced meanwhile is refused with the server’s message, and the draft is kept', async () => {
    const cookie = await signIn(TENANT, 'director1');
    const base = `/api/t/${TENANT}/safety/templates`;
    const body = (label: string) => ({
      sections: [
        { key: 's1', title: '消防安全', items: [{ key: 'i1', label, type: 'yes_no', required: true }] },
      ],
    });
    const created = await api(base, {
      cookie,
      body: { name: `消防检查${suffix()}`, body: body('灭火器在有效期内') },
    });
    expect(created.status).toBe(201);
    const id = created.body.template.id as string;

    const page = await browser.phone();
    await signInThroughUi(page, TENANT, 'director1');
    await page.goto(`${new URL(page.url()).origin}/t/${TENANT}/safety/templates/${id}/edit`);
    const item = group(page, '检查项 1');
    await item.getByLabel('检查项内容').fill('灭火器在有效期内且压力正常');
    // Safety items carry a hazard level.
    await item.getByLabel('隐患等级').selectOption({ label: '较大' });
    await item.getByLabel('选“否”时须拍照').check();

    // Someone else saves version 2 first.
    const other = await api(`${base}/${id}/versions`, {
      cookie,
      body: { body: body('灭火器数量充足'), baseVersion: 1 },
    });
    expect(other.status).toBe(200);

    await page.getByRole('button', { name: '保存为新版本' }).click();
    await visible(page.getByRole('alert').getByText('该检查表已被其他人修改', { exact: false }));
    expect(await group(page, '检查项 1').getByLabel('检查项内容').inputValue()).toBe(
      '灭火器在有效期内且压力正常',
    );
    await page.reload();
    await visible(page.getByText('这些修改基于第 1 版', { exact: false }));
    expect(await group(page, '检查项 1').getByLabel('检查项内容').inputValue()).toBe(
      '灭火器在有效期内且压力正常',
    );
    // Dropping the draft starts again from version 2.
    await page.getByRole('button', { name: '放弃未保存的修改' }).click();
    expect(await group(page, '检查项 1').getByLabel('检查项内容').inputValue()).toBe('灭火器数量充足');
    await expectNoSideways(page);
  });

  it('the study module is off in the county: no 督学检查表 in the menu, and its address shows no templates', async () => {
    const page = await browser.phone();
    await signInThroughUi(page, TENANT, 'director1');
    await visible(mainMenu(page).getByRole('link', { name: '督管理检查表', exact: true }));
    expect(await mainMenu(page).getByRole('link', { name: '督学检查表', exact: true }).count()).toBe(0);
    await page.goto(`${new URL(page.url()).origin}/t/${TENANT}/study/templates`);
    await visible(page.getByRole('heading', { level: 1, name: '无法查看此页面' }));
  });
});
