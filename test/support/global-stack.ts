import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { provisionDemo } from '../../tenants/demo/provision-demo';
import { startLocalStack } from '../../worker/local/stack';
import { TEST_PASSWORD, TEST_TENANTS } from './tenants';

export interface StackInfo {
  url: string;
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
  const dataDir = mkdtempSync(join(tmpdir(), 'dudao-test-'));
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    beforeWorker: async (sqld) => {
      await provisionDemo(sqld, TEST_TENANTS, TEST_PASSWORD);
    },
  });
  project.provide('stack', {
    url: stack.url,
    sqld: { httpUrl: stack.sqld.httpUrl, adminUrl: stack.sqld.adminUrl },
    password: TEST_PASSWORD,
  });
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
