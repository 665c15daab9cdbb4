import { describe, expect, it } from 'vitest';
import { uniqueUsername } from '../accounts/fixtures';
import { suffix, UNIT_HEADER, xlsxOf } from '../imports/fixtures';
import { tinyPng } from '../inspectors/fixtures';
import {
  mainMenu,
  pageWidths,
  phoneBrowser,
  signInThroughUi,
  submitLoginForm,
  url,
  visible,
} from '../support/browser';

const T = 'test-county';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const browser = phoneBrowser();

/**
 * The whole path, done the way a new office would do it, through the pages only: schools
 * from the office's spreadsheet, a zone and its inspector, the poster at the gate, a parent's
 * complaint from the QR page, the inspector closing it, the parent reading the result.
 */
describe('from a spreadsheet to a closed complaint', () => {
  it('imports schools, assigns their zone to a new inspector, prints the poster; a parent complains from its QR page and follows it to closure', async () => {
    const tag = suffix();
    const zoneName = `旅程责任区${tag}`;
    const school = `旅程中心小学${tag}`;
    const inspectorName = `旅程督学${tag}`;
    const username = uniqueUsername('journey');

    // 1. The office imports its schools; the zone named in the file is created with them.
    const office = await browser.phone();
    await signInThroughUi(office, T, 'role_admin');
    await mainMenu(office).getByRole('link', { name: '导入导出', exact: true }).click();
    const row = (name: string, kind: string, phone: string) => [
      '',
      name,
      kind,
      '城关镇',
      zoneName,
      '',
      '',
      phone,
      300,
      30,
    ];
    const file = xlsxOf([
      UNIT_HEADER,
      row(school, '小学', '0561-6012001'),
      row(`旅程初级中学${tag}`, '初中', '0561-6012002'),
      row(`旅程幼儿园${tag}`, '幼儿园', ''),
    ]);
    await office
      .getByLabel(/选择表格文件/)
      .setInputFiles({ name: '学校名单.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(file) });
    await office.getByRole('button', { name: '预检' }).click();
    await visible(office.getByText('预检通过：共 3 行'));
    await office.getByRole('button', { name: '确认导入' }).click();
    await visible(office.getByText('导入完成：新增 3 条、更新 0 条，0 条无变化。'));

    // 2. An account for the inspector; its one-time password goes to them.
    await mainMenu(office).getByRole('link', { name: '账号管理', exact: true }).click();
    await office.getByRole('link', { name: '新建账号' }).click();
    await office.getByLabel('用户名', { exact: true }).fill(username);
    await office.getByLabel('姓名', { exact: true }).fill(inspectorName);
    await office.getByLabel('角色', { exact: true }).selectOption({ label: '督学' });
    await office.getByRole('button', { name: '创建账号' }).click();
    const password = (
      (await (await visible(office.getByTestId('one-time-password'))).textContent()) ?? ''
    ).trim();

    // 3. The inspector's record, linked to that account, with a photo; then the zone.
    await mainMenu(office).getByRole('link', { name: '督学队伍', exact: true }).click();
    await office.getByRole('link', { name: '新增督学' }).click();
    await office.getByLabel('姓名').fill(inspectorName);
    await office.getByLabel('类型').selectOption({ label: '责任督学' });
    await office.getByLabel('公开电话').fill('13905612345');
    await office.getByRole('searchbox', { name: '查找账号' }).fill(inspectorName);
    const account = office.getByLabel('登录账号', { exact: true });
    // selectOption waits for the searched option to arrive.
    await account.selectOption({ label: `${inspectorName}（${username}）` });
    await office.getByRole('button', { name: '保存', exact: true }).click();
    await visible(office.getByRole('heading', { level: 1, name: inspectorName }));
    await visible(office.getByText(`${inspectorName}（${username}）`));
    await office
      .getByLabel('选择照片')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(tinyPng()) });
    await office.getByRole('button', { name: '上传照片' }).click();
    await visible(office.getByText(/^照片已上传/));
    await office.getByRole('link', { name: '分配责任区和学校' }).click();
    await office.getByRole('checkbox', { name: new RegExp(zoneName) }).check();
    await visible(office.getByText('保存后共负责 3 个学校'));
    await office.getByRole('button', { name: '保存分配' }).click();
    await visible(office.getByText('分配已保存'));

    // 4. The poster for the school gate, with the QR code to the school's public page.
    await mainMenu(office).getByRole('link', { name: '学校列表', exact: true }).click();
    await office.getByRole('searchbox', { name: '搜索学校' }).fill(school);
    await office.getByRole('main').getByRole('link', { name: school }).click();
    await visible(office.getByRole('heading', { level: 1, name: school }));
    await visible(office.getByRole('link', { name: zoneName }));
    await office.getByRole('link', { name: '打印公示牌' }).click();
    await visible(office.getByRole('heading', { level: 1, name: '责任督学挂牌督导公示牌' }));
    await visible(office.getByText(inspectorName));
    const qrTarget = await (await visible(office.locator('.poster-qr svg'))).getAttribute('data-qr-text');
    expect(qrTarget).toMatch(new RegExp(`/t/${T}/board/[0-9a-f-]{36}$`));

    // 5. A parent scans it: no sign-in, the inspector is on the page; a complaint with a photo.
    const parent = await browser.phone();
    await parent.goto(qrTarget as string);
    await visible(parent.getByRole('heading', { level: 1, name: school }));
    await visible(parent.getByRole('heading', { name: inspectorName }));
    expect(await parent.getByRole('link', { name: '13905612345' }).getAttribute('href')).toBe(
      'tel:13905612345',
    );
    const topic = `放学路口无人值守${tag}`;
    await parent.getByLabel('类别').selectOption('complaint');
    await parent.getByLabel('主题').fill(topic);
    await parent
      .getByLabel('具体内容')
      .fill('放学时校门口路口车辆很多，没有老师或保安值守，孩子过马路很危险。');
    await parent
      .getByLabel('现场照片')
      .setInputFiles({ name: 'gate.png', mimeType: 'image/png', buffer: Buffer.from(tinyPng()) });
    await parent.getByRole('button', { name: '提交', exact: true }).click();
    const codeBox = await visible(parent.getByTestId('tracking-code'));
    const code = ((await codeBox.textContent()) ?? '').trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    const widths = await pageWidths(parent);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);

    // 6. The inspector signs in for the first time (choosing a password), finds it and closes it.
    const inspector = await browser.phone();
    await inspector.goto(url(`/t/${T}/login`));
    await submitLoginForm(inspector, username, password);
    const newPassword = `Insp-${tag}-2026`;
    await inspector.getByLabel('当前密码', { exact: true }).fill(password);
    await inspector.getByLabel('新密码', { exact: true }).fill(newPassword);
    await inspector.getByLabel('确认新密码', { exact: true }).fill(newPassword);
    await inspector.getByRole('button', { name: '保存新密码' }).click();
    await visible(mainMenu(inspector));
    // The home page says what waits for them.
    await inspector.getByRole('link', { name: '未办结的投诉与建议 1 件' }).click();
    await inspector.getByRole('link', { name: topic }).click();
    await visible(inspector.getByRole('img', { name: '反映人上传的照片' }));
    await inspector
      .getByLabel('答复内容（反映人凭查询码可见）')
      .fill('已到校核实，学校已安排教师和保安在放学时段于路口值守。');
    await inspector.getByRole('button', { name: '答复反映人' }).click();
    await visible(inspector.getByRole('strong').getByText('已答复'));
    await inspector.getByRole('button', { name: '办结', exact: true }).click();
    await visible(inspector.getByRole('strong').getByText('已办结'));

    // 7. Days later the parent checks with the code alone, in a fresh browser.
    const later = await browser.phone();
    await later.goto(url(`/t/${T}/track`));
    await later.getByLabel('查询码').fill(code.toLowerCase());
    await later.getByRole('button', { name: '查询' }).click();
    await visible(later.getByRole('strong').getByText('已办结'));
    await visible(later.getByText('已到校核实，学校已安排教师和保安在放学时段于路口值守。'));
  });
});
