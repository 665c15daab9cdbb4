import type { Page } from 'playwright-core';

// The test project has no DOM types; the few page-side globals used in evaluate are described here.
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    createLinearGradient(
      x0: number,
      y0: number,
      x1: number,
      y1: number,
    ): {
      addColorStop(offset: number, color: string): void;
    };
    fillStyle: unknown;
    fillRect(x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    putImageData(data: { data: Uint8ClampedArray }, x: number, y: number): void;
  };
  toBlob(done: (blob: { arrayBuffer(): Promise<ArrayBuffer> }) => void, type: string, quality: number): void;
}
interface PageGlobals {
  document: { createElement(tag: 'canvas'): PageCanvas };
  btoa(s: string): string;
}

/** A camera-sized JPEG (4000×3000, fine grain, high quality) made by the page's own canvas: several MB. */
export async function cameraPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const { document, btoa } = globalThis as unknown as PageGlobals;
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext('2d');
    const gradient = ctx.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, '#3a6ea5');
    gradient.addColorStop(1, '#f2c14e');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 4000, 3000);
    // Sensor-like grain, so the file is as large as a real photo's.
    const image = ctx.getImageData(0, 0, 4000, 3000);
    let seed = 42;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed % 64) - 32;
      image.data[i] = (image.data[i] ?? 0) + noise;
      image.data[i + 1] = (image.data[i + 1] ?? 0) + noise;
      image.data[i + 2] = (image.data[i + 2] ?? 0) + noise;
    }
    ctx.putImageData(image, 0, 0);
    const blob = await new Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', 0.95),
    );
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}
