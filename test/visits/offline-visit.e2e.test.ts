import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_BYTES } from '../../worker/middleware/body-limit';
import { suffix } from '../inspectors/fixtures';
import { api, signIn, stack } from '../support/api';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { cameraPhoto } from '../support/photos';

const T = 'test-county';
const SCHOOL = '示范县城关第一小学';
const browser = phoneBrowser();

/** A small 督安全 checklist with every item type and both kinds of 否 rule. */
function checklistBody() {
  return {
    sections: [
      {
        key: 'site',
        title: '校园安全',
        items: [
          {
            key: 'exits',
            label: '安全出口和疏散通道畅通',
            type: 'yes_no',
            required: true,
            hazardLevel: 'serious',
            rules: [{ when: { answer: 'no' }, requireNote: true, requirePhoto: true, createFinding: true }],
          },
          {
            key: 'ledger',
            label: '有消防安全检查台账',
            type: 'yes_no',
            required: true,
            hazardLevel: 'general',
            rules: [{ when: { answer: 'no' }, requireNote: true, createFinding: true }],
          },
          { key: 'score', label: '安全教育开展情况', type: 'score', max: 10, required: true },
          { key: 'guards', label: '在岗保安人数', type: 'number', unit: '人' },
          { key: 'grade', label: '总体评价', type: 'choice', choices: ['合格', '基本合格', '不合格'] },
          { key: 'drill_on', label: '最近一次疏散演练日期', type: 'date' },
          { key: 'remarks', label: '其他情况', type: 'text' },
        ],
      },
    ],
  };
}

/** The card of one checklist item on the form (its li, id item-<key>). */
function item(page: Page, key: string): Locator {
  return page.locator(`#item-${key}`);
}

/** Picks a unit in the visit form's unit picker: types part of its name, then chooses it. */
async function pickUnit(page: Page, search: string, name: string) {
  await page.getByRole('searchbox', { name: '查找学校' }).fill(search);
  const select = page.getByLabel('被督导学校', { exact: true });
  const option = select.locator('option', { hasText: name });
  await expect.poll(() => option.count()).toBeGreaterThan(0);
  await select.selectOption((await option.first().getAttribute('value')) as string);
}

async function newTemplate(cookie: string, name: string) {
  const made = await api(`/api/t/${T}/safety/templates`, {
    cookie,
    body: { name, description: '离线测试', body: checklistBody() },
  });
  expect(made.status).toBe(201);
}

async function setOffline(context: BrowserContext, page: Page, offline: boolean) {
  await context.setOffline(offline);
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as unknown as { navigator: { onLine: boolean } }).navigator.onLine),
    )
    .toBe(!offline);
}

describe('a visit on a phone with the network cut half-way', () => {
  it('keeps every answer on the device through a reload, queues the visit offline and sends it exactly once when the network returns', async () => {
    const tag = suffix();
    const templateName = `离线检查表${tag}`;
    const director = await signIn(T, 'director1');
    const made = await api(`/api/t/${T}/safety/templates`, {
      cookie: director,
      body: { name: templateName, description: '离线测试', body: checklistBody() },
    });
    expect(made.status).toBe(201);

    const page = await browser.phone();
    const context = page.context();
    await signInThroughUi(page, T, 'inspector1');
    await mainMenu(page).getByRole('link', { name: '督安全督导记录', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '督安全督导记录' }));
    await page.getByRole('link', { name: '新建督导记录', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/safety\/visits\/draft\/[0-9a-f-]{36}$/);
    const visitId = new URL(page.url()).pathname.split('/').pop() as string;

    // Set-up: the school, the template (its version kept), the inspector is the lead by default.
    await page.getByRole('searchbox', { name: '查找学校' }).fill('城关第一');
    const unitSelect = page.getByLabel('被督导学校', { exact: true });
    const option = unitSelect.locator('option', { hasText: SCHOOL });
    await expect.poll(() => option.count()).toBeGreaterThan(0);
    await unitSelect.selectOption((await option.first().getAttribute('value')) as string);
    await page.getByLabel('检查表', { exact: true }).selectOption({ label: templateName });
    await visible(page.getByText(`${templateName}（第 1 版）`));
    await visible(page.getByRole('list', { name: '督导组成员' }).getByText('李明'));
    await page.getByLabel('督导类型', { exact: true }).selectOption({ label: '经常性督导（随访）' });
    await page.getByRole('checkbox', { name: '实地查看' }).check();

    // Part of the checklist online: a 否 that asks for a note and a photo, and a score.
    await visible(page.getByText('已答 0 / 7 项'));
    await item(page, 'exits').getByRole('radio', { name: '否' }).check();
    await item(page, 'exits').getByLabel('说明（必填）').fill('东侧楼梯间堆放杂物');
    // A camera-sized photo (several MB), compressed on the phone before it is kept and sent.
    const original = await cameraPhoto(page);
    expect(original.byteLength).toBeGreaterThan(3 * 1024 * 1024);
    await item(page, 'exits')
      .getByLabel('照片（必拍）')
      .setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: original });
    await expect.poll(() => item(page, 'exits').getByRole('img').count()).toBe(1);
    await item(page, 'score').getByRole('textbox').fill('8');
    await visible(page.getByText('将登记为问题'));

    // The network goes; the inspector keeps typing.
    await setOffline(context, page, true);
    await item(page, 'ledger').getByRole('radio', { name: '否' }).check();
    await item(page, 'ledger').getByLabel('说明（必填）').fill('未见本学期台账');
    await item(page, 'guards').getByRole('textbox').pressSequentially('3');
    await item(page, 'grade').getByRole('combobox').selectOption('基本合格');
    // Typed key by key, as on a phone: the box keeps its focus while each key is saved.
    await item(page, 'remarks').getByRole('textbox').pressSequentially(`门卫登记规范${tag}`);
    await page.getByLabel(/^现场反馈/).fill('请立即清理楼梯间杂物，补建台账');
    await page.getByLabel(/^反馈签收人/).fill('赵丽娟');
    await visible(page.getByText('已保存到本机'));
    await visible(page.getByText('本次检查将登记问题 2 个'));

    // A reload (the page is fetched again, so with the network back for that moment) shows all of it.
    await setOffline(context, page, false);
    await page.reload();
    await visible(page.getByText(`${templateName}（第 1 版）`));
    expect(await item(page, 'exits').getByRole('radio', { name: '否' }).isChecked()).toBe(true);
    expect(await item(page, 'exits').getByLabel('说明（必填）').inputValue()).toBe('东侧楼梯间堆放杂物');
    await expect.poll(() => item(page, 'exits').getByRole('img').count()).toBe(1);
    expect(await item(page, 'ledger').getByLabel('说明（必填）').inputValue()).toBe('未见本学期台账');
    expect(await item(page, 'score').getByRole('textbox').inputValue()).toBe('8');
    expect(await item(page, 'guards').getByRole('textbox').inputValue()).toBe('3');
    expect(await item(page, 'grade').getByRole('combobox').inputValue()).toBe('基本合格');
    expect(await item(page, 'remarks').getByRole('textbox').inputValue()).toBe(`门卫登记规范${tag}`);
    expect(await page.getByLabel(/^反馈签收人/).inputValue()).toBe('赵丽娟');
    expect(await page.getByLabel('被督导学校', { exact: true }).inputValue()).not.toBe('');
    await visible(page.getByText('已答 6 / 7 项'));

    // Offline again: submitting puts the visit in the outbox, shown as 待发送.
    await setOffline(context, page, true);
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '督安全督导记录' }));
    const outbox = page.getByRole('region', { name: '待发送 1 条' });
    await visible(outbox);
    await visible(outbox.getByText(SCHOOL));
    await visible(outbox.getByText('待发送', { exact: true }));
    await visible(page.getByText('当前没有网络连接，联网后将自动发送'));
    // Nothing reached the server.
    expect((await api(`/api/t/${T}/safety/visits/${visitId}`, { cookie: director })).status).toBe(404);

    // The network returns: the visit is sent once, with its photo and its two findings.
    await setOffline(context, page, false);
    await visible(page.getByText(/^督导记录已发送/), 20_000);
    await expect.poll(() => outbox.count()).toBe(0);

    const stored = await api(`/api/t/${T}/safety/visits/${visitId}`, { cookie: director });
    expect(stored.status).toBe(200);
    const visit = stored.body.visit;
    expect(visit.unitName).toBe(SCHOOL);
    expect(visit.answers.exits.value).toBe(false);
    expect(visit.answers.exits.photos).toHaveLength(1);
    expect(visit.answers.remarks.value).toBe(`门卫登记规范${tag}`);
    expect(visit.feedbackSignedBy).toBe('赵丽娟');
    expect(visit.findings.map((f: { itemKey: string }) => f.itemKey).sort()).toEqual(['exits', 'ledger']);
    const photo = await fetch(`${stack.url}/api/t/${T}/safety/evidence/${visit.answers.exits.photos[0]}`, {
      headers: { cookie: director, connection: 'close' },
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    // A few hundred KB: small for a slow network, more than a JSON body may be (the upload's own
    // ceiling applies), and large enough to read a label on it.
    const storedBytes = (await photo.arrayBuffer()).byteLength;
    expect(storedBytes).toBeGreaterThan(MAX_JSON_BYTES);
    expect(storedBytes).toBeLessThan(400 * 1024);

    // Exactly one visit of this school with this content: the list finds it once.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const list = await api(
      `/api/t/${T}/safety/visits?unitId=${visit.unitId}&from=${today}&to=${today}&pageSize=100`,
      { cookie: director },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.filter((r: { id: string }) => r.id === visitId)).toHaveLength(1);
    const findings = await api(`/api/t/${T}/safety/findings?unitId=${visit.unitId}&pageSize=100`, {
      cookie: director,
    });
    expect(findings.body.items.filter((f: { visitId: string }) => f.visitId === visitId)).toHaveLength(2);

    // The record page shows the answers, the photo and links to both findings.
    await page
      .getByRole('link', { name: new RegExp(`^${SCHOOL}`) })
      .first()
      .click();
    await visible(page.getByRole('heading', { name: '督导记录', level: 1 }));
    await visible(page.getByText('东侧楼梯间堆放杂物').first());
    await visible(page.getByRole('link', { name: '下载督导记录（Word）' }));
    await visible(page.getByRole('button', { name: '打印督导记录' }));
    expect(await page.locator('.visit-record a[href*="/safety/findings/"]').count()).toBe(2);
    const recordPhoto = page.locator('.visit-photos img').first();
    await expect
      .poll(() => recordPhoto.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
  });

  it("a visit the server refuses (a school outside the inspector's zone) is shown with the Chinese reason and stays editable; fixed, it is sent", async () => {
    const tag = suffix();
    const templateName = `退回检查表${tag}`;
    const director = await signIn(T, 'director1');
    await newTemplate(director, templateName);

    const page = await browser.phone();
    await signInThroughUi(page, T, 'inspector1');
    // Started as from a plan item of the calendar: the unit comes in the address.
    const far = await api(`/api/t/${T}/units?q=${encodeURIComponent('临河镇中心小学')}`, {
      cookie: director,
    });
    const farId = far.body.items[0].id as string;
    await page.goto(page.url().replace(/\/t\/.*$/, `/t/${T}/safety/visits/new?unitId=${farId}`));
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/draft\/[0-9a-f-]{36}$/);
    const visitId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect.poll(() => page.getByLabel('被督导学校', { exact: true }).inputValue()).toBe(farId);
    await expect
      .poll(() => page.getByLabel('被督导学校', { exact: true }).locator('option:checked').textContent())
      .toContain('临河镇中心小学');
    await page.getByLabel('检查表', { exact: true }).selectOption({ label: templateName });
    await visible(page.getByText(`${templateName}（第 1 版）`));
    await visible(page.getByRole('list', { name: '督导组成员' }).getByText('李明'));
    await page.getByRole('checkbox', { name: '查资料' }).check();

    // Submitting too early names what is missing, at the items.
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await visible(page.getByText(/^还有 \d+ 处需要填写或修改/));
    await visible(item(page, 'exits').getByText('“安全出口和疏散通道畅通”为必填项，请作答'));
    await item(page, 'exits').getByRole('radio', { name: '是' }).check();
    await item(page, 'ledger').getByRole('radio', { name: '是' }).check();
    await item(page, 'score').getByRole('textbox').fill('9');
    await page.getByRole('button', { name: '提交', exact: true }).click();

    // The server refuses: the outbox says so in Chinese, nothing is dropped.
    await visible(page.getByRole('heading', { level: 1, name: '督安全督导记录' }));
    const outbox = page.getByRole('region', { name: '待发送 1 条' });
    await visible(outbox.getByText('发送被退回，请修改'));
    await visible(outbox.getByText(/不在您的负责范围内/));
    expect((await api(`/api/t/${T}/safety/visits/${visitId}`, { cookie: director })).status).toBe(404);

    // Back in the form with the reason; another school, and it goes.
    await outbox.getByRole('link', { name: '修改后重新提交' }).click();
    await visible(page.getByRole('alert').getByText(/不在您的负责范围内/));
    expect(await item(page, 'score').getByRole('textbox').inputValue()).toBe('9');
    await pickUnit(page, '城关第一', SCHOOL);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await visible(page.getByText(/^督导记录已发送/), 20_000);
    const stored = await api(`/api/t/${T}/safety/visits/${visitId}`, { cookie: director });
    expect(stored.status).toBe(200);
    expect(stored.body.visit.unitName).toBe(SCHOOL);
    expect(stored.body.visit.findings).toHaveLength(0);
  });
});
