// Calls and types of the evaluation scheme pages. The tree's shape is tenants/evaluation/scheme.ts,
// declared again here so no server code ships to the browser.
import { download, query, request, t } from '../../api';

export type SchemeKind = 'developmental' | 'government' | 'kindergarten' | 'acceptance' | 'other';
export const SCHEME_KINDS: SchemeKind[] = [
  'developmental',
  'government',
  'kindergarten',
  'acceptance',
  'other',
];

export interface SchemeIndicator {
  key: string;
  name: string;
  points: number;
  criteria?: string;
  guidance?: string;
  evidence?: string;
  children?: SchemeIndicator[];
}

export interface SchemeRow {
  id: string;
  name: string;
  kind: SchemeKind;
  status: 'active' | 'archived';
  builtinKey: string | null;
  latestVersion: number;
  updatedAt: string;
  totalPoints: number;
  firstLevel: number;
  scoredIndicators: number;
}

export interface SchemeDetail {
  id: string;
  name: string;
  kind: SchemeKind;
  status: 'active' | 'archived';
  builtinKey: string | null;
  latestVersion: number;
  version: number;
  note: string | null;
  createdAt: string;
  totalPoints: number;
  scoredIndicators: number;
  body: { indicators: SchemeIndicator[] };
}

const upload = (file: File) => ({ file, contentType: file.type || 'application/octet-stream' });

export const evaluationApi = {
  list: (slug: string) => request<{ items: SchemeRow[] }>('GET', t(slug, 'evaluation/schemes')),
  get: (slug: string, id: string, version?: number) =>
    request<{ scheme: SchemeDetail }>('GET', t(slug, `evaluation/schemes/${id}${query({ version })}`)),
  importScheme: (slug: string, name: string, kind: SchemeKind, file: File) =>
    request<{ scheme: SchemeDetail }>(
      'POST',
      t(slug, `evaluation/schemes/import${query({ name, kind })}`),
      upload(file),
    ),
  importVersion: (slug: string, id: string, note: string, file: File) =>
    request<{ scheme: SchemeDetail }>(
      'POST',
      t(slug, `evaluation/schemes/${id}/versions/import${query({ note: note || undefined })}`),
      upload(file),
    ),
  export: (slug: string, id: string, version: number) =>
    download(t(slug, `evaluation/schemes/${id}/export.xlsx${query({ version })}`), `scheme-${version}.xlsx`),
};

export const evaluationHref = (slug: string, rest = '') => `/t/${slug}/evaluation/schemes${rest}`;
