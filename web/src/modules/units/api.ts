// Calls and types of the units pages. Only types are shared with the server, never code.
import { type Paged, query, request, t, type UnitQuery, type UnitRow } from '../../api';

export interface UnitListItem extends UnitRow {
  code: string | null;
  parentId: string | null;
  zoneId: string | null;
}

export interface UnitListQuery extends UnitQuery {
  parentId?: string;
  zoneId?: string;
  status?: 'active' | 'archived' | 'all' | '';
  /** 'true': only kinds that can be parents. */
  group?: 'true' | 'false';
}

export interface Ref {
  id: string;
  name: string;
}

export interface UnitInspector {
  id: string;
  name: string;
  type: string;
  typeLabel: string;
  phone: string | null;
  direct: boolean;
}

export interface UnitDetail {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  kindLabel: string;
  isGroup: boolean;
  parent: (Ref & { status: 'active' | 'archived' }) | null;
  zone: Ref | null;
  address: string | null;
  headName: string | null;
  phone: string | null;
  enrolment: number | null;
  staffCount: number | null;
  status: 'active' | 'archived';
  childCount: number;
  archivedChildCount: number;
  inspectors: UnitInspector[];
  createdAt: string;
  updatedAt: string;
}

/** What the form sends: empty texts clear a field, null counts are unknown; the server checks every rule. */
export interface UnitForm {
  name: string;
  code: string;
  kind: string;
  parentId: string | null;
  zoneId: string | null;
  address: string;
  headName: string;
  phone: string;
  enrolment: number | null;
  staffCount: number | null;
}

export interface ZoneSummary {
  id: string;
  name: string;
  note: string | null;
  unitCount: number;
  limit: number;
  full: boolean;
  inspectors: Ref[];
}

const path = (slug: string, rest = '') => t(slug, `units${rest}`);
const one = (id: string) => `/${encodeURIComponent(id)}`;

export const unitsApi = {
  list: (slug: string, q: UnitListQuery) => request<Paged<UnitListItem>>('GET', path(slug) + query({ ...q })),
  get: (slug: string, id: string) => request<{ unit: UnitDetail }>('GET', path(slug, one(id))),
  create: (slug: string, form: UnitForm) => request<{ unit: UnitDetail }>('POST', path(slug), form),
  update: (slug: string, id: string, form: Partial<UnitForm>) =>
    request<{ unit: UnitDetail }>('PATCH', path(slug, one(id)), form),
  archive: (slug: string, id: string) =>
    request<{ unit: UnitDetail }>('POST', path(slug, `${one(id)}/archive`)),
  restore: (slug: string, id: string) =>
    request<{ unit: UnitDetail }>('POST', path(slug, `${one(id)}/restore`)),
  /** Active units that can be parents (townships, departments), for selects. */
  groups: (slug: string) =>
    request<Paged<UnitListItem>>('GET', path(slug) + query({ group: 'true', pageSize: 100 })),
  zones: (slug: string) => request<{ items: ZoneSummary[]; limit: number }>('GET', t(slug, 'zones')),
};
