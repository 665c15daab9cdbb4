// Photos are resized and compressed on the device before upload (DESIGN.md): a 5 MB phone photo
// becomes a JPEG of a few hundred KB, which a slow mobile network can send and the server accepts.

export interface CompressOptions {
  /** The longest side of the result, in pixels. */
  maxSide?: number;
  /** JPEG quality, 0–1. */
  quality?: number;
}

/**
 * Evidence (a visit's photos, a rectification report's, a complaint's) must stay readable: a
 * fire extinguisher's expiry label or a notice on a wall. 1600 px at 0.72 keeps that legible in
 * 150–400 KB; the default 800 px is for portraits.
 */
export const EVIDENCE_PHOTO: CompressOptions = { maxSide: 1600, quality: 0.72 };

export interface CompressedImage {
  blob: Blob;
  width: number;
  height: number;
  /** Size of the file the user chose, for showing “4.8 MB → 180 KB”. */
  originalBytes: number;
}

/** Why a file could not be turned into a photo; the message is Chinese and says what to do. */
export class ImageCompressError extends Error {
  constructor(
    readonly reason: 'heic' | 'not-image' | 'decode' | 'encode',
    message: string,
  ) {
    super(message);
    this.name = 'ImageCompressError';
  }
}

const MESSAGES = {
  heic: '暂不支持 HEIC/HEIF 格式的照片。请在手机“设置 › 相机 › 格式”中选择“兼容性最佳”后重新拍摄，或截图后上传截图。',
  'not-image': '所选文件不是图片，请选择 JPG、PNG 或 WebP 格式的照片。',
  decode: '无法读取这张照片，可能是格式不受支持或文件已损坏，请换一张 JPG 或 PNG 照片。',
  encode: '照片压缩失败，请换一张照片或在其他浏览器中重试。',
} as const;

function fail(reason: keyof typeof MESSAGES): ImageCompressError {
  return new ImageCompressError(reason, MESSAGES[reason]);
}

function isHeic(file: Blob & { name?: string }): boolean {
  return /^image\/hei[cf]/i.test(file.type) || /\.(heic|heif)$/i.test(file.name ?? '');
}

interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  release: () => void;
}

/** Decodes with an <img> (works on every browser the app supports, applies EXIF rotation on current ones). */
function decode(file: Blob): Promise<Decoded> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () =>
      resolve({
        source: img,
        width: img.naturalWidth,
        height: img.naturalHeight,
        release: () => URL.revokeObjectURL(url),
      });
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(fail('decode'));
    };
    img.src = url;
  });
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    if (typeof canvas.toBlob === 'function') {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(fail('encode'))), 'image/jpeg', quality);
      return;
    }
    try {
      const data = canvas.toDataURL('image/jpeg', quality);
      const bytes = atob(data.slice(data.indexOf(',') + 1));
      const array = new Uint8Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
      resolve(new Blob([array], { type: 'image/jpeg' }));
    } catch {
      reject(fail('encode'));
    }
  });
}

/**
 * Scales the photo so its longest side is at most `maxSide` (default 800 px) and encodes it as a
 * JPEG of `quality` (default 0.8) on a white background (transparent PNGs would turn black).
 */
export async function compressImage(
  file: Blob & { name?: string },
  options: CompressOptions = {},
): Promise<CompressedImage> {
  const maxSide = options.maxSide ?? 800;
  const quality = options.quality ?? 0.8;
  if (isHeic(file)) throw fail('heic');
  if (file.type && !/^image\//i.test(file.type)) throw fail('not-image');
  const image = await decode(file);
  try {
    if (!image.width || !image.height) throw fail('decode');
    const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
    const width = Math.max(1, Math.round(image.width * scale));
    const height = Math.max(1, Math.round(image.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw fail('encode');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image.source, 0, 0, width, height);
    const blob = await toBlob(canvas, quality);
    return { blob, width, height, originalBytes: file.size };
  } finally {
    image.release();
  }
}

/** 180 KB, 4.8 MB: sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
