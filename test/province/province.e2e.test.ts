import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { schoolUnitsFor } from '../balance/fixtures';
import { api, signIn } from '../support/api';
import {
  mainMenu,
  phoneBrowser,
  signInPlatformThroughUi,
  submitLoginForm,
  url,
  visible,
} from '../support/browser';

const COUNTY = '测试示范县';
const COLLEGE = '测试示范职业技术学院';

const browser = phoneBrowser();
const phonePage = () => browser.phone();

/** A tenant's card in the overview: a list item headed by the tenant's name, with its figures. */
function tenantCard(page: Page, name: string) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: false }) })
    .filter({ hasText: '用户数' });
}

describe('provincial overview on a phone', () => {
  it('province: lists both test tenants, without 停用 buttons and without 开通申请', async () => {
    const page = await phonePage();
    await signInPlatformThroughUi(page, 'province');
    await visible(page.getByRole('banner').getByText('省级督导'));

    await visible(tenantCard(page, COUNTY));
    await visible(tenantCard(page, COLLEGE));
    await visible(tenantCard(page, COUNTY).getByText('test-county', { exact: false }));
    await visible(tenantCard(page, COLLEGE).getByText('test-college', { exact: false }));

    // The list is on screen, so these are absent, not merely not loaded yet.
    expect(await page.getByRole('button', { name: '停用' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '恢复' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: '开通申请' }).count()).toBe(0);
  });

  it('operator: sees 开通申请 and may suspend tenants', async () => {
    const page = await phonePage();
    await signInPlatformThroughUi(page, 'operator');
    await visible(page.getByRole('banner').getByText('平台运营'));
    await visible(page.getByRole('heading', { level: 2, name: '开通申请' }));
    await visible(tenantCard(page, COUNTY));
    // Only asks: the confirmation is not pressed here, so no tenant is stopped.
    await visible(tenantCard(page, COUNTY).getByRole('button', { name: '停用', exact: true }));
  });
});

describe("the counties' balance coefficients", () => {
  it("province: picks a school year and reads each county's seven coefficients, the failing ones marked", async () => {
    const T = 'test-county';
    const YEAR = 2012;
    const s = await schoolUnitsFor(T, '省级页', [
      { key: 'p1', kind: 'primary' },
      { key: 'p2', kind: 'primary' },
    ]);
    const admin = await signIn(T, 'role_admin');
    // p2 has a tenth of p1's sports ground per student: that 小学 coefficient fails.
    for (const [key, n, sports] of [
      ['p1', 600, 5400],
      ['p2', 400, 360],
    ] as const) {
      const res = await api(`/api/t/${T}/balance/years/${YEAR}/schools/${s[key]?.id}`, {
        method: 'PUT',
        cookie: admin,
        body: {
          enrolment: n,
          resources: {
            qualified_teachers: 0.06 * n,
            backbone_teachers: 0.015 * n,
            pe_art_teachers: 0.012 * n,
            teaching_area: 6 * n,
            sports_area: sports,
            equipment_value: 3000 * n,
            multimedia_rooms: 0.03 * n,
          },
        },
      });
      expect(res.status).toBe(200);
    }
    const expected = await api(`/api/t/${T}/balance/years/${YEAR}/coefficients`, { cookie: admin });
    const sports = expected.body.stages[0].indicators.find((i: { key: string }) => i.key === 'sports_area');
    expect(sports.pass).toBe(false);

    const page = await phonePage();
    await signInPlatformThroughUi(page, 'province');
    const section = page.locator('#province-balance');
    await visible(section.getByRole('heading', { level: 2, name: '义务教育优质均衡：各县（区）差异系数' }));
    await section.getByLabel('学年').selectOption(String(YEAR));
    const row = section.locator(`tr[data-county="${T}"][data-stage="primary"]`);
    await visible(row.getByText(`${YEAR}—${YEAR + 1}学年`));
    const cell = row.locator('td[data-key="sports_area"]');
    await visible(cell.getByText(sports.cv.toFixed(3)));
    expect(await cell.getAttribute('class')).toContain('cv-over');
    await visible(row.getByText('项超标'));
    expect(await section.getByText(s.p1?.name ?? '?').count()).toBe(0);
  });
});

describe('sign-up, approval and the first sign-in, all through the UI', () => {
  it('an application from /signup is approved by the operator, whose one-time password signs in', async () => {
    const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    const slug = `e2e-${suffix}`;
    const orgName = `端到端测试县${suffix}教育督导室`;

    // 1. The applicant, on a phone.
    const applicant = await phonePage();
    await applicant.goto(url('/signup'));
    await visible(applicant.getByRole('heading', { level: 1, name: '申请开通督导云' }));
    await applicant.getByLabel('单位名称').fill(orgName);
    await applicant.getByLabel('单位类型').selectOption({ label: '县级教育督导室' });
    await applicant.getByLabel('行政区划代码').fill('340623');
    await applicant.getByLabel('所在省份').fill('安徽省');
    await applicant.getByLabel('所在市（州）').fill('阜阳市');
    await applicant.getByLabel('联系人姓名').fill('周测试');
    await applicant.getByLabel('联系人手机号').fill('13800138000');
    await applicant.getByLabel('联系人邮箱').fill('e2e@example.com');
    await applicant.getByLabel('希望的单位代码').fill(slug);
    await applicant.getByLabel('备注').fill('端到端测试提交');
    await applicant.getByRole('button', { name: '提交申请' }).click();
    await visible(applicant.getByRole('heading', { level: 1, name: '申请已提交' }));
    await visible(applicant.getByText(`开通后的登录地址：/t/${slug}/login`));

    // 2. The operator approves it.
    const operator = await phonePage();
    await signInPlatformThroughUi(operator, 'operator');
    const card = applicationCard(operator, orgName);
    await visible(card);
    await visible(card.getByText(slug));
    await card.getByRole('button', { name: '批准并开通', exact: true }).click();
    await card.getByRole('button', { name: '确定批准并开通' }).click();

    // Provisioning a database takes a few seconds; the one-time password is shown once, on screen.
    const notice = operator.getByRole('status').filter({ hasText: `已开通“${orgName}”` });
    await notice.waitFor({ state: 'visible', timeout: 45_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(`/t/${slug}/login`);
    const password = text.match(/一次性密码\s*(\S+?)（/)?.[1];
    expect(password, `no one-time password in: ${text}`).toBeTruthy();
    expect(text).toMatch(/管理员账号\s*admin/);

    // The application has left the queue and the tenant is in the overview.
    await visible(tenantCard(operator, orgName));
    await expectGone(operator, orgName);

    // 3. The new office's admin signs in with that password, in a browser of their own, and (the
    //    password being one-time) is made to choose a new one before anything else.
    const admin = await phonePage();
    await admin.goto(url(`/t/${slug}/login`));
    await visible(admin.getByRole('heading', { level: 1, name: orgName }));
    await submitLoginForm(admin, 'admin', password as string);
    await visible(admin.getByRole('heading', { level: 1, name: '修改密码' }));
    await visible(admin.getByText('首次登录或密码被重置后，请先修改密码'));
    await visible(admin.getByRole('banner').getByText(orgName));
    expect(new URL(admin.url()).pathname).toBe(`/t/${slug}/password`);
    expect(await mainMenu(admin).count()).toBe(0);

    const newPassword = `E2e-${suffix}-2026`;
    await admin.getByLabel('当前密码', { exact: true }).fill(password as string);
    await admin.getByLabel('新密码', { exact: true }).fill(newPassword);
    await admin.getByLabel('确认新密码', { exact: true }).fill(newPassword);
    await admin.getByRole('button', { name: '保存新密码' }).click();

    await visible(mainMenu(admin));
    await visible(admin.getByRole('heading', { level: 1, name: '首页' }));
    expect(new URL(admin.url()).pathname).toBe(`/t/${slug}/`);
    await visible(mainMenu(admin).getByRole('link', { name: '单位配置', exact: true }));
  });
});

/** The pending application's card (a list item headed by the organisation's name) in 开通申请. */
function applicationCard(page: Page, orgName: string) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: orgName, exact: true }) })
    .filter({ has: page.getByRole('button', { name: '批准并开通' }) });
}

async function expectGone(page: Page, orgName: string) {
  await applicationCard(page, orgName).waitFor({ state: 'detached' });
}
