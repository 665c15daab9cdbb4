import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { xlsxDownload } from '../../spreadsheet/write';
import { jsonBody, pathId, queryParams } from '../../validation';
import { checksXlsx } from './checks-xlsx';
import { deleteCheck } from './delete-check';
import { listChecks } from './list-checks';
import { checksMatrix } from './matrix';
import { recordCheck } from './record-check';
import { ListChecksQuery, MatrixQuery, RecordCheckInput, UpdateCheckInput } from './schemas';
import { updateCheck } from './update-check';

const read = requirePermission('teaching_checks.read');
const record = requirePermission('teaching_checks.record');

/** Five-link checks (教学五环节): teaching only, mounted under `/teaching`. */
export const teachingChecksRoutes = new Hono<AppEnv>()
  .get('/checks', read, async (c) => {
    const query = queryParams(c, ListChecksQuery);
    return c.json(await listChecks(serviceContext(c), query));
  })
  .get('/checks/matrix', read, async (c) => {
    const query = queryParams(c, MatrixQuery);
    return c.json(await checksMatrix(serviceContext(c), query));
  })
  .get('/checks.xlsx', read, async (c) => {
    const query = queryParams(c, MatrixQuery);
    const { bytes, semester, label } = await checksXlsx(serviceContext(c), query);
    return xlsxDownload(bytes, `教学常规检查登记表-${label}.xlsx`, `teaching-checks-${semester}.xlsx`);
  })
  .post('/checks', record, async (c) => {
    const input = await jsonBody(c, RecordCheckInput);
    return c.json({ check: await recordCheck(serviceContext(c), input) }, 201);
  })
  .patch('/checks/:id', record, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, UpdateCheckInput);
    return c.json({ check: await updateCheck(serviceContext(c), id, input) });
  })
  .delete('/checks/:id', record, async (c) => {
    const id = pathId(c);
    return c.json(await deleteCheck(serviceContext(c), id));
  });
