import { describe, expect, it } from 'vitest';
import {
  mainMenu,
  pageWidths,
  phoneBrowser,
  signInThroughUi,
  submitLoginForm,
  url,
  visible,
} from '../support/browser';
import { suffix, uniqueUsername } from './fixtures';

const TENANT = 'test-county';
const browser = phoneBrowser();

describe('accounts and the audit log on a phone', () => {
  it('admin creates a user and sees the one-time password once; the user must change it; the audit log shows the creation', async () => {
    const username = uniqueUsername('e2e');
    const name = `手机账号${suffix()}`;

    // 1. The admin creates the account.
    const admin = await browser.phone();
    await signInThroughUi(admin, TENANT, 'role_admin');
    await mainMenu(admin).getByRole('link', { name: '账号管理', exact: true }).click();
    await visible(admin.getByRole('heading', { level: 1, name: '账号管理' }));
    await admin.getByRole('link', { name: '新建账号' }).click();
    await visible(admin.getByRole('heading', { level: 1, name: '新建账号' }));
    await admin.getByLabel('用户名', { exact: true }).fill(username);
    await admin.getByLabel('姓名', { exact: true }).fill(name);
    // A teacher needs a unit: the form says so at the field before anything is sent.
    await admin.getByLabel('角色', { exact: true }).selectOption({ label: '教师' });
    await admin.getByRole('button', { name: '创建账号' }).click();
    await visible(admin.getByText('单位负责人和教师必须选择所属单位').first());
    await admin.getByLabel('角色', { exact: true }).selectOption({ label: '督学' });
    await admin.getByRole('button', { name: '创建账号' }).click();

    const box = admin.getByRole('region', { name: '一次性密码' });
    await visible(box);
    await visible(box.getByText('只显示这一次', { exact: false }));
    await visible(box.getByRole('button', { name: '复制密码' }));
    const password = ((await admin.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    const { scrollWidth, clientWidth } = await pageWidths(admin);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

    // 2. The new user signs in with it and is made to choose their own first.
    const user = await browser.phone();
    await user.goto(url(`/t/${TENANT}/login`));
    await submitLoginForm(user, username, password);
    await visible(user.getByRole('heading', { level: 1, name: '修改密码' }));
    await visible(user.getByText('首次登录或密码被重置后，请先修改密码'));
    const newPassword = `Mine-${suffix()}-2026`;
    await user.getByLabel('当前密码', { exact: true }).fill(password);
    await user.getByLabel('新密码', { exact: true }).fill(newPassword);
    await user.getByLabel('确认新密码', { exact: true }).fill(newPassword);
    await user.getByRole('button', { name: '保存新密码' }).click();
    await visible(mainMenu(user));
    await visible(user.getByRole('heading', { level: 1, name: '首页' }));

    // 3. The admin finds the creation in the audit log.
    await mainMenu(admin).getByRole('link', { name: '操作日志', exact: true }).click();
    await visible(admin.getByRole('heading', { level: 1, name: '操作日志' }));
    await admin.getByLabel('操作类型', { exact: true }).selectOption({ label: '新建账号' });
    await admin.getByLabel('操作人', { exact: true }).fill('测试admin');
    const card = admin.getByRole('listitem').filter({ hasText: `用户名：${username}` });
    await visible(card);
    await visible(card.getByText('测试admin · 新建账号'));
    await visible(card.getByText('角色：督学'));
  });
});
