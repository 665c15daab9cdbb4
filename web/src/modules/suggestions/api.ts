import { type Paged, query, request, t } from '../../api';

export type SuggestionStatus = 'submitted' | 'forwarded' | 'answered' | 'closed';
export type SuggestionBox = 'mine' | 'office' | 'unit';

/** The server's one list of categories (教学, 学风, 管理, 安全, 后勤, 其他), sent with every answer. */
export interface CategoryOption {
  key: string;
  label: string;
}

export interface Suggestion {
  id: string;
  title: string;
  body: string;
  category: string | null;
  categoryLabel: string | null;
  status: SuggestionStatus;
  statusLabel: string;
  mine: boolean;
  /** Hidden from the unit that answers: the office forwards on the sender's behalf. */
  author: { id: string; name: string } | null;
  unit: { id: string; name: string } | null;
  officeNote: string | null;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  createdAt: string;
  updatedAt: string;
  actions: { forward: boolean; answer: boolean; close: boolean };
}

export interface SuggestionList extends Paged<Suggestion> {
  box: SuggestionBox;
  categories: CategoryOption[];
}

export interface SuggestionQuery {
  box: SuggestionBox;
  status?: string;
  category?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface SuggestionForm {
  title: string;
  body: string;
  category: string;
}

export interface ForwardForm {
  unitId: string;
  category: string;
  officeNote?: string;
}

type One = { suggestion: Suggestion };
const path = (slug: string, id: string, rest = '') => t(slug, `suggestions/${encodeURIComponent(id)}${rest}`);

export const suggestionsApi = {
  list: (slug: string, q: SuggestionQuery) =>
    request<SuggestionList>('GET', t(slug, 'suggestions') + query({ ...q })),
  get: (slug: string, id: string) => request<One & { categories: CategoryOption[] }>('GET', path(slug, id)),
  submit: (slug: string, form: SuggestionForm) => request<One>('POST', t(slug, 'suggestions'), form),
  forward: (slug: string, id: string, form: ForwardForm) =>
    request<One>('POST', path(slug, id, '/forward'), form),
  answer: (slug: string, id: string, answer: string) =>
    request<One>('POST', path(slug, id, '/answer'), { answer }),
  close: (slug: string, id: string, officeNote: string) =>
    request<One>('POST', path(slug, id, '/close'), { officeNote }),
};
