// The one typed client for the Worker's JSON API. Only types come from the server side, never code.
import type {
  ModuleKey,
  TenantConfig,
  TenantIdentity,
  TenantKind,
  UnitKind,
} from '../../tenants/config/schema';
import { texts } from './texts';

export type { ModuleKey, TenantConfig, TenantKind, UnitKind };

export type Role = 'admin' | 'director' | 'inspector' | 'unit_manager' | 'teacher' | 'viewer';
export type PlatformRole = 'province' | 'operator';
export type TenantStatus = 'pending' | 'active' | 'suspended';

export interface FieldIssue {
  path: string;
  message: string;
}

export interface TenantInfo {
  slug: string;
  name: string;
  kind: TenantKind;
}

export interface TenantUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  /** A first or reset password: the shell allows nothing but the password page until it is changed. */
  mustChangePassword: boolean;
}

export interface TenantSession {
  user: TenantUser;
  tenant: { slug: string; name: string; kind: TenantKind; regionCode: string };
}

export interface UnitRow {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  parentName: string | null;
  zoneName: string | null;
  enrolment: number | null;
  staffCount: number | null;
  status: 'active' | 'archived';
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UnitQuery {
  q?: string;
  kind?: string;
  page?: number;
  pageSize?: number;
}

export interface PlatformAccount {
  id: string;
  username: string;
  displayName: string;
  role: PlatformRole;
}

export interface TenantOverview extends TenantIdentity {
  status: TenantStatus;
  schemaVersion: number | null;
  unitCount: number | null;
  userCount: number | null;
  reachable: boolean;
  error: string | null;
  snapshotAt: string | null;
}

export interface TenantsOverview {
  generatedAt: string;
  latestSchemaVersion: number;
  tenants: TenantOverview[];
}

export interface CountyBalanceStage {
  stage: 'primary' | 'junior';
  schools: number;
  pass: boolean | null;
  schoolsMeetingMinimums: number;
  indicators: { key: string; cv: number | null; threshold: number; pass: boolean | null; missing: number }[];
}

export interface CountyBalance extends Pick<TenantIdentity, 'slug' | 'name' | 'kind' | 'regionCode'> {
  reachable: boolean;
  years: number[];
  year: number | null;
  schoolUnits?: number;
  noFigures?: number;
  excluded?: number;
  stages: CountyBalanceStage[] | null;
}

export interface BalanceOverview {
  generatedAt: string;
  year: number | null;
  years: number[];
  indicators: { key: string; short: string; label: string }[];
  counties: CountyBalance[];
}

export interface SignupForm {
  orgName: string;
  kind: TenantKind;
  regionCode: string;
  province: string;
  city: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  desiredSlug: string;
  note?: string;
}

export type SignupStatus = 'pending' | 'provisioning' | 'approved' | 'rejected';

/** An application as the operator sees it: the form's fields, with empty optional ones as null. */
export interface SignupApplication extends Omit<SignupForm, 'contactEmail' | 'note'> {
  id: string;
  contactEmail: string | null;
  note: string | null;
  status: SignupStatus;
  createdAt: string;
}

/** Every failure the UI sees: API errors keep the server's code and Chinese message; status 0 is the network. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get issues(): FieldIssue[] {
    const list = this.details?.issues;
    return Array.isArray(list) ? (list as FieldIssue[]) : [];
  }
}

/** Turns anything thrown into something with a Chinese message to show. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'CLIENT', texts.common.serverError);
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, unknown>; requestId?: string };
}

type UnauthorizedHandler = (err: ApiError) => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** A signed-in area registers where to go when its session ends; returns the cleanup. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): () => void {
  onUnauthorized = handler;
  return () => {
    if (onUnauthorized === handler) onUnauthorized = null;
  };
}

interface RequestOptions {
  /** Login and public calls: a 401 there is an answer for the form, not an expired session. */
  anonymous?: boolean;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A file sent as the raw body (photos, spreadsheets), with its own content type. */
export interface Upload {
  file: Blob;
  contentType: string;
}

function isUpload(body: unknown): body is Upload {
  return typeof body === 'object' && body !== null && (body as Upload).file instanceof Blob;
}

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (isUpload(body)) {
    headers['content-type'] = body.contentType;
    payload = body.file;
  } else if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
  }
  try {
    return await fetch(path, { method, credentials: 'same-origin', headers, body: payload });
  } catch {
    throw new ApiError(0, 'NETWORK', texts.common.networkError);
  }
}

async function failure(res: Response, opts: RequestOptions): Promise<ApiError> {
  let data: ErrorBody | undefined;
  try {
    data = (await res.json()) as ErrorBody;
  } catch {
    // A proxy's HTML error page or a cut-off body: nothing the user can act on but retrying.
    data = undefined;
  }
  const e = data?.error;
  const err = new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? texts.common.serverError,
    e?.details,
    e?.requestId,
  );
  if (res.status === 401 && !opts.anonymous && onUnauthorized) onUnauthorized(err);
  return err;
}

/** The one way the web app calls the API: JSON in and out, or an `Upload` as the body. */
export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}) {
  const res = await send(method, path, body);
  if (!res.ok) throw await failure(res, opts);
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', texts.common.serverError);
  }
}

/** Fetches a file (an .xlsx export, a template) and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path, undefined);
  if (!res.ok) throw await failure(res, {});
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A path of the tenant API: t('demo-county', 'units'). */
export const t = (slug: string, rest: string) => `/api/t/${encodeURIComponent(slug)}/${rest}`;

export function query(params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value !== undefined && value !== '') qs.set(key, String(value));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

export const api = {
  tenant: {
    info: (slug: string) =>
      request<{ tenant: TenantInfo }>('GET', t(slug, 'info'), undefined, { anonymous: true }),
    login: (slug: string, credentials: { username: string; password: string }) =>
      request<TenantSession>('POST', t(slug, 'auth/login'), credentials, { anonymous: true }),
    logout: (slug: string) =>
      request<unknown>('POST', t(slug, 'auth/logout'), undefined, { anonymous: true }),
    me: (slug: string) => request<TenantSession>('GET', t(slug, 'me')),
    changePassword: (slug: string, body: { currentPassword: string; newPassword: string }) =>
      request<{ user: TenantUser }>('POST', t(slug, 'auth/password'), body),
    config: (slug: string) => request<{ config: TenantConfig }>('GET', t(slug, 'config')),
    units: (slug: string, q: UnitQuery) => request<Paged<UnitRow>>('GET', t(slug, 'units') + query({ ...q })),
  },
  province: {
    login: (credentials: { username: string; password: string }) =>
      request<{ account: PlatformAccount }>('POST', '/api/province/auth/login', credentials, {
        anonymous: true,
      }),
    logout: () => request<unknown>('POST', '/api/province/auth/logout', undefined, { anonymous: true }),
    me: () => request<{ account: PlatformAccount }>('GET', '/api/province/me'),
    tenants: () => request<TenantsOverview>('GET', '/api/province/tenants'),
    balance: (year: number | null) =>
      request<BalanceOverview>('GET', `/api/province/balance${query({ year: year ?? undefined })}`),
    suspend: (slug: string) =>
      request<unknown>('POST', `/api/province/tenants/${encodeURIComponent(slug)}/suspend`),
    resume: (slug: string) =>
      request<unknown>('POST', `/api/province/tenants/${encodeURIComponent(slug)}/resume`),
    signups: (status: SignupStatus) =>
      request<{ applications: SignupApplication[] }>('GET', `/api/province/signups${query({ status })}`),
    approve: (id: string) =>
      request<{
        tenant: { slug: string; name: string };
        admin: { username: string; initialPassword: string };
      }>('POST', `/api/province/signups/${encodeURIComponent(id)}/approve`),
    reject: (id: string, reason: string) =>
      request<unknown>('POST', `/api/province/signups/${encodeURIComponent(id)}/reject`, { reason }),
  },
  signup: {
    submit: (form: SignupForm) =>
      request<{ application: { id: string; status: SignupStatus } }>('POST', '/api/signup', form, {
        anonymous: true,
      }),
  },
};
