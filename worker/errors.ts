import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error code the API can answer with, its HTTP status and the default Chinese message. */
export const ERROR_CODES = {
  BAD_REQUEST: [400, '请求有误，请检查后重试。'],
  INVALID_JSON: [400, '请求内容不是有效的 JSON，请检查格式。'],
  UNSUPPORTED_MEDIA_TYPE: [415, '请以 application/json 格式提交。'],
  VALIDATION_FAILED: [422, '提交的内容有误，请按提示修改。'],
  UNAUTHENTICATED: [401, '请先登录。'],
  INVALID_CREDENTIALS: [401, '用户名或密码错误。'],
  FORBIDDEN: [403, '您没有权限进行此操作。'],
  CSRF_REJECTED: [403, '请求来源不被信任，请从本站页面重新操作。'],
  TENANT_SUSPENDED: [403, '该单位的账号已停用，请联系平台运营人员。'],
  MODULE_DISABLED: [403, '本单位未开通该模块，请联系管理员在单位配置中开启。'],
  NOT_FOUND: [404, '未找到请求的内容，请检查网址。'],
  CONFLICT: [409, '数据已被修改或已存在，请刷新后重试。'],
  PAYLOAD_TOO_LARGE: [413, '提交的内容过大，请精简后重试。'],
  UNSUPPORTED_FILE: [415, '文件格式不支持，请上传 JPG、PNG 或 WebP 图片。'],
  RATE_LIMITED: [429, '操作过于频繁，请稍后再试。'],
  ACCOUNT_LOCKED: [423, '账号已被临时锁定，请稍后再试。'],
  ACCOUNT_DISABLED: [403, '该账号已停用，请联系本单位管理员。'],
  PASSWORD_CHANGE_REQUIRED: [403, '首次登录或密码被重置后，请先修改密码再继续操作。'],
  DATABASE_UNAVAILABLE: [503, '数据服务暂时不可用，请稍后重试。'],
  PROVISIONING_FAILED: [502, '开通过程中出现问题，已保存进度，请稍后重新操作。'],
  INTERNAL: [500, '服务器出现异常，请稍后重试；如多次出现请联系平台运营人员。'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? ERROR_CODES[code][1]);
    this.name = 'AppError';
  }

  get status(): ContentfulStatusCode {
    return ERROR_CODES[this.code][0] as ContentfulStatusCode;
  }
}

export function validationError(issues: FieldIssue[], message?: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues });
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown>; requestId: string };
}

/** A libSQL server that answered with an error status or could not be reached (not a bad statement). */
function isDatabaseUnavailable(err: unknown): boolean {
  // drizzle wraps the client's error in its own; follow the causes.
  for (
    let e = err as { name?: string; code?: string; cause?: unknown } | null, depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (e.name === 'LibsqlError') {
      return e.code === 'SERVER_ERROR' || e.code === 'HRANA_WEBSOCKET_ERROR' || e.cause instanceof TypeError;
    }
    e = e.cause as typeof e;
  }
  return false;
}

/** The one place where errors become responses. Unknown errors are logged and hidden. */
export function errorResponse(err: unknown, c: Context): Response {
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  let appError: AppError;
  if (err instanceof AppError) {
    appError = err;
  } else if (isDatabaseUnavailable(err)) {
    console.error(JSON.stringify({ level: 'error', requestId, error: String(err) }));
    appError = new AppError('DATABASE_UNAVAILABLE');
  } else {
    console.error(
      JSON.stringify({ level: 'error', requestId, error: String(err), stack: (err as Error)?.stack }),
    );
    appError = new AppError('INTERNAL');
  }
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details ? { details: appError.details } : {}),
      requestId,
    },
  };
  const res = c.json(body, appError.status);
  const retryAfter = appError.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.headers.set('retry-after', String(retryAfter));
  return res;
}
