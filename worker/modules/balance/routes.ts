import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { readLimited } from '../../files';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { MAX_SHEET_BYTES } from '../../spreadsheet/file';
import { xlsxDownload } from '../../spreadsheet/write';
import { jsonBody, pathId } from '../../validation';
import { balanceXlsx } from './export-xlsx';
import { importFigures } from './import-figures';
import { balanceTrend, listYears } from './list-years';
import { saveFigures } from './save-figures';
import { FiguresInput } from './schemas';
import { parseSchoolYear } from './scope';
import { yearCoefficients } from './year-coefficients';
import { yearSchools } from './year-schools';

const read = requirePermission('balance.read');
const edit = requirePermission('balance.edit');

/** Balanced-development monitoring (差异系数), tenant-wide; a college has no schools and gets empty lists. */
export const balanceRoutes = new Hono<AppEnv>()
  .get('/balance/years', read, async (c) => c.json(await listYears(serviceContext(c))))
  .get('/balance/trend', read, async (c) => c.json(await balanceTrend(serviceContext(c))))
  .get('/balance/years/:year/schools', read, async (c) =>
    c.json(await yearSchools(serviceContext(c), parseSchoolYear(c.req.param('year')))),
  )
  .get('/balance/years/:year/coefficients', read, async (c) =>
    c.json(await yearCoefficients(serviceContext(c), parseSchoolYear(c.req.param('year')))),
  )
  .get('/balance/years/:year/export.xlsx', read, async (c) => {
    const year = parseSchoolYear(c.req.param('year'));
    const { bytes, label } = await balanceXlsx(serviceContext(c), year);
    return xlsxDownload(bytes, `均衡监测-${label}.xlsx`, `balance-${year}.xlsx`);
  })
  .put('/balance/years/:year/schools/:unitId', edit, async (c) => {
    const year = parseSchoolYear(c.req.param('year'));
    const unitId = pathId(c, 'unitId');
    const input = await jsonBody(c, FiguresInput);
    return c.json(await saveFigures(serviceContext(c), year, unitId, input));
  })
  .post('/balance/years/:year/import', edit, async (c) => {
    const year = parseSchoolYear(c.req.param('year'));
    const bytes = await readLimited(c.req.raw.body, MAX_SHEET_BYTES, '表格文件', '请拆分后分别导入');
    return c.json(await importFigures(serviceContext(c), year, bytes));
  });
