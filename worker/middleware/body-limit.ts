import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context';
import { AppError, errorResponse } from '../errors';

/** JSON bodies above this size are refused (files go to R2 through their own endpoints). */
export const MAX_JSON_BYTES = 64 * 1024;
/**
 * A checklist template at its item limit (300 items with guidance and rules, about 240 bytes each
 * in the shipped ones) needs more; its schema bounds the content itself.
 */
export const MAX_TEMPLATE_BYTES = 256 * 1024;
/** Oversized bodies up to this size are read and dropped before answering. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/**
 * Answering before the client has finished sending makes the server close the connection, and
 * the client sees a reset instead of our Chinese 413 (or a later request on that kept-alive
 * connection fails). So a moderately oversized body is drained first; a huge one gets
 * `connection: close`.
 */
async function drain(request: Request): Promise<boolean> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (!request.body || request.bodyUsed || !(declared <= DRAIN_LIMIT_BYTES)) return false;
  try {
    const reader = request.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      // discard
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * File uploads (photos, spreadsheets) are read by their handlers with their own ceilings
 * (`readLimited`), which stop reading as soon as a body passes it.
 */
const UPLOAD_PATH = /^\/api\/t\/[^/]+\/(?:.+\/photo|imports\/[a-z-]+)$/;

export function isUploadPath(path: string): boolean {
  return UPLOAD_PATH.test(path);
}

function limitTo(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: async (c) => {
      const drained = await drain(c.req.raw);
      const res = errorResponse(
        new AppError('PAYLOAD_TOO_LARGE', `提交的内容超过 ${maxSize / 1024} KB，请精简后重试。`),
        c,
      );
      if (!drained) res.headers.set('connection', 'close');
      return res;
    },
  });
}

const limitJson = limitTo(MAX_JSON_BYTES);
const limitTemplate = limitTo(MAX_TEMPLATE_BYTES);
const TEMPLATE_WRITE_PATH =
  /^\/api\/t\/[^/]+\/(?:teaching|study|management|safety)\/templates(?:\/[^/]+\/versions)?$/;

export const jsonBodyLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'POST' && isUploadPath(c.req.path)) return next();
  if (c.req.method === 'POST' && TEMPLATE_WRITE_PATH.test(c.req.path)) return limitTemplate(c, next);
  return limitJson(c, next);
};
