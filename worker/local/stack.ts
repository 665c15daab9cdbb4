import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { routeToLocalSqld } from '../../db/local/fetch';
import { type RunningSqld, startSqld } from '../../db/local/sqld';
import { CONTROL_DATABASE_NAME, LOCAL_SQLD_ADMIN_URL, localDbUrl } from '../../db/provider';
import { bundleWorker } from './bundle';

/** The built web app. DUDAO_WEB_DIST points elsewhere, so parallel builds never swap files under a running test. */
export const WEB_DIST =
  process.env.DUDAO_WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Miniflare's workerd would outlive a Node process that is killed outright (kill -9, a crashed
 * terminal) and keep the port busy. A watchdog shell holds a pipe from us; when it closes, it
 * stops our child processes. Linux only (reads /proc); elsewhere Ctrl-C still stops everything.
 */
function guardChildren(): void {
  let pids: string[] = [];
  try {
    for (const task of readdirSync('/proc/self/task')) {
      pids.push(
        ...readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
      );
    }
  } catch {
    return;
  }
  pids = [...new Set(pids)];
  if (pids.length === 0) return;
  const watchdog = spawn('sh', ['-c', `read -r _ || true; kill ${pids.join(' ')} 2>/dev/null`], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void }).unref?.();
}

export interface LocalStack {
  url: string;
  /** Runs the Worker's Cron Trigger once, as Cloudflare would. */
  runScheduled(cron: string): Promise<{ outcome: string }>;
  sqld: RunningSqld;
  miniflare: Miniflare;
  stop(): Promise<void>;
}

/**
 * The whole local stack: the real sqld, and the Worker bundle in workerd through Miniflare with
 * the built web app as its static assets. The Worker reaches databases at `*.db.internal`, which
 * Miniflare's outbound service hands to sqld.
 */
export async function startLocalStack(options: {
  dataDir: string;
  port: number;
  sqldHttpPort?: number;
  sqldAdminPort?: number;
  beforeWorker?: (sqld: RunningSqld) => Promise<void>;
}): Promise<LocalStack> {
  if (!existsSync(`${WEB_DIST}/index.html`)) {
    throw new Error('web/dist is missing: run `npm run build:web` first');
  }
  const sqld = await startSqld({
    dataDir: options.dataDir,
    httpPort: options.sqldHttpPort ?? (await freePort()),
    adminPort: options.sqldAdminPort ?? (await freePort()),
  });
  try {
    await options.beforeWorker?.(sqld);
    const scriptPath = await bundleWorker();
    const miniflare = new Miniflare({
      modules: true,
      scriptPath,
      compatibilityDate: '2026-04-01',
      host: '127.0.0.1',
      port: options.port,
      // Miniflare's R2, kept on disk beside the databases so files survive a restart like the data does.
      r2Buckets: ['FILES'],
      r2Persist: `${options.dataDir}/r2`,
      bindings: {
        CONTROL_DB_URL: localDbUrl(CONTROL_DATABASE_NAME),
        DB_PROVIDER: 'sqld',
        SQLD_ADMIN_URL: LOCAL_SQLD_ADMIN_URL,
      },
      assets: {
        directory: WEB_DIST,
        binding: 'ASSETS',
        routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
        assetConfig: { not_found_handling: 'single-page-application' },
      },
      outboundService: async (request: Request) => (await routeToLocalSqld(request, sqld)) ?? fetch(request),
    });
    const url = (await miniflare.ready).toString().replace(/\/$/, '');
    guardChildren();
    return {
      url,
      sqld,
      miniflare,
      runScheduled: async (cron) => (await miniflare.getWorker()).scheduled({ cron }),
      stop: async () => {
        await miniflare.dispose();
        await sqld.stop();
      },
    };
  } catch (error) {
    await sqld.stop();
    throw error;
  }
}
