import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 144 random bits (≥ 128), 24 base64url characters: short enough for a slip, not guessable. */
const TOKEN_BYTES = 18;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{24}$/;

export function newSurveyToken(): string {
  return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));
}

/** What is stored: the token itself never is, so a copy of the database answers no survey. */
export function surveyTokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function isSurveyTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The response page's path; the handler puts the origin in front. */
export function surveyPath(slug: string, token: string): string {
  return `/s/${slug}/${token}`;
}
