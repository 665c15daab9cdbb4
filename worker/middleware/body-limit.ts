import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context';
import { AppError, errorResponse } from '../errors';
import { discardRest } from '../files';

/** JSON bodies above this size are refused (files go to R2 through their own endpoints). */
export const MAX_JSON_BYTES = 64 * 1024;
/**
 * A checklist template at its item limit (300 items with guidance and rules, about 240 bytes each
 * in the shipped ones) needs more; its schema bounds the content itself.
 */
export const MAX_TEMPLATE_BYTES = 256 * 1024;
/** Oversized JSON bodies up to this size are drained before answering (see `discardRest`). */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

async function drain(request: Request): Promise<boolean> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (!request.body || request.bodyUsed || !(declared <= DRAIN_LIMIT_BYTES)) return false;
  return discardRest(request.body.getReader(), DRAIN_LIMIT_BYTES);
}

/**
 * File uploads (photos, evidence, spreadsheets) are read by their handlers with their own ceilings
 * (`readLimited`).
 */
const UPLOAD_PATH =
  /^\/api\/t\/[^/]+\/(?:.+\/photo|imports\/[a-z-]+|balance\/years\/\d+\/import|evaluation\/schemes\/(?:[^/]+\/versions\/)?import|evaluation\/rounds\/[^/]+\/units\/[^/]+\/evidence|(?:teaching|study|management|safety)\/evidence\/[^/]+)$/;

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
