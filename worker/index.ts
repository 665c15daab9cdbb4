import { createApp } from './app';
import type { Env } from './env';
import { refreshTenantSnapshots } from './modules/province/snapshots';
import { controlDb } from './platform/databases';

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller: ScheduledController, env: Env) {
    const result = await refreshTenantSnapshots(env, controlDb(env));
    console.log(JSON.stringify({ level: 'info', job: 'snapshots', ...result }));
  },
} satisfies ExportedHandler<Env>;
