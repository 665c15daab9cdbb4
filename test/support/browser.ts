import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { randomClientIp, stack } from './api';
import { TEST_TENANTS } from './tenants';

/**
 * Real Chromium (Debian's, never a downloaded one) driven by playwright-core, for the e2e project.
 * Each test file launches one browser in beforeAll and every test takes a fresh phone context, so no
 * cookie, storage or cache leaks from one test into the next.
 */

export const PHONE = { width: 360, height: 640 } as const;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  await browser?.close();
}

/** An absolute address on the stack under test. */
export function url(path: string): string {
  return `${stack.url}${path}`;
}

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page: a test that ends with any fails in close(). */
  errors: Error[];
  close(): Promise<void>;
}

export interface PhoneOptions {
  /**
   * A slow phone on a poor mobile network: CPU 4× slower, ~400 kbit/s down and up, 400 ms latency.
   * Everything still has to work; the tests only wait longer (no timing assertions).
   */
  slow?: boolean;
}

const SLOW_NETWORK = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};

/** A 360×640 touch phone with a zh-CN browser in Beijing time, in a context of its own. */
export async function newPhonePage(browser: Browser, options: PhoneOptions = {}): Promise<PhonePage> {
  const context = await browser.newContext({
    viewport: PHONE,
    screen: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // Each phone is its own client for per-address rate limits (see randomClientIp).
    extraHTTPHeaders: { 'cf-connecting-ip': randomClientIp() },
  });
  // Generous but finite: a throttled page load takes seconds, and the test timeout is 60 s.
  context.setDefaultTimeout(options.slow ? 30_000 : 10_000);
  context.setDefaultNavigationTimeout(options.slow ? 30_000 : 10_000);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  if (options.slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  }
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      if (errors.length) {
        throw new Error(
          `uncaught errors in the page:\n${errors.map((e) => e.stack ?? e.message).join('\n')}`,
        );
      }
    },
  };
}

export interface PhoneBrowser {
  /** A new phone (fresh context) for the running test; closed after the test. */
  phone(options?: PhoneOptions): Promise<Page>;
}

/**
 * Call once at the top of a test file: launches one browser in beforeAll and closes it in afterAll;
 * the phones a test opens are closed after it, and the test fails if any page threw meanwhile.
 */
export function phoneBrowser(): PhoneBrowser {
  let browser: Browser | undefined;
  const open: PhonePage[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await closeBrowser(browser);
  });
  afterEach(async () => {
    const results = await Promise.allSettled(open.splice(0).map((p) => p.close()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
  return {
    async phone(options) {
      if (!browser) throw new Error('phoneBrowser(): the browser is not running (call it at the top level)');
      const p = await newPhonePage(browser, options);
      open.push(p);
      return p.page;
    },
  };
}

/** Resolves when the locator shows something; fails after the context's default timeout. */
export async function visible(locator: Locator, timeout?: number): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${await screenText(locator.page())}`, { cause: error });
  }
  return locator;
}

/** Where the page is and what it says, for failure messages: a timeout alone does not say why. */
export async function screenText(page: Page): Promise<string> {
  if (page.isClosed()) return 'page closed';
  const text = await page
    .locator('body')
    .innerText({ timeout: 2_000 })
    .catch((e: Error) => `(no text: ${e.message})`);
  return `page ${page.url()} shows:\n${text.slice(0, 2_000)}`;
}

/** The display name a seeded test user has (what the top bar and the greeting show). */
export function displayNameOf(tenant: string, username: string): string {
  const user = TEST_TENANTS.find((t) => t.slug === tenant)?.users.find((u) => u.username === username);
  if (!user) throw new Error(`no seeded user ${tenant}/${username}`);
  return user.displayName;
}

/** The link to log out, in the top bar of the tenant shell and the provincial page. */
export function logoutButton(page: Page): Locator {
  return page.getByRole('button', { name: '退出登录' });
}

/** The tenant's main menu (a nav landmark). */
export function mainMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: '主菜单' });
}

/** Fills the sign-in form that is on screen (labels 用户名 / 密码) and presses 登录. */
export async function submitLoginForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

export interface SignInOptions {
  password?: string;
  /** Opens the login page with ?next= this path. */
  next?: string;
}

/**
 * Signs in through the tenant's login page like a person would and waits until the shell shows the
 * user's name and the main menu.
 */
export async function signInThroughUi(
  page: Page,
  tenant: string,
  username: string,
  options: SignInOptions = {},
): Promise<void> {
  const query = options.next ? `?next=${encodeURIComponent(options.next)}` : '';
  await page.goto(url(`/t/${tenant}/login${query}`));
  await submitLoginForm(page, username, options.password ?? stack.password);
  await visible(mainMenu(page));
  await visible(page.getByRole('banner').getByText(displayNameOf(tenant, username), { exact: false }));
  expect(new URL(page.url()).pathname).not.toMatch(/\/login$/);
}

/** Signs in on /province/login and waits for the overview page. */
export async function signInPlatformThroughUi(
  page: Page,
  username: 'province' | 'operator',
  password = stack.password,
): Promise<void> {
  await page.goto(url('/province/login'));
  await submitLoginForm(page, username, password);
  await visible(page.getByRole('heading', { name: '各单位概况' }));
}

// The test project is typed for Node (no DOM lib); the few page-side globals the helpers below read
// inside page.evaluate are described here. Casts only: nothing of this exists at runtime.
interface PageDom {
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    getElementById(id: string): { textContent: string | null } | null;
  };
  performance: {
    getEntriesByType(type: 'resource'): { name: string; encodedBodySize: number; decodedBodySize: number }[];
  };
}

/** The document's scrollable width against the viewport's: more means the page scrolls sideways. */
export async function pageWidths(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as PageDom).document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

/** What a screen reader reads for a control besides its label: the texts its aria-describedby points to. */
export async function descriptionOf(control: Locator): Promise<string> {
  return control.evaluate((el: { getAttribute(name: string): string | null }) => {
    const { document } = globalThis as unknown as PageDom;
    return (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id: string) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  });
}

export interface ResourceSize {
  name: string;
  /** Bytes on the wire (after Content-Encoding), excluding headers. */
  encoded: number;
  /** Bytes after decompression. */
  decoded: number;
}

/** Every JavaScript file the page has downloaded so far, from the Resource Timing API. */
export async function scriptSizes(page: Page): Promise<ResourceSize[]> {
  return page.evaluate(() =>
    (globalThis as unknown as PageDom).performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
  );
}

/** The page's current path (and query), to compare with where a test expects to be. */
export function pathOf(page: Page): string {
  const u = new URL(page.url());
  return u.pathname + u.search;
}
