/** A tenant code: its URL segment (`/t/<slug>`), database name (`t-<slug>`) and session token scope. */
export const SLUG_PATTERN = /^[a-z][a-z0-9-]{2,29}$/;

/** Codes that would collide with the app's own paths or with the platform's token scope. */
const RESERVED_SLUGS = new Set([
  'api',
  'app',
  'admin',
  'platform',
  'province',
  'signup',
  'static',
  'assets',
  'www',
]);

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug);
}

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && !isReservedSlug(slug);
}
