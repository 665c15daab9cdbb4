import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionDemo } from '../../tenants/demo/provision-demo';
import type { DemoTenant } from '../../tenants/demo/types';
import { type LocalStack, startLocalStack } from './stack';

/** A stack in a temporary folder with the given tenants, gone without a trace when stopped (tests, bench). */
export async function startThrowawayStack(tenants: DemoTenant[], password: string): Promise<LocalStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dudao-'));
  try {
    const stack = await startLocalStack({
      dataDir,
      port: 0,
      beforeWorker: async (sqld) => {
        await provisionDemo(sqld, tenants, password);
      },
    });
    return {
      ...stack,
      stop: async () => {
        await stack.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
