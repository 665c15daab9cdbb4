import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stack } from '../support/api';
import {
  displayNameOf,
  logoutButton,
  mainMenu,
  PHONE,
  pageWidths,
  pathOf,
  phoneBrowser,
  scriptSizes,
  signInThroughUi,
  submitLoginForm,
  url,
  visible,
} from '../support/browser';

const TENANT = 'test-county';
const OFFICE = '测试示范县';
const LOGIN_PATH = `/t/${TENANT}/login`;

const browser = phoneBrowser();
const open = (options: { slow?: boolean } = {}) => browser.phone(options);

/** Nothing sticks out sideways: a page that scrolls horizontally at 360 px is broken on most phones. */
async function expectNoHorizontalScroll(page: Page) {
  const widths = await pageWidths(page);
  expect(widths.clientWidth).toBe(PHONE.width);
  expect(widths.scrollWidth).toBeLessThanOrEqual(PHONE.width);
}

describe('tenant login on a phone', () => {
  it('shows the office name and signs in through the form, even on a slow phone and network', async () => {
    const page = await open({ slow: true });
    await page.goto(url(LOGIN_PATH));

    await visible(page.getByRole('heading', { level: 1, name: OFFICE }));
    expect(await page.title()).toContain(OFFICE);
    await expectNoHorizontalScroll(page);

    await submitLoginForm(page, 'inspector1', stack.password);

    const name = displayNameOf(TENANT, 'inspector1');
    await visible(page.getByRole('heading', { level: 1, name: '首页' }));
    await visible(page.getByText(`您好，${name}`));
    await visible(page.getByRole('banner').getByText(name));
    await visible(mainMenu(page));
    expect(pathOf(page)).toBe(`/t/${TENANT}/`);
    await expectNoHorizontalScroll(page);
  });

  it('shows the API’s Chinese message for a wrong password and keeps the typed username', async () => {
    const page = await open();
    await page.goto(url(LOGIN_PATH));
    await visible(page.getByRole('heading', { level: 1, name: OFFICE }));

    const answer = page.waitForResponse(
      (r) => r.url().endsWith(`/api/t/${TENANT}/auth/login`) && r.request().method() === 'POST',
    );
    await submitLoginForm(page, 'inspector1', 'not-the-password');
    const res = await answer;
    expect(res.status()).toBe(401);
    const message: string = (await res.json()).error.message;
    expect(message).toMatch(/[\u4e00-\u9fff]/);

    const alert = page.getByRole('alert');
    await visible(alert);
    expect((await alert.textContent())?.trim()).toBe(message);
    expect(message).toContain('用户名或密码错误');

    expect(await page.getByLabel('用户名', { exact: true }).inputValue()).toBe('inspector1');
    expect(new URL(page.url()).pathname).toBe(LOGIN_PATH);
    await expectNoHorizontalScroll(page);

    // The same form still works: the right password now signs in.
    await page.getByLabel('密码', { exact: true }).fill(stack.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await visible(page.getByText(`您好，${displayNameOf(TENANT, 'inspector1')}`));
  });

  it('logs out back to the login page, after which the shell sends to login again', async () => {
    const page = await open();
    await signInThroughUi(page, TENANT, 'inspector1');

    await logoutButton(page).click();
    await page.waitForURL((u) => u.pathname === LOGIN_PATH);
    await visible(page.getByRole('button', { name: '登录', exact: true }));
    await visible(page.getByRole('heading', { level: 1, name: OFFICE }));

    // The session cookie is gone for the server too, not only for this page.
    await page.goto(url(`/t/${TENANT}/`));
    await page.waitForURL((u) => u.pathname === LOGIN_PATH);
    await visible(page.getByLabel('用户名', { exact: true }));
    expect(await mainMenu(page).count()).toBe(0);
  });

  it('after sign-in goes to the page asked for with ?next=', async () => {
    const page = await open();
    // Asking for a page while signed out lands on the login page with ?next= that page.
    await page.goto(url(`/t/${TENANT}/calendar`));
    await page.waitForURL((u) => u.pathname === LOGIN_PATH);
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/t/${TENANT}/calendar`);

    await submitLoginForm(page, 'inspector1', stack.password);
    await page.waitForURL((u) => u.pathname === `/t/${TENANT}/calendar`);
    await visible(page.getByRole('heading', { level: 1, name: '督导行事历' }));
  });

  it('keeps the query of ?next= and ignores a ?next= outside the tenant', async () => {
    const page = await open();
    await signInThroughUi(page, TENANT, 'director1', { next: `/t/${TENANT}/units?q=小学` });
    expect(pathOf(page)).toBe(`/t/${TENANT}/units?q=${encodeURIComponent('小学')}`);
    await visible(page.getByRole('heading', { level: 1, name: '学校列表' }));

    const other = await open();
    await signInThroughUi(other, TENANT, 'director1', { next: 'https://example.com/t/test-county/' });
    expect(pathOf(other)).toBe(`/t/${TENANT}/`);
    await signInThroughUi(other, TENANT, 'director1', { next: '/t/test-college/units' });
    expect(pathOf(other)).toBe(`/t/${TENANT}/`);
  });

  it('downloads less than 50 KB of compressed JavaScript to show the login page', async () => {
    const page = await open();
    await page.goto(url(LOGIN_PATH));
    await visible(page.getByRole('button', { name: '登录', exact: true }));
    await visible(page.getByRole('heading', { level: 1, name: OFFICE }));

    const scripts = await scriptSizes(page);
    // At least the entry chunk; each measured (same origin, so the sizes are not hidden) and compressed.
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      expect(s.encoded, s.name).toBeGreaterThan(0);
      expect(s.encoded, `${s.name} is served uncompressed`).toBeLessThan(s.decoded);
    }
    const encoded = scripts.reduce((sum, s) => sum + s.encoded, 0);
    expect(encoded).toBeLessThan(50 * 1024);
  });
});
