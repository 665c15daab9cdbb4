// Calls of the public board and the public side of complaints: no sign-in, so every call is anonymous.
import { request, t } from '../../api';

export interface BoardInspector {
  id: string;
  name: string;
  typeLabel: string;
  phone: string | null;
  email: string | null;
  photoUrl: string | null;
}

export type ComplaintCategory = 'complaint' | 'suggestion' | 'report' | 'praise';

export interface Board {
  unit: { id: string; name: string; kindLabel: string; address: string | null };
  office: { name: string; word: string };
  words: { unit: string; inspector: string };
  inspectors: BoardInspector[];
  duties: string[];
  categories: { value: ComplaintCategory; label: string }[];
}

export interface ComplaintForm {
  category: ComplaintCategory | '';
  topic: string;
  body: string;
  contactName: string;
  contactPhone: string;
  website?: string;
}

export interface Submitted {
  trackingCode: string;
  status: string;
  statusLabel: string;
  unitName: string;
  hint: string;
}

export interface Tracked {
  trackingCode: string;
  status: 'received' | 'assigned' | 'replied' | 'closed';
  statusLabel: string;
  unitName: string;
  topic: string;
  createdAt: string;
  timeline: { at: string; label: string }[];
  publicReply: string | null;
  closedAt: string | null;
  hasPhoto: boolean;
}

const anonymous = { anonymous: true };

export const boardApi = {
  board: (slug: string, unitId: string) =>
    request<Board>('GET', t(slug, `public/units/${encodeURIComponent(unitId)}/board`), undefined, anonymous),
  submit: (slug: string, unitId: string, form: ComplaintForm) =>
    request<Submitted>(
      'POST',
      t(slug, `public/units/${encodeURIComponent(unitId)}/complaints`),
      form,
      anonymous,
    ),
  photo: (slug: string, code: string, file: Blob) =>
    request<unknown>(
      'POST',
      t(slug, `public/complaints/${encodeURIComponent(code)}/photo`),
      { file, contentType: file.type || 'image/jpeg' },
      anonymous,
    ),
  track: (slug: string, code: string) =>
    request<Tracked>('GET', t(slug, `public/complaints/${encodeURIComponent(code)}`), undefined, anonymous),
};
