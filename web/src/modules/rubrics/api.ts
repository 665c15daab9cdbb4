// Calls of the 评课标准 pages (the office's rubrics). The body's type is the server's
// (tenants/observations/rubric.ts), shared as a type only.
import { query, request, t } from '../../api';
import type { Rubric, RubricBody, RubricOption } from '../observations/api';

export type { RubricBody };

export interface RubricDetail extends Rubric {
  builtinKey: string | null;
  createdAt: string;
}

export interface RubricListItem extends RubricOption {
  builtinKey: string | null;
  updatedAt: string;
}

const base = (slug: string) => t(slug, 'teaching/rubrics');
const one = (slug: string, id: string, rest = '') => `${base(slug)}/${encodeURIComponent(id)}${rest}`;

export const rubricsApi = {
  list: (slug: string) => request<{ items: RubricListItem[]; defaultId: string | null }>('GET', base(slug)),
  get: (slug: string, id: string, version?: number) =>
    request<{ rubric: RubricDetail }>('GET', one(slug, id) + query({ version })),
  create: (slug: string, body: { name: string; body: RubricBody }) =>
    request<{ rubric: RubricDetail }>('POST', base(slug), body),
  copy: (slug: string, id: string) => request<{ rubric: RubricDetail }>('POST', one(slug, id, '/copy'), {}),
  addVersion: (slug: string, id: string, body: { name: string; body: RubricBody; baseVersion: number }) =>
    request<{ rubric: RubricDetail; unchanged: boolean }>('POST', one(slug, id, '/versions'), body),
  archive: (slug: string, id: string) =>
    request<{ rubric: RubricDetail }>('POST', one(slug, id, '/archive'), {}),
  restore: (slug: string, id: string) =>
    request<{ rubric: RubricDetail }>('POST', one(slug, id, '/restore'), {}),
};

/** Who may create, copy, edit, archive and restore rubrics (observations.rubrics_manage on the server). */
export function canManageRubrics(role: string): boolean {
  return role === 'admin' || role === 'director';
}

export function rubricsHref(slug: string, rest = ''): string {
  return `/t/${slug}/teaching/rubrics${rest}`;
}
