import type { Role } from '../../api';

const OFFICE_FINDING = /^\/?(teaching|study|management|safety)\/findings\/([^/?#]+)\/?$/;

/**
 * Where a notification's link (a path below /t/:tenant/) leads this user: a unit manager opens a
 * finding on their own page of it (my-findings), not on the office's.
 */
export function linkFor(slug: string, role: Role, link: string): string {
  const path = link.replace(/^\/+/, '');
  const m = OFFICE_FINDING.exec(path);
  if (m && role === 'unit_manager') return `/t/${slug}/my-findings/${m[1]}/${m[2]}`;
  return `/t/${slug}/${path}`;
}
