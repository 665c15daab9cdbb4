import { sniffImage } from '../../../files';

/**
 * Which files a unit may upload as 佐证材料: documents, sheets, slides, photos and short videos —
 * what offices ask for (文本、会议记录、照片、课堂视频). The type is decided by the file's first bytes
 * and must agree with its extension; the declared content type is never trusted. Archives, scripts
 * and executables are refused.
 */

/** One file at most this size; longer videos belong on the school's own platform, linked in a note. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** Files per unit and round, so one unit cannot fill the bucket. */
export const MAX_EVIDENCE_FILES = 500;

export const ALLOWED_EVIDENCE = 'PDF、Word、Excel、PPT、图片（JPG、PNG、WebP）或 MP4 视频';

const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const OLE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};
const IMAGE_EXTENSIONS: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The stored content type of an allowed file, or null when its bytes or extension are not allowed. */
export function evidenceType(fileName: string, bytes: Uint8Array): string | null {
  const ext = extensionOf(fileName);
  const image = sniffImage(bytes);
  if (image) return IMAGE_EXTENSIONS[ext] === image ? image : null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ext === 'pdf' ? 'application/pdf' : null;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return OOXML[ext] ?? null;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE[ext] ?? null;
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) return ext === 'mp4' ? 'video/mp4' : null;
  return null;
}

/** A file name safe to store and to send back: no folders, no control characters, at most 120 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean.length <= 120) return clean;
  const ext = extensionOf(clean);
  return `${clean.slice(0, 119 - ext.length)}.${ext}`;
}
