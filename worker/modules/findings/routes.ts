import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { requirePermission } from '../../middleware/session';
import { serviceContext } from '../../service-context';
import { jsonBody, pathId, queryParams } from '../../validation';
import { moduleOf } from '../checklists/records';
import { createFinding } from './create-finding';
import { getFinding } from './get-finding';
import { listFindings, listMyFindings } from './list-findings';
import { noticeDocx } from './notice-docx';
import {
  CloseInput,
  FindingInput,
  ListFindingsQuery,
  MyFindingsQuery,
  RejectInput,
  ReportInput,
} from './schemas';
import { closeFinding, issueFinding, rejectFinding, reportFinding } from './steps';

const read = requirePermission('findings.read');
const manage = requirePermission('findings.manage');
const report = requirePermission('findings.report');

/** Findings of one module and their rectification, mounted under `/:module`. */
export const findingsRoutes = new Hono<AppEnv>()
  .get('/findings', read, async (c) => {
    const query = queryParams(c, ListFindingsQuery);
    return c.json(await listFindings(serviceContext(c), moduleOf(c), query));
  })
  .post('/findings', manage, async (c) => {
    const input = await jsonBody(c, FindingInput);
    return c.json({ finding: await createFinding(serviceContext(c), moduleOf(c), input) }, 201);
  })
  .get('/findings/:id', read, async (c) => {
    const id = pathId(c);
    return c.json({ finding: await getFinding(serviceContext(c), moduleOf(c), id) });
  })
  .get('/findings/:id/notice.docx', read, async (c) => {
    const id = pathId(c);
    return noticeDocx(serviceContext(c), moduleOf(c), id);
  })
  .post('/findings/:id/issue', manage, async (c) => {
    const id = pathId(c);
    return c.json({ finding: await issueFinding(serviceContext(c), moduleOf(c), id) });
  })
  .post('/findings/:id/report', report, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, ReportInput);
    return c.json({ finding: await reportFinding(serviceContext(c), moduleOf(c), id, input) });
  })
  .post('/findings/:id/close', manage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, CloseInput);
    return c.json({ finding: await closeFinding(serviceContext(c), moduleOf(c), id, input) });
  })
  .post('/findings/:id/reject', manage, async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, RejectInput);
    return c.json({ finding: await rejectFinding(serviceContext(c), moduleOf(c), id, input) });
  });

/** Tenant-wide: a unit manager's findings across modules, the hazard register. */
export const myFindingsRoutes = new Hono<AppEnv>().get('/my-findings', read, async (c) => {
  const query = queryParams(c, MyFindingsQuery);
  return c.json(await listMyFindings(serviceContext(c), query));
});
