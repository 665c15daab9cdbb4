import type { SessionPolicy } from './lucia';

/** A tenant session cookie is scoped to that tenant's API path, so two tenants in one browser never mix. */
export function tenantSessionPolicy(slug: string, requestUrl: string): SessionPolicy {
  return {
    cookieName: 'dudao_session',
    cookiePath: `/api/t/${slug}`,
    secure: new URL(requestUrl).protocol === 'https:',
    hours: 12,
  };
}

export function platformSessionPolicy(requestUrl: string): SessionPolicy {
  return {
    cookieName: 'dudao_platform',
    cookiePath: '/api/province',
    secure: new URL(requestUrl).protocol === 'https:',
    hours: 8,
  };
}

export const PLATFORM_TOKEN_SCOPE = 'platform';
