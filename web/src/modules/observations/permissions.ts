import type { Role } from '../../api';

/** Who may record a lesson observation (observations.record). */
export function canRecord(role: Role): boolean {
  return role !== 'viewer';
}

/** A page of the observations: observationsHref('x', '/42') → /t/x/teaching/observations/42. */
export function observationsHref(slug: string, rest = ''): string {
  return `/t/${slug}/teaching/observations${rest}`;
}
