// Calls and types of the inspectors (督学) pages. Only types are shared with the server, never code.
import { type Paged, query, request, t, type UnitRow } from '../../api';

export type InspectorType = 'full_time' | 'part_time' | 'special' | 'responsible';
export const INSPECTOR_TYPES: InspectorType[] = ['responsible', 'full_time', 'part_time', 'special'];

export interface RatioWarning {
  code: 'OVER_RATIO';
  message: string;
}

export interface ZoneRef {
  id: string;
  name: string;
}

export interface InspectorRow {
  id: string;
  name: string;
  type: InspectorType;
  typeLabel: string;
  certificateNo: string | null;
  termStart: string | null;
  termEnd: string | null;
  term: { start: string | null; end: string | null };
  trainingHours: number;
  phone: string | null;
  email: string | null;
  workplace: string | null;
  userId: string | null;
  status: 'active' | 'archived';
  hasPhoto: boolean;
  updatedAt: string;
  zones: ZoneRef[];
  unitCount: number;
  warning: RatioWarning | null;
}

export interface AssignedUnit {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  status: 'active' | 'archived';
  zoneId: string | null;
  direct: boolean;
  viaZone: ZoneRef | null;
}

export interface InspectorDetail extends InspectorRow {
  units: AssignedUnit[];
  user: { id: string; displayName: string; username: string } | null;
}

export interface InspectorQuery {
  q?: string;
  type?: string;
  zoneId?: string;
  status?: string;
  page?: number;
  pageSize?: number;
}

/** What the form sends: empty texts clear a field; the server checks every rule again. */
export interface InspectorForm {
  name: string;
  type: string;
  certificateNo: string;
  termStart: string;
  termEnd: string;
  trainingHours: number;
  phone: string;
  email: string;
  workplace: string;
  /** The sign-in account this inspector uses; null unlinks. */
  userId: string | null;
}

export interface LinkableAccount {
  id: string;
  username: string;
  displayName: string;
  role: string;
  linkedInspector: { id: string; name: string } | null;
}

export interface Assignments {
  zones: ZoneRef[];
  units: AssignedUnit[];
  unitCount: number;
  warning: RatioWarning | null;
}

/** A zone as the picker shows it; `unitCount` (active units in it) when the zones list gives it. */
export interface ZoneOption extends ZoneRef {
  unitCount?: number;
}

const path = (slug: string, rest = '') => t(slug, `inspectors${rest}`);

export const inspectorsApi = {
  list: (slug: string, q: InspectorQuery) =>
    request<Paged<InspectorRow>>('GET', path(slug) + query({ ...q })),
  get: (slug: string, id: string) =>
    request<{ inspector: InspectorDetail }>('GET', path(slug, `/${encodeURIComponent(id)}`)),
  linkableAccounts: (slug: string, q: string) =>
    request<{ items: LinkableAccount[] }>('GET', path(slug, '/linkable-accounts') + query({ q })),
  create: (slug: string, form: InspectorForm) =>
    request<{ inspector: InspectorDetail }>('POST', path(slug), form),
  update: (slug: string, id: string, form: Partial<InspectorForm>) =>
    request<{ inspector: InspectorDetail }>('PATCH', path(slug, `/${encodeURIComponent(id)}`), form),
  archive: (slug: string, id: string) =>
    request<{ inspector: InspectorDetail }>('POST', path(slug, `/${encodeURIComponent(id)}/archive`)),
  restore: (slug: string, id: string) =>
    request<{ inspector: InspectorDetail }>('POST', path(slug, `/${encodeURIComponent(id)}/restore`)),
  assign: (slug: string, id: string, body: { zoneIds: string[]; unitIds: string[] }) =>
    request<Assignments>('POST', path(slug, `/${encodeURIComponent(id)}/assignments`), body),
  uploadPhoto: (slug: string, id: string, file: Blob) =>
    request<{ photo: { contentType: string; bytes: number } }>(
      'POST',
      path(slug, `/${encodeURIComponent(id)}/photo`),
      { file, contentType: file.type || 'image/jpeg' },
    ),
  /** The photo's address; `version` (the record's updatedAt) makes a new photo bypass the cache. */
  photoUrl: (slug: string, id: string, version: string) =>
    path(slug, `/${encodeURIComponent(id)}/photo`) + query({ v: version }),
  /** All zones of the tenant for the picker (the zones module's list). */
  zones: async (slug: string): Promise<ZoneOption[]> => {
    const res = await request<{ items?: ZoneOption[]; zones?: ZoneOption[] }>('GET', t(slug, 'zones'));
    return res.items ?? res.zones ?? [];
  },
  units: (slug: string, q: string) =>
    request<Paged<UnitRow>>('GET', t(slug, 'units') + query({ q, pageSize: 20 })),
};
