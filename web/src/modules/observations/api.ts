// Calls and types of the lesson-observation pages (decision 011). Only types are shared with the
// server, and the pure scoring of tenants/observations/rubric.ts, which the phone runs too.

import type { RubricBody } from '../../../../tenants/observations/rubric';
import { type Paged, query, request, t } from '../../api';

export type { RubricBody };
export type LessonType = 'theory' | 'skill' | 'lab';
export const LESSON_TYPES: LessonType[] = ['theory', 'skill', 'lab'];
export type ObservationKind = 'assigned' | 'drop_in' | 'peer' | 'administrator' | 'supervisor';
export const OBSERVATION_KINDS: ObservationKind[] = [
  'drop_in',
  'assigned',
  'peer',
  'administrator',
  'supervisor',
];
export type ObservationGrade = 'excellent' | 'good' | 'pass' | 'fail';
/** 第几节: the server takes 1 to 12. */
export const MAX_PERIOD = 12;
export const COMMENT_MAX = 2000;

export interface ObservationRow {
  id: string;
  observerId: string;
  observerName: string;
  teacherId: string;
  teacherName: string;
  unitId: string | null;
  unitName: string | null;
  course: string;
  className: string;
  observedOn: string;
  period: number;
  lessonType: LessonType;
  kind: ObservationKind;
  total: number;
  grade: ObservationGrade;
  semester: string;
  semesterLabel: string;
  createdAt: string;
  acknowledgedAt: string | null;
}

export interface ObservationDetail extends Omit<ObservationRow, 'observerName' | 'teacherName'> {
  observerName: string | null;
  teacherName: string | null;
  scores: Record<string, number>;
  strengths: string | null;
  problems: string | null;
  suggestions: string | null;
  reply: string | null;
  repliedAt: string | null;
  rubric: {
    id: string;
    name: string;
    version: number;
    versionId: string;
    maxTotal: number | null;
    body?: RubricBody;
  } | null;
}

export interface RubricOption {
  id: string;
  name: string;
  status: string;
  latestVersion: number;
  versionId: string;
  maxTotal: number;
}

export interface Rubric extends RubricOption {
  version: number;
  body: RubricBody;
}

export interface TeacherOption {
  id: string;
  name: string;
  unitName: string | null;
}

/** What POST /teaching/observations takes; the id is made on the phone, so a retry is the same record. */
export interface ObservationSubmission {
  id: string;
  teacherId: string;
  course: string;
  className: string;
  observedOn: string;
  period: number;
  lessonType: LessonType;
  kind: ObservationKind;
  rubricVersionId: string;
  scores: Record<string, number>;
  strengths?: string;
  problems?: string;
  suggestions?: string;
}

const base = (slug: string) => t(slug, 'teaching/observations');
const one = (slug: string, id: string, rest = '') => `${base(slug)}/${encodeURIComponent(id)}${rest}`;

export const observationsApi = {
  list: (slug: string, q: { page?: number; pageSize?: number }) =>
    request<Paged<ObservationRow>>('GET', base(slug) + query({ ...q })),
  get: (slug: string, id: string) => request<{ observation: ObservationDetail }>('GET', one(slug, id)),
  submit: (slug: string, body: ObservationSubmission) =>
    request<{ observation: ObservationDetail; duplicate?: boolean }>('POST', base(slug), body),
  acknowledge: (slug: string, id: string, reply: string) =>
    request<{ observation: ObservationDetail }>(
      'POST',
      one(slug, id, '/acknowledge'),
      reply ? { reply } : {},
    ),
  /** The rubrics, and the one a new observation starts with (the tenant's default, if active). */
  rubrics: (slug: string) =>
    request<{ items: RubricOption[]; defaultId?: string | null }>('GET', t(slug, 'teaching/rubrics')),
  rubric: (slug: string, id: string, version?: number) =>
    request<{ rubric: Rubric }>(
      'GET',
      t(slug, `teaching/rubrics/${encodeURIComponent(id)}`) + query({ version }),
    ),
  teachers: (slug: string, q: string) =>
    request<{ items: TeacherOption[] }>('GET', t(slug, 'teaching/teachers') + query({ q })),
};
