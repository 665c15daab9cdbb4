/**
 * Tracking codes: 10 characters from 32 that cannot be mistaken for one another when read aloud or
 * copied from paper (no 0/O, 1/I), so 50 random bits: far beyond guessing within the lookup limits.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;
export const CODE_PATTERN = /^[2-9A-HJ-NP-Z]{10}$/;

export function newTrackingCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
  // 32 symbols divide 256 evenly: masking keeps every symbol equally likely.
  return Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join('');
}

/** What the sender typed: case, spaces and dashes do not matter. Null if it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return CODE_PATTERN.test(code) ? code : null;
}
