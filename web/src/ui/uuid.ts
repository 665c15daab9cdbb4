/**
 * A random (v4) UUID, for ids the phone makes before it sends (evidence photos). crypto.randomUUID
 * is missing on older phones and on plain-http pages, so it falls back to getRandomValues.
 */
export function newUuid(): string {
  const c = window.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex: string[] = [];
  for (let i = 0; i < 16; i++) hex.push(((b[i] as number) + 0x100).toString(16).slice(1));
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
