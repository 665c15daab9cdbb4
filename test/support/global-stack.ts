import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startThrowawayStack } from '../../worker/local/throwaway-stack';
import { TEST_PASSWORD, TEST_TENANTS } from './tenants';

export interface StackInfo {
  url: string;
  /** POST here to run the Worker's Cron Trigger once (a loopback helper of the test harness). */
  schedulerUrl: string;
  sqld: { httpUrl: string; adminUrl: string };
  password: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

/** One real stack per test project: sqld in a temporary folder, the Worker in workerd, two tenants. */
export default async function setup(project: TestProject) {
  const stack = await startThrowawayStack(TEST_TENANTS, TEST_PASSWORD);
  // Test files run in other processes; this loopback endpoint lets them fire the Cron Trigger.
  const scheduler = createServer((req, res) => {
    stack
      .runScheduled(new URL(req.url ?? '/', 'http://x').searchParams.get('cron') ?? '*/30 * * * *')
      .then((result) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
      )
      .catch((error) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => scheduler.listen(0, '127.0.0.1', resolve));
  const address = scheduler.address() as AddressInfo;
  project.provide('stack', {
    url: stack.url,
    schedulerUrl: `http://127.0.0.1:${address.port}/`,
    sqld: { httpUrl: stack.sqld.httpUrl, adminUrl: stack.sqld.adminUrl },
    password: TEST_PASSWORD,
  });
  return async () => {
    scheduler.close();
    await stack.stop();
  };
}
