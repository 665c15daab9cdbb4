import { inject } from 'vitest';
import { localDatabases } from '../../db/local/connections';

export const stack = inject('stack');

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiOptions {
  method?: string;
  body?: unknown;
  /** A raw body (sent as is): malformed input, or a file upload with its content-type header. */
  rawBody?: string | Uint8Array;
  cookie?: string;
  headers?: Record<string, string>;
}

/**
 * A client address from the documentation range, different on every call. Cloudflare sets
 * cf-connecting-ip on every request (Miniflare sets 127.0.0.1 when it is missing), and per-address
 * rate limits key on it: tests that are not about those limits must not share one counter.
 * Tests of the limits pass their own fixed address.
 */
export function randomClientIp(): string {
  const byte = () => Math.floor(Math.random() * 256);
  return `2001:db8:${byte().toString(16)}${byte().toString(16)}::${byte().toString(16)}${byte().toString(16)}`;
}

/** Calls the Worker like the web app does: JSON in, JSON out, with the session cookie if given. */
export async function api<T = any>(path: string, options: ApiOptions = {}): Promise<ApiResponse<T>> {
  // One connection per request: a server may close an idle kept-alive connection at any moment
  // (normal HTTP); browsers retry such a request silently, Node's fetch fails it.
  const headers: Record<string, string> = {
    connection: 'close',
    'cf-connecting-ip': randomClientIp(),
    ...options.headers,
  };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | Uint8Array | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${stack.url}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    redirect: 'manual',
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export function cookieFrom(res: ApiResponse): string {
  const header = res.headers.get('set-cookie');
  if (!header) throw new Error(`no cookie in response ${res.status} ${JSON.stringify(res.body)}`);
  return header.split(';')[0] as string;
}

export async function signIn(tenant: string, username: string, password = stack.password): Promise<string> {
  const res = await api(`/api/t/${tenant}/auth/login`, { body: { username, password } });
  if (res.status !== 200)
    throw new Error(`sign-in ${tenant}/${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return cookieFrom(res);
}

export async function signInPlatform(username: string, password = stack.password): Promise<string> {
  const res = await api('/api/province/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`platform sign-in ${username} failed: ${res.status}`);
  return cookieFrom(res);
}

/** Direct database access, for checking what a request did or did not write. */
export function databases() {
  return localDatabases(stack.sqld);
}

export async function tenantDbOf(slug: string) {
  const dbs = databases();
  const row = await dbs.control().query.tenants.findFirst({ where: (t, { eq }) => eq(t.slug, slug) });
  if (!row) throw new Error(`no tenant ${slug}`);
  return dbs.tenant(row.dbUrl);
}

export function expectErrorShape(res: ApiResponse, status: number, code: string) {
  if (res.status !== status || res.body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  const error = res.body.error;
  if (typeof error.message !== 'string' || !/[\u4e00-\u9fff]/.test(error.message)) {
    throw new Error(`error message is not Chinese: ${JSON.stringify(error)}`);
  }
  if (typeof error.requestId !== 'string' || error.requestId.length < 8) {
    throw new Error(`error without requestId: ${JSON.stringify(error)}`);
  }
}
