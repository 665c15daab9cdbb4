import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { readLimited } from '../../files';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { MAX_SHEET_BYTES } from '../../spreadsheet/file';
import { xlsxDownload } from '../../spreadsheet/write';
import { jsonBody, pathId, queryParams } from '../../validation';
import { addSchemeVersion } from './add-scheme-version';
import { createScheme } from './create-scheme';
import { exportScheme } from './export-scheme';
import { getScheme } from './get-scheme';
import { importScheme, importSchemeVersion } from './import-scheme';
import { listSchemes } from './list-schemes';
import { roundRoutes } from './rounds/routes';
import {
  CreateSchemeInput,
  ImportSchemeQuery,
  ImportVersionQuery,
  NewVersionInput,
  SchemeVersionQuery,
} from './schemas';

const read = requirePermission('evaluation.read');
const manage = requirePermission('evaluation.manage');

/** Evaluation schemes (评估指标体系) and rounds (评估), mounted under `/evaluation`. */
export const evaluationRoutes = new Hono<AppEnv>()
  .route('/rounds', roundRoutes)
  .get('/schemes', read, async (c) => c.json(await listSchemes(serviceContext(c))))
  .post('/schemes', manage, async (c) => {
    const input = await jsonBody(c, CreateSchemeInput);
    return c.json({ scheme: await createScheme(serviceContext(c), input) }, 201);
  })
  .post('/schemes/import', manage, async (c) => {
    const query = queryParams(c, ImportSchemeQuery);
    const bytes = await readLimited(c.req.raw.body, MAX_SHEET_BYTES, '表格文件', '请删去多余内容后再导入');
    return c.json({ scheme: await importScheme(serviceContext(c), query, bytes) }, 201);
  })
  .get('/schemes/:id', read, async (c) => {
    const id = pathId(c);
    const { version } = queryParams(c, SchemeVersionQuery);
    return c.json({ scheme: await getScheme(serviceContext(c), id, version) });
  })
  .post('/schemes/:id/versions', manage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, NewVersionInput);
    return c.json({ scheme: await addSchemeVersion(serviceContext(c), id, input) }, 201);
  })
  .post('/schemes/:id/versions/import', manage, async (c) => {
    const id = pathId(c);
    const { note } = queryParams(c, ImportVersionQuery);
    const bytes = await readLimited(c.req.raw.body, MAX_SHEET_BYTES, '表格文件', '请删去多余内容后再导入');
    return c.json({ scheme: await importSchemeVersion(serviceContext(c), id, note, bytes) }, 201);
  })
  .get('/schemes/:id/export.xlsx', read, async (c) => {
    const id = pathId(c);
    const { version } = queryParams(c, SchemeVersionQuery);
    const { scheme, bytes } = await exportScheme(serviceContext(c), id, version);
    return xlsxDownload(
      bytes,
      `${scheme.name}（第${scheme.version}版）.xlsx`,
      `scheme-${scheme.version}.xlsx`,
    );
  });
