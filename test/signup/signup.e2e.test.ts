import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { descriptionOf, PHONE, pageWidths, phoneBrowser, url, visible } from '../support/browser';

const browser = phoneBrowser();

async function openSignup(): Promise<Page> {
  const page = await browser.phone();
  await page.goto(url('/signup'));
  await visible(page.getByRole('heading', { level: 1, name: '申请开通督导云' }));
  return page;
}

function uniqueSlug(): string {
  return `e2e-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

interface Form {
  orgName: string;
  kind: string;
  regionCode: string;
  province: string;
  city: string;
  contactName: string;
  contactPhone: string;
  desiredSlug: string;
}

function validForm(): Form {
  return {
    orgName: '端到端测试区教育督导室',
    kind: '区级教育督导室',
    regionCode: '340602',
    province: '安徽省',
    city: '淮北市',
    contactName: '吴测试',
    contactPhone: '13900139000',
    desiredSlug: uniqueSlug(),
  };
}

async function fill(page: Page, form: Form) {
  await page.getByLabel('单位名称').fill(form.orgName);
  await page.getByLabel('单位类型').selectOption({ label: form.kind });
  await page.getByLabel('行政区划代码').fill(form.regionCode);
  await page.getByLabel('所在省份').fill(form.province);
  await page.getByLabel('所在市（州）').fill(form.city);
  await page.getByLabel('联系人姓名').fill(form.contactName);
  await page.getByLabel('联系人手机号').fill(form.contactPhone);
  await page.getByLabel('希望的单位代码').fill(form.desiredSlug);
}

/** The field is marked invalid and its description carries `message`. */
async function expectFieldError(field: Locator, message: string) {
  await expect.poll(() => descriptionOf(field), { timeout: 10_000 }).toContain(message);
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  await visible(field.page().getByText(message, { exact: true }));
}

interface Issue {
  path: string;
  message: string;
}

/** Submits and returns the server's 422 field issues. */
async function submitExpecting422(page: Page): Promise<Issue[]> {
  const answer = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/signup' && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: '提交申请' }).click();
  const res = await answer;
  expect(res.status()).toBe(422);
  return (await res.json()).error.details.issues as Issue[];
}

function messageFor(issues: Issue[], path: string): string {
  const issue = issues.find((i) => i.path === path);
  expect(issue, `the server reports ${path}: ${JSON.stringify(issues)}`).toBeTruthy();
  expect(issue?.message).toMatch(/[\u4e00-\u9fff]/);
  return issue?.message as string;
}

describe('sign-up form on a phone', () => {
  it('shows the server’s Chinese message under the field it rejects (a reserved unit code)', async () => {
    const page = await openSignup();
    const form = { ...validForm(), desiredSlug: 'admin' };
    await fill(page, form);

    const issues = await submitExpecting422(page);
    const slugField = page.getByLabel('希望的单位代码');
    await expectFieldError(slugField, messageFor(issues, 'desiredSlug'));
    await visible(page.getByRole('alert'));

    // What was typed stays, and the page still fits the phone.
    expect(await slugField.inputValue()).toBe('admin');
    expect(await page.getByLabel('单位名称').inputValue()).toBe(form.orgName);
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
  });

  it('shows per-field errors for a bad phone number and region code, the server’s included', async () => {
    const page = await openSignup();
    const form = validForm();

    // The form's own check answers at once, without a request, under each field.
    let requests = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/signup') requests++;
    });
    await fill(page, { ...form, contactPhone: '1390013900', regionCode: '34060' });
    await page.getByRole('button', { name: '提交申请' }).click();
    await expectFieldError(page.getByLabel('联系人手机号'), '请填写 11 位手机号');
    await expectFieldError(page.getByLabel('行政区划代码'), '行政区划代码应为 6 位数字');
    expect(requests).toBe(0);

    // The server is the authority: its 422 for the same fields lands under them too. The form never
    // sends these values itself (it checks with the same rules), so the request is changed on the way,
    // as an outdated copy of the app in a phone's cache would send it.
    await page.route('**/api/signup', async (route) => {
      const body = route.request().postDataJSON() as Record<string, unknown>;
      await route.continue({
        postData: JSON.stringify({ ...body, contactPhone: '1390013900', regionCode: '34060' }),
      });
    });
    await page.getByLabel('联系人手机号').fill(form.contactPhone);
    await page.getByLabel('行政区划代码').fill(form.regionCode);
    const issues = await submitExpecting422(page);
    const phoneMessage = messageFor(issues, 'contactPhone');
    const regionMessage = messageFor(issues, 'regionCode');
    await expectFieldError(page.getByLabel('联系人手机号'), phoneMessage);
    await expectFieldError(page.getByLabel('行政区划代码'), regionMessage);
    // Fields the server did not reject are not marked.
    expect(await page.getByLabel('单位名称').getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps what was typed after a reload (a draft in the browser) and says it restored it', async () => {
    const page = await openSignup();
    const form = validForm();
    await page.getByLabel('单位名称').fill(form.orgName);
    await page.getByLabel('单位类型').selectOption({ label: form.kind });
    await page.getByLabel('联系人手机号').fill(form.contactPhone);
    await page.getByLabel('希望的单位代码').fill(form.desiredSlug);
    await page.getByLabel('备注').fill('第一行\n第二行');

    await page.reload();
    await visible(page.getByText('已恢复您上次未提交的内容'));
    expect(await page.getByLabel('单位名称').inputValue()).toBe(form.orgName);
    expect(await page.getByLabel('联系人手机号').inputValue()).toBe(form.contactPhone);
    expect(await page.getByLabel('希望的单位代码').inputValue()).toBe(form.desiredSlug);
    expect(await page.getByLabel('备注').inputValue()).toBe('第一行\n第二行');
    const kind = page.getByLabel('单位类型');
    expect(await kind.getByRole('option', { selected: true }).textContent()).toBe(form.kind);
    // Untouched fields stay empty.
    expect(await page.getByLabel('所在省份').inputValue()).toBe('');

    // Not the browser's own form restoration: a new tab of the same browser gets the draft too.
    const tab = await page.context().newPage();
    await tab.goto(url('/signup'));
    await visible(tab.getByText('已恢复您上次未提交的内容'));
    expect(await tab.getByLabel('单位名称').inputValue()).toBe(form.orgName);
    expect(await tab.getByLabel('希望的单位代码').inputValue()).toBe(form.desiredSlug);
  });
});
