/**
 * Where tenant databases come from. Locally and in self-hosting: namespaces of one sqld.
 * In production: Turso databases created through its Platform API. Both are safe to call
 * again for a database that already exists, so provisioning can resume after a failure.
 */
/** Local databases are addressed as `http://<namespace>.db.internal`, the same shape as a Turso URL. */
export const LOCAL_DB_HOST_SUFFIX = '.db.internal';
export const LOCAL_SQLD_ADMIN_URL = 'http://admin.sqld.internal';

export function localDbUrl(namespace: string): string {
  return `http://${namespace}${LOCAL_DB_HOST_SUFFIX}`;
}

export function isLocalDbUrl(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith(LOCAL_DB_HOST_SUFFIX);
  } catch {
    return false;
  }
}

export interface DatabaseProvider {
  readonly kind: 'sqld' | 'turso';
  ensureDatabase(name: string): Promise<{ url: string }>;
}

export class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderError';
  }
}

export class SqldProvider implements DatabaseProvider {
  readonly kind = 'sqld';
  constructor(
    /** Base URL of the sqld admin API (in the Worker: http://admin.sqld.internal, routed by Miniflare). */
    private readonly adminUrl: string,
    /** URL a client uses to reach a namespace, e.g. name => `http://${name}.db.internal`. */
    private readonly urlFor: (name: string) => string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async ensureDatabase(name: string): Promise<{ url: string }> {
    const res = await this.fetchImpl(`${this.adminUrl}/v1/namespaces/${encodeURIComponent(name)}/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (!res.ok) {
      const text = await res.text();
      if (!text.includes('already exists')) {
        throw new ProviderError(`sqld refused to create namespace ${name}: ${res.status} ${text}`);
      }
    }
    return { url: this.urlFor(name) };
  }
}

export interface TursoSettings {
  apiToken: string;
  organization: string;
  group: string;
}

/** https://docs.turso.tech/api-reference/databases/create */
export class TursoProvider implements DatabaseProvider {
  readonly kind = 'turso';
  constructor(
    private readonly settings: TursoSettings,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  private api(path: string, init?: RequestInit): Promise<Response> {
    return this.fetchImpl(`https://api.turso.tech/v1/organizations/${this.settings.organization}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${this.settings.apiToken}`, 'content-type': 'application/json' },
    });
  }

  async ensureDatabase(name: string): Promise<{ url: string }> {
    const created = await this.api('/databases', {
      method: 'POST',
      body: JSON.stringify({ name, group: this.settings.group }),
    });
    let res = created;
    if (created.status === 409) res = await this.api(`/databases/${encodeURIComponent(name)}`);
    if (!res.ok) throw new ProviderError(`Turso refused database ${name}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { database?: { Hostname?: string } };
    const hostname = body.database?.Hostname;
    if (!hostname) throw new ProviderError(`Turso answered without a hostname for ${name}`);
    return { url: `https://${hostname}` };
  }
}

/** Database names: tenants get `t-<slug>`, the control plane is `control`. */
export function tenantDatabaseName(slug: string): string {
  return `t-${slug}`;
}
export const CONTROL_DATABASE_NAME = 'control';
