/**
 * Runs the daily overdue job once on this machine's data: `npx tsx worker/local/run-overdue.ts
 * [--date YYYY-MM-DD]`. Miniflare never fires Cron Triggers by itself, so the demo (`npm start`)
 * uses this to mark findings past their deadline and escalate them; `--date` runs it as on that
 * Beijing day at 01:00 (e.g. a week ahead, to see the director told). It uses the sqld of a running
 * `npm start`, or starts one on .data/ for the duration of the command. Tests fire the same job
 * through Miniflare's scheduled() with cron `0 17 * * *` (see test/support/global-stack.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { localDatabases, prepareControlPlane } from '../../db/local/connections';
import type { LocalSqldAddress } from '../../db/local/fetch';
import { type RunningSqld, startSqld } from '../../db/local/sqld';
import { beijingDate, isCalendarDate } from '../dates';
import { runOverdueJob } from '../modules/findings/overdue-job';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function runningSqld(): Promise<LocalSqldAddress | null> {
  const file = `${root}.data/sqld.json`;
  if (!existsSync(file)) return null;
  const address = JSON.parse(readFileSync(file, 'utf8')) as LocalSqldAddress;
  try {
    return (await fetch(`${address.httpUrl}/health`)).ok ? address : null;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { date: { type: 'string' } } });
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    console.error('--date 应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01');
    return 2;
  }
  // 01:00 Beijing of that day, when the Cron Trigger fires.
  const now = values.date ? new Date(Date.parse(`${values.date}T01:00:00+08:00`)) : new Date();
  let owned: RunningSqld | null = null;
  let address = await runningSqld();
  if (!address) {
    owned = await startSqld({ dataDir: `${root}.data`, httpPort: 18092, adminPort: 18093 });
    address = owned;
  }
  try {
    const control = await prepareControlPlane(address);
    const dbs = localDatabases(address);
    const result = await runOverdueJob(control, dbs.tenant, now);
    console.log(
      `逾期检查完成（北京时间 ${beijingDate(now)} 01:00）：${result.ok} 个督导机构完成，${result.failed} 个失败；` +
        `新标记逾期 ${result.marked} 条，告知主任 ${result.escalated} 条；重点关注教师提醒 ${result.priorityWarnings} 条。`,
    );
    return result.failed > 0 ? 1 : 0;
  } finally {
    await owned?.stop();
  }
}

process.exit(await main());
