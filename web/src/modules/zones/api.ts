// Calls and types of the zones (督学责任区) pages.
import { request, t } from '../../api';
import type { ZoneSummary } from '../units/api';

export type { ZoneSummary };

export interface ZoneForm {
  name: string;
  note: string;
}

const path = (slug: string, rest = '') => t(slug, `zones${rest}`);
const one = (id: string) => `/${encodeURIComponent(id)}`;

export const zonesApi = {
  list: (slug: string) => request<{ items: ZoneSummary[]; limit: number }>('GET', path(slug)),
  create: (slug: string, form: ZoneForm) => request<{ zone: ZoneSummary }>('POST', path(slug), form),
  update: (slug: string, id: string, form: Partial<ZoneForm>) =>
    request<{ zone: ZoneSummary }>('PATCH', path(slug, one(id)), form),
  assign: (slug: string, id: string, body: { add: string[]; remove: string[] }) =>
    request<{ zone: ZoneSummary; added: string[]; removed: string[] }>(
      'POST',
      path(slug, `${one(id)}/units`),
      body,
    ),
  remove: (slug: string, id: string) => request<{ deleted: true }>('POST', path(slug, `${one(id)}/delete`)),
};
