// Calls and types of the visit pages (decision 011). Only types are shared with the server, never
// code, except the pure answer checks of tenants/checklists/answers.ts, which the phone runs too.
import { type ModuleKey, type Paged, query, request, t } from '../../api';
import type { ChecklistBody } from '../checklists/api';

export type VisitKind = 'comprehensive' | 'special' | 'routine' | 'term_start' | 'unannounced' | 'listed';
export const VISIT_KINDS: VisitKind[] = [
  'routine',
  'comprehensive',
  'special',
  'term_start',
  'unannounced',
  'listed',
];
export type VisitMethod = 'briefing' | 'documents' | 'site' | 'interviews' | 'questionnaire' | 'lesson';
export const VISIT_METHODS: VisitMethod[] = [
  'briefing',
  'documents',
  'site',
  'interviews',
  'questionnaire',
  'lesson',
];
/** 条例 Art. 16: a comprehensive visit is made by a team of at least three. */
export const COMPREHENSIVE_TEAM_MIN = 3;

export interface AnswerValue {
  value?: boolean | number | string | null;
  note?: string;
  photos?: string[];
}

export interface TeamMember {
  id: string;
  name: string;
  lead?: boolean;
}

export interface VisitRow {
  id: string;
  module: ModuleKey;
  kind: VisitKind;
  unitId: string;
  unitName: string;
  visitedOn: string;
  theme: string | null;
  score: number | null;
  maxScore: number | null;
  templateName?: string | null;
  team?: TeamMember[];
  leadName?: string | null;
  findingCount?: number;
  createdAt: string;
}

export interface VisitFinding {
  id: string;
  itemKey: string | null;
  category: string;
  description: string;
  severity: 'general' | 'serious' | 'major';
  status: 'open' | 'issued' | 'reported' | 'closed';
  deadline: string;
}

export interface VisitDetail extends VisitRow {
  methods: VisitMethod[];
  answers: Record<string, AnswerValue>;
  summary: string | null;
  feedback: string | null;
  feedbackSignedBy: string | null;
  createdByName?: string | null;
  template?: { id: string; name: string; version: number; body?: ChecklistBody };
  templateId?: string;
  templateVersion?: number;
  body?: ChecklistBody;
  findings: VisitFinding[];
}

export interface VisitQuery {
  unitId?: string;
  kind?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** What POST /:module/visits takes; the id is made on the phone, so a retry is the same visit. */
export interface VisitSubmission {
  id: string;
  kind: VisitKind;
  unitId: string;
  templateId: string;
  templateVersion: number;
  visitedOn: string;
  theme?: string;
  methods: VisitMethod[];
  team: string[];
  answers: Record<string, AnswerValue>;
  summary?: string;
  feedback?: string;
  feedbackSignedBy?: string;
}

export interface TemplateOption {
  id: string;
  name: string;
  latestVersion: number;
  itemCount: number;
  status: string;
}

export interface InspectorOption {
  id: string;
  name: string;
  userId: string | null;
  status?: string;
}

const base = (slug: string, module: ModuleKey) => t(slug, `${module}/visits`);
const one = (slug: string, module: ModuleKey, id: string, rest = '') =>
  `${base(slug, module)}/${encodeURIComponent(id)}${rest}`;

export const visitsApi = {
  list: (slug: string, module: ModuleKey, q: VisitQuery) =>
    request<Paged<VisitRow>>('GET', base(slug, module) + query({ ...q })),
  get: (slug: string, module: ModuleKey, id: string) =>
    request<{ visit: VisitDetail }>('GET', one(slug, module, id)),
  submit: (slug: string, module: ModuleKey, body: VisitSubmission) =>
    request<{ visit: VisitDetail; duplicate?: boolean }>('POST', base(slug, module), body),
  docxUrl: (slug: string, module: ModuleKey, id: string) => one(slug, module, id, '/record.docx'),
  evidenceUrl: (slug: string, module: ModuleKey, id: string) =>
    t(slug, `${module}/evidence/${encodeURIComponent(id)}`),
  /** Idempotent: the same id sent again by the same user answers with the stored row. */
  uploadEvidence: (slug: string, module: ModuleKey, id: string, file: Blob) =>
    request<unknown>('POST', t(slug, `${module}/evidence/${encodeURIComponent(id)}`), {
      file,
      contentType: file.type || 'image/jpeg',
    }),
  templates: (slug: string, module: ModuleKey) =>
    request<Paged<TemplateOption>>(
      'GET',
      t(slug, `${module}/templates`) + query({ status: 'active', pageSize: 100 }),
    ),
  template: (slug: string, module: ModuleKey, id: string) =>
    request<{ template: TemplateOption & { body: ChecklistBody } }>(
      'GET',
      t(slug, `${module}/templates/${encodeURIComponent(id)}`),
    ),
  inspectors: (slug: string, q: string) =>
    request<Paged<InspectorOption>>(
      'GET',
      t(slug, 'inspectors') + query({ q, status: 'active', pageSize: 20 }),
    ),
  /** A unit's name, for a visit started from a plan item (which names only the unit's id). */
  unitName: async (slug: string, id: string): Promise<string> =>
    (await request<{ unit: { name: string } }>('GET', t(slug, `units/${encodeURIComponent(id)}`))).unit.name,
  /** The month's theme (一月一主题), when the calendar answers. */
  theme: async (slug: string, year: number, month: number): Promise<string | null> => {
    const cal = await request<{ months: { month: number; theme: string | null }[] }>(
      'GET',
      t(slug, 'calendar') + query({ year }),
    );
    return cal.months.find((m) => m.month === month)?.theme ?? null;
  },
};
