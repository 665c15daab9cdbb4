import { LOCAL_DB_HOST_SUFFIX, LOCAL_SQLD_ADMIN_URL } from '../provider';

const LOCAL_SQLD_ADMIN_HOST = new URL(LOCAL_SQLD_ADMIN_URL).hostname;

/**
 * Maps a request for a `*.db.internal` database onto the local sqld: sqld picks the
 * namespace from the `x-namespace-bin` header (unpadded base64), since Node's fetch will not
 * let us set the Host header.
 */
function namespaceHeader(namespace: string): string {
  return Buffer.from(namespace, 'utf8').toString('base64').replace(/=+$/, '');
}

export interface LocalSqldAddress {
  /** e.g. http://127.0.0.1:18080 */
  httpUrl: string;
  /** e.g. http://127.0.0.1:18081 */
  adminUrl: string;
}

/** Rewrites a request for a `*.db.internal` or the admin host to the local sqld; null otherwise. */
export async function routeToLocalSqld(request: Request, sqld: LocalSqldAddress): Promise<Response | null> {
  const url = new URL(request.url);
  let target: string;
  const headers = new Headers(request.headers);
  headers.delete('host');
  if (url.hostname === LOCAL_SQLD_ADMIN_HOST) {
    target = sqld.adminUrl;
  } else if (url.hostname.endsWith(LOCAL_DB_HOST_SUFFIX)) {
    target = sqld.httpUrl;
    headers.set('x-namespace-bin', namespaceHeader(url.hostname.slice(0, -LOCAL_DB_HOST_SUFFIX.length)));
  } else {
    return null;
  }
  const body =
    request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return fetch(`${target}${url.pathname}${url.search}`, { method: request.method, headers, body });
}

export function localSqldFetch(sqld: LocalSqldAddress): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    return (await routeToLocalSqld(request, sqld)) ?? fetch(request);
  }) as typeof fetch;
}
