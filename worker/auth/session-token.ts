import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * A session token is `<scope>.<random>`; only its SHA-256 is stored as the session id, so a
 * copy of the database opens no session. The scope (the tenant slug, or `platform`) lets a
 * token presented to another tenant be recognised and answered 404 without a lookup.
 */
export function newSessionToken(scope: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return `${scope}.${encodeBase32LowerCaseNoPadding(bytes)}`;
}

export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function scopeOf(token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 200) return null;
  return token.slice(0, dot);
}
