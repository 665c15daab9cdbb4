/**
 * `npm run bench`: figures from the local stack (sqld + workerd through Miniflare), one JSON
 * object per line: {"name", "value", "unit"}. Later issues add their own names here.
 * The stack is seeded with the three demo tenants in a temporary folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { DEMO_TENANTS } from '../tenants/demo';
import { hashPassword } from '../worker/auth/password';
import { WEB_DIST } from '../worker/local/stack';
import { startThrowawayStack } from '../worker/local/throwaway-stack';
import { benchBalance } from './balance';
import { balanceTenant, benchBalanceEndpoint } from './balance-endpoint';
import { percentile } from './common';
import { benchCompliance, complianceTenant } from './compliance';
import { benchEvaluation, evaluationTenant } from './evaluation';
import { benchLoop, loopTenant } from './loop';
import { BENCH_SLUG, benchOrganization, benchTenant } from './org';
import { benchSurveyPage } from './survey-page';
import { benchTeaching, teachingTenant } from './teaching';
import { benchVisitPage } from './visit-page';

const root = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'Bench-password-2026';
const SAMPLES = 200;

function emit(name: string, value: number, unit: string) {
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }));
}

async function timeRequests(url: string, init: RequestInit, samples = SAMPLES): Promise<number[]> {
  for (let i = 0; i < 10; i++) await (await fetch(url, init)).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const res = await fetch(url, init);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Gzipped size of the JavaScript index.html loads before the sign-in page can work. */
function initialJsGzipKb(): number {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const sources = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g)) sources.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g))
    sources.add(m[1] as string);
  let bytes = 0;
  for (const src of sources) bytes += gzipSync(readFileSync(join(WEB_DIST, src))).length;
  for (const m of html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)) {
    bytes += gzipSync(Buffer.from(m[1] as string)).length;
  }
  return bytes / 1024;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/**
 * Gzipped JavaScript a lazy page adds to the initial load: its chunk and the chunks it imports,
 * less those the entry already loads. The public board is what a parent opens after scanning the
 * poster, on whatever phone they have.
 */
function lazyPageJsGzipKb(source: string): number {
  const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const closure = (key: string, seen: Set<string>) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const child of manifest[key]?.imports ?? []) closure(child, seen);
    return seen;
  };
  const entry = manifest['index.html']
    ? 'index.html'
    : (Object.keys(manifest).find((k) => manifest[k]?.isEntry) as string);
  const initial = closure(entry, new Set());
  const page = Object.keys(manifest).find((k) => k.endsWith(source));
  if (!page) throw new Error(`${source} is not in the build`);
  let bytes = 0;
  for (const key of closure(page, new Set())) {
    if (!initial.has(key))
      bytes += gzipSync(readFileSync(join(WEB_DIST, manifest[key]?.file as string))).length;
  }
  return bytes / 1024;
}

await build({ configFile: `${root}vite.config.ts`, logLevel: 'warn', build: { manifest: true } });
emit('web.initial_js_gzip_kb', initialJsGzipKb(), 'KB');
emit('board.page_js_gzip_kb', initialJsGzipKb() + lazyPageJsGzipKb('modules/board/BoardPage.tsx'), 'KB');

const hashTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  const started = performance.now();
  await hashPassword('bench-password');
  hashTimes.push(performance.now() - started);
}
emit('auth.password_hash_ms', percentile(hashTimes, 50), 'ms');
await benchBalance(emit);

const stack = await startThrowawayStack(
  [
    ...DEMO_TENANTS,
    benchTenant(),
    loopTenant(),
    complianceTenant(),
    teachingTenant(),
    balanceTenant(),
    evaluationTenant(),
  ],
  PASSWORD,
);
try {
  const json = { 'content-type': 'application/json' };
  const login = async (path: string, username: string) => {
    const res = await fetch(`${stack.url}${path}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  };

  emit('api.health.p50_ms', percentile(await timeRequests(`${stack.url}/api/health`, {}), 50), 'ms');

  const cookie = await login('/api/t/demo-county/auth/login', 'admin');
  const config = await timeRequests(`${stack.url}/api/t/demo-county/config`, { headers: { cookie } });
  emit('api.config.p95_ms', percentile(config, 95), 'ms');
  const me = await timeRequests(`${stack.url}/api/t/demo-county/me`, { headers: { cookie } });
  emit('api.me.p95_ms', percentile(me, 95), 'ms');
  const unitsList = await timeRequests(`${stack.url}/api/t/demo-county/units?pageSize=20`, {
    headers: { cookie },
  });
  emit('api.units.p95_ms', percentile(unitsList, 95), 'ms');

  const logins: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await login('/api/t/demo-college/auth/login', 'inspector1');
    logins.push(performance.now() - started);
  }
  emit('auth.login.p50_ms', percentile(logins, 50), 'ms');

  const province = await login('/api/province/auth/login', 'province');
  const overview = await timeRequests(
    `${stack.url}/api/province/tenants`,
    { headers: { cookie: province } },
    50,
  );
  emit('province.tenants.p95_ms', percentile(overview, 95), 'ms');

  const benchAdmin = await login(`/api/t/${BENCH_SLUG}/auth/login`, 'admin');
  await benchOrganization(stack, benchAdmin, emit, timeRequests, percentile);
  await benchVisitPage(stack, PASSWORD, emit);
  await benchSurveyPage(stack, PASSWORD, emit);
  await benchTeaching(stack, PASSWORD, emit);
  await benchLoop(stack, PASSWORD, emit);
  await benchCompliance(stack, PASSWORD, emit);
  await benchBalanceEndpoint(stack, PASSWORD, emit);
  await benchEvaluation(stack, PASSWORD, emit);
} finally {
  await stack.stop();
}
