import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { beijingDate } from '../../dates';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { xlsxDownload } from '../../spreadsheet/write';
import { jsonBody, queryParams } from '../../validation';
import { complianceXlsx } from './compliance-xlsx';
import { getCompliance } from './get-compliance';
import { myCompliance } from './my-compliance';
import { observationsXlsx } from './observations-xlsx';
import { ComplianceQuery, MeQuery, ObservationsExportQuery, RemindersInput } from './schemas';
import { sendReminders } from './send-reminders';

const read = requirePermission('compliance.read');

/** Observation quotas (听课任务完成情况), reminders and the 督教 ledgers; teaching only, under `/teaching`. */
export const complianceRoutes = new Hono<AppEnv>()
  .get('/compliance', read, async (c) => {
    const query = queryParams(c, ComplianceQuery);
    return c.json(await getCompliance(serviceContext(c), query));
  })
  .get('/compliance.xlsx', read, async (c) => {
    const query = queryParams(c, ComplianceQuery);
    const { bytes, semester } = await complianceXlsx(serviceContext(c), query);
    return xlsxDownload(bytes, `听课任务完成情况-${semester}.xlsx`, `compliance-${semester}.xlsx`);
  })
  .get('/compliance/me', requirePermission('observations.read'), async (c) => {
    const query = queryParams(c, MeQuery);
    return c.json(await myCompliance(serviceContext(c), query));
  })
  .post('/compliance/reminders', requirePermission('compliance.remind'), async (c) => {
    const input = await jsonBody(c, RemindersInput);
    return c.json(await sendReminders(serviceContext(c), input));
  })
  .get('/observations.xlsx', requirePermission('observations.read'), async (c) => {
    const query = queryParams(c, ObservationsExportQuery);
    const bytes = await observationsXlsx(serviceContext(c), query);
    const day = beijingDate();
    return xlsxDownload(bytes, `听课记录台账-${day}.xlsx`, `observations-${day}.xlsx`);
  });
