import type { Context } from 'hono';
import type { AppEnv, TenantRecord } from './context';
import { AppError } from './errors';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type from the file's first bytes; the declared content type is never trusted. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Photos arrive compressed by the browser; this is the ceiling for anything that slipped through. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

function tooLarge(maxBytes: number, what: string, advice: string) {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `${what}不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB，${advice}。`,
  );
}

/** Oversized bodies up to this size are read to their end and dropped before the 413. */
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Reads and drops the rest of a body. Answering before the client has finished sending makes the
 * server close the connection, and the client (a browser's fetch included) sees a reset instead of
 * our Chinese 413, so a body up to `limit` is read to its end first; past it the reading stops and
 * the connection is cut. True when the body was read to its end.
 */
export async function discardRest(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit = DRAIN_LIMIT_BYTES,
): Promise<boolean> {
  let size = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a request body as bytes up to `maxBytes`; a longer one is a 413 (its rest drained, see
 * `discardRest`), an empty one a 400.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  what: string,
  advice = '请压缩后重新上传',
) {
  if (!body) throw new AppError('BAD_REQUEST', `请选择要上传的${what}。`);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await discardRest(reader);
      throw tooLarge(maxBytes, what, advice);
    }
    chunks.push(read.value);
  }
  if (size === 0) throw new AppError('BAD_REQUEST', `上传的${what}是空的，请重新选择。`);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** An uploaded image from a raw request body (`content-type: image/*`), checked by its bytes. */
export async function readImageBody(c: Context<AppEnv>) {
  return checkImage(await readLimited(c.req.raw.body, MAX_IMAGE_BYTES, '图片'));
}

export function checkImage(bytes: Uint8Array) {
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw tooLarge(MAX_IMAGE_BYTES, '图片', '请压缩后重新上传');
  const type = sniffImage(bytes);
  if (!type) throw new AppError('UNSUPPORTED_FILE');
  return { bytes, type };
}

/** Every object of a tenant lives under its own prefix, so no key of one tenant can name another's. */
export function fileKey(tenant: Pick<TenantRecord, 'slug'>, ...parts: string[]) {
  return ['t', tenant.slug, ...parts].join('/');
}

/** Serves a stored file with headers that stop browsers from guessing a type or running it. */
export async function serveFile(c: Context<AppEnv>, key: string, cache: 'private' | 'public') {
  const object = await c.env.FILES.get(key);
  if (!object) throw new AppError('NOT_FOUND');
  const headers = new Headers({
    'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': cache === 'public' ? 'public, max-age=300' : 'private, max-age=300',
    etag: object.httpEtag,
  });
  return new Response(object.body, { headers });
}
