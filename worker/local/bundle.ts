import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const WORKER_BUNDLE = fileURLToPath(new URL('../../.build/worker.js', import.meta.url));

/** Bundles the Worker the way wrangler would (ESM, workerd conditions) for Miniflare. */
export async function bundleWorker(): Promise<string> {
  await build({
    entryPoints: [fileURLToPath(new URL('../index.ts', import.meta.url))],
    outfile: WORKER_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return WORKER_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleWorker();
  console.log(WORKER_BUNDLE);
}
