import { createApp } from './app';
import type { Env } from './env';
import { OVERDUE_CRON, runOverdueJob } from './modules/findings/overdue-job';
import { refreshTenantSnapshots } from './modules/province/snapshots';
import { controlDb, tenantDb } from './platform/databases';

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Env) {
    // Each Cron Trigger of wrangler.toml runs its own job; any other (the half-hourly one) snapshots.
    if (controller.cron === OVERDUE_CRON) {
      const overdue = await runOverdueJob(controlDb(env), (dbUrl) => tenantDb(env, dbUrl, 20_000));
      console.log(JSON.stringify({ level: 'info', job: 'overdue', ...overdue }));
      return;
    }
    const result = await refreshTenantSnapshots(env, controlDb(env));
    console.log(JSON.stringify({ level: 'info', job: 'snapshots', ...result }));
  },
} satisfies ExportedHandler<Env>;
