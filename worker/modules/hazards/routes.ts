import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { xlsxDownload } from '../../spreadsheet/write';
import { queryParams } from '../../validation';
import { hazardLedgerXlsx } from './ledger-xlsx';
import { overdueFindings } from './overdue-lists';
import { listHazards } from './register';
import { HazardsExportQuery, HazardsQuery } from './schemas';

const read = requirePermission('dashboard.read');

/** Tenant-wide: the safety hazard register (隐患台账) and the overdue lists per unit and zone. */
export const hazardsRoutes = new Hono<AppEnv>()
  .get('/hazards', read, async (c) => {
    const query = queryParams(c, HazardsQuery);
    return c.json(await listHazards(serviceContext(c), query));
  })
  .get('/hazards.xlsx', read, async (c) => {
    const query = queryParams(c, HazardsExportQuery);
    const { bytes, today } = await hazardLedgerXlsx(serviceContext(c), query);
    return xlsxDownload(bytes, `隐患台账-${today}.xlsx`, `hazards-${today}.xlsx`);
  })
  .get('/findings/overdue', read, async (c) => c.json(await overdueFindings(serviceContext(c))));
