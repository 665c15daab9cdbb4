import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { units, zones } from '../../db/schema/tenant';
import { api, signIn, stack, tenantDbOf } from '../support/api';
import { mainMenu, pageWidths, phoneBrowser, signInThroughUi, visible } from '../support/browser';
import { cameraPhoto } from '../support/photos';
import { suffix } from './fixtures';

const TENANT = 'test-county';
const browser = phoneBrowser();

async function expectNoSideways(page: import('playwright-core').Page) {
  const { scrollWidth, clientWidth } = await pageWidths(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

describe('inspectors on a phone', () => {
  it('director creates an inspector (draft survives a reload, a bad phone is shown at the field), uploads a photo compressed on the phone, and assigns a zone', async () => {
    const name = `手机督学${suffix()}`;
    const page = await browser.phone();
    await signInThroughUi(page, TENANT, 'director1');
    await mainMenu(page).getByRole('link', { name: '督学队伍', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '督学队伍' }));
    // The demo county's inspectors are listed as cards.
    await visible(page.getByRole('main').getByRole('listitem').getByRole('link', { name: '李明' }));
    await expectNoSideways(page);

    await page.getByRole('link', { name: '新增督学' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '新增督学' }));
    await page.getByLabel('姓名').fill(name);
    await page.getByLabel('类型').selectOption({ label: '兼职督学' });
    await page.getByLabel('公开电话').fill('12345');
    await page.getByLabel('培训学时').fill('16');

    // Typed text survives a reload.
    await page.reload();
    await visible(page.getByText('已恢复您上次未保存的内容'));
    expect(await page.getByLabel('姓名').inputValue()).toBe(name);
    expect(await page.getByLabel('公开电话').inputValue()).toBe('12345');

    // The server's 422 lands at the phone field.
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.locator('#inspector-phone-error').getByText('公开电话格式不正确', { exact: false }));
    await page.getByLabel('公开电话').fill('13905611234');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name }));
    await visible(page.getByText(`已新增“${name}”`));
    const id = new URL(page.url()).pathname.split('/').pop() as string;

    // A camera-sized photo, compressed on the phone before it is sent.
    const original = await cameraPhoto(page);
    expect(original.byteLength).toBeGreaterThan(3 * 1024 * 1024);
    await page
      .getByLabel('选择照片')
      .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: original });
    await visible(page.getByText(/^原图 .+ MB，压缩后 \d+ KB$/));
    await page.getByRole('button', { name: '上传照片' }).click();
    await visible(page.getByText(/^照片已上传（\d+ KB）$/));
    await visible(page.getByRole('img', { name: `${name}的照片` }));
    await expectNoSideways(page);

    const cookie = await signIn(TENANT, 'director1');
    const photo = await fetch(`${stack.url}/api/t/${TENANT}/inspectors/${id}/photo`, {
      headers: { cookie, connection: 'close' },
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const stored = (await photo.arrayBuffer()).byteLength;
    expect(stored).toBeLessThan(original.byteLength / 10);
    expect(stored).toBeLessThan(400 * 1024);

    // Assign a zone: the page shows the resulting count before saving.
    const db = await tenantDbOf(TENANT);
    const zoneUnits = (zoneName: string) =>
      db
        .select({ name: units.name })
        .from(units)
        .innerJoin(zones, eq(zones.id, units.zoneId))
        .where(and(eq(zones.name, zoneName), eq(units.status, 'active')));
    const zoneCount = (await zoneUnits('城区第一责任区')).length;
    const other = (await zoneUnits('石桥柳湾责任区'))[0] as { name: string };
    expect(zoneCount).toBeGreaterThan(0);
    await page.getByRole('link', { name: '分配责任区和学校' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '分配责任区和学校' }));
    await visible(page.getByText('保存后共负责 0 个学校'));
    await page.getByRole('checkbox', { name: /城区第一责任区/ }).check();
    await visible(page.getByText(`保存后共负责 ${zoneCount} 个学校`));
    // And one school of another zone, found by name: one more.
    await page.getByRole('searchbox', { name: '查找学校' }).fill(other.name);
    await page.getByRole('button', { name: `添加${other.name}` }).click();
    await visible(page.getByRole('button', { name: `移除${other.name}` }));
    await visible(page.getByText(`保存后共负责 ${zoneCount + 1} 个学校`));
    await expectNoSideways(page);
    await page.getByRole('button', { name: '保存分配' }).click();
    await visible(page.getByText('分配已保存'));
    await visible(page.getByRole('heading', { level: 1, name }));
    await visible(page.getByText('责任区：城区第一责任区'));

    const detail = await api(`/api/t/${TENANT}/inspectors/${id}`, { cookie });
    expect(detail.body.inspector.zones.map((z: { name: string }) => z.name)).toEqual(['城区第一责任区']);
    expect(detail.body.inspector.unitCount).toBe(zoneCount + 1);
    expect(
      detail.body.inspector.units
        .filter((u: { direct: boolean }) => u.direct)
        .map((u: { name: string }) => u.name),
    ).toEqual([other.name]);
    expect(detail.body.inspector.phone).toBe('13905611234');
    const preview = await page.getByText(/^负责 \d+ 个学校$/).innerText();
    expect(preview).toBe(`负责 ${detail.body.inspector.unitCount} 个学校`);
  });
});
