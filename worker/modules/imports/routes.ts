import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { readLimited } from '../../files';
import { serviceContext } from '../../service-context';
import { MAX_SHEET_BYTES } from '../../spreadsheet/file';
import { xlsxDownload } from '../../spreadsheet/write';
import { listOf, listPermission } from './lists';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export const importsRoutes = new Hono<AppEnv>()
  .get('/imports/:list/template', listPermission('manage'), (c) => {
    const ctx = serviceContext(c);
    const list = listOf(c);
    const bytes = list.template(ctx);
    return xlsxDownload(
      bytes,
      `${list.title(ctx.tenant.config)}导入模板.xlsx`,
      `${c.req.param('list')}-template.xlsx`,
    );
  })
  .post('/imports/:list', listPermission('manage'), async (c) => {
    const bytes = await readLimited(c.req.raw.body, MAX_SHEET_BYTES, '表格文件', '请拆分后分别导入');
    const dryRun = ['1', 'true'].includes(c.req.query('dryRun') ?? '');
    return c.json(await listOf(c).import(serviceContext(c), bytes, dryRun));
  })
  .get('/exports/:list', listPermission('read'), async (c) => {
    const ctx = serviceContext(c);
    const list = listOf(c);
    const bytes = await list.export(ctx);
    const day = today();
    return xlsxDownload(
      bytes,
      `${list.title(ctx.tenant.config)}-${day}.xlsx`,
      `${c.req.param('list')}-${day}.xlsx`,
    );
  });
