// Calls and types of the survey pages. Only types come from the shared question module.

import type { SurveyPreset } from '../../../../tenants/surveys/presets';
import type {
  ChoiceSummary,
  Question,
  RatingSummary,
  TextSummary,
} from '../../../../tenants/surveys/questions';
import { download, type Paged, query, request, t } from '../../api';

export type { ChoiceSummary, Question, RatingSummary, SurveyPreset, TextSummary };
export type SurveyKind = 'teaching_rating' | 'satisfaction' | 'canteen' | 'other';
export const SURVEY_KINDS: SurveyKind[] = ['teaching_rating', 'canteen', 'satisfaction', 'other'];
export type SurveyStatus = 'draft' | 'open' | 'closed';
export type TextStatus = 'pending' | 'approved' | 'hidden';
/** The server's floor and the usual threshold (tenants/surveys/questions.ts). */
export const MIN_RESPONSES_FLOOR = 3;
export const DEFAULT_MIN_RESPONSES = 5;
export const LOW_RATING_PERCENT = 60;
export const MAX_LINKS = 80;

export interface SurveySummary {
  id: string;
  title: string;
  kind: SurveyKind;
  kindLabel: string;
  status: SurveyStatus;
  statusLabel: string;
  minResponses: number;
  teacherId: string | null;
  unitId: string | null;
  course: string | null;
  semester: string;
  closesOn: string | null;
  createdAt: string;
}

export interface SurveyRow extends SurveySummary {
  teacherName: string | null;
  responseCount: number;
}

export interface LinkCount {
  id: string;
  label: string;
  total: number;
  used: number;
}

export interface SurveyDetail extends SurveySummary {
  questions: Question[];
  teacher: { id: string; name: string } | null;
  unit: { id: string; name: string } | null;
  responseCount: number;
  links: LinkCount[];
  canManage: boolean;
}

export interface SurveyForm {
  title: string;
  kind: SurveyKind;
  questions: Question[];
  minResponses: number;
  teacherId: string | null;
  course: string | null;
  closesOn: string | null;
}

export interface TextAnswer {
  id: string;
  body: string;
  status?: TextStatus;
  statusLabel?: string;
}

export type ResultQuestion = RatingSummary | ChoiceSummary | (TextSummary & { answers: TextAnswer[] });

interface ResultsBase {
  survey: SurveySummary;
  responseCount: number;
  minResponses: number;
  links: LinkCount[];
}
export type SurveyResults =
  | (ResultsBase & { hidden: true })
  | (ResultsBase & {
      hidden: false;
      overallPercent: number | null;
      questions: ResultQuestion[];
      byClass: {
        linkId: string;
        label: string;
        responseCount: number;
        overallPercent: number | null;
        questions: (RatingSummary | ChoiceSummary)[];
      }[];
    });

const base = (slug: string, rest = '') => t(slug, `teaching/surveys${rest}`);

export const surveysApi = {
  list: (slug: string, q: { page?: number; pageSize?: number; status?: string }) =>
    request<Paged<SurveyRow>>('GET', base(slug) + query(q)),
  presets: (slug: string) => request<{ presets: SurveyPreset[] }>('GET', base(slug, '/presets')),
  get: (slug: string, id: string) => request<{ survey: SurveyDetail }>('GET', base(slug, `/${id}`)),
  create: (slug: string, form: SurveyForm) => request<{ survey: SurveyDetail }>('POST', base(slug), form),
  update: (slug: string, id: string, form: SurveyForm) =>
    request<{ survey: SurveyDetail }>('PATCH', base(slug, `/${id}`), form),
  open: (slug: string, id: string) => request<{ survey: SurveyDetail }>('POST', base(slug, `/${id}/open`)),
  close: (slug: string, id: string) => request<{ survey: SurveyDetail }>('POST', base(slug, `/${id}/close`)),
  links: (slug: string, id: string, body: { label: string; count: number }) =>
    request<{ link: LinkCount; urls: string[] }>('POST', base(slug, `/${id}/links`), body),
  results: (slug: string, id: string) => request<SurveyResults>('GET', base(slug, `/${id}/results`)),
  review: (slug: string, id: string, answerId: string, status: 'approved' | 'hidden') =>
    request<{ answer: TextAnswer }>('POST', base(slug, `/${id}/text-answers/${answerId}`), { status }),
  exportResults: (slug: string, id: string) =>
    download(base(slug, `/${id}/results.xlsx`), 'survey-results.xlsx'),
  /** The priority-teacher list (重点关注教师) of the teaching module. */
  flagTeacher: (slug: string, body: { teacherId: string; reason: 'low_rating'; note: string }) =>
    request<unknown>('POST', t(slug, 'teaching/priority-teachers'), body),
  teachers: (slug: string, q: string) =>
    request<{ items: { id: string; name: string; unitName: string | null }[] }>(
      'GET',
      t(slug, 'teaching/teachers') + query({ q }),
    ),
};

export function surveysHref(slug: string, rest = ''): string {
  return `/t/${slug}/teaching/surveys${rest}`;
}
