// Calls and types of the priority-teacher page (重点关注教师). Only types are shared.
import { query, request, t } from '../../api';

export type PriorityReason = 'new_teacher' | 'external' | 'low_rating' | 'other';
export const PRIORITY_REASONS: PriorityReason[] = ['new_teacher', 'external', 'low_rating', 'other'];

export interface PriorityFlag {
  id: string;
  teacherId: string;
  teacherName: string;
  unitId: string | null;
  unitName: string | null;
  semester: string;
  reason: PriorityReason;
  reasonLabel: string;
  note: string | null;
  courseEndsOn: string | null;
  flaggedAt: string;
  clearedAt: string | null;
  observationCount: number;
  lastObservedOn: string | null;
  averageTotal: number | null;
  warnings: { key: 'not_observed' | 'course_ending'; label: string }[];
}

export interface PriorityList {
  semester: string;
  semesterLabel: string;
  today: string;
  items: PriorityFlag[];
}

export interface FlagInput {
  teacherId: string;
  reason: PriorityReason;
  note?: string;
  courseEndsOn?: string;
}

const base = (slug: string) => t(slug, 'teaching/priority-teachers');

export const priorityApi = {
  list: (slug: string, semester?: string) => request<PriorityList>('GET', base(slug) + query({ semester })),
  flag: (slug: string, body: FlagInput) => request<{ flag: PriorityFlag }>('POST', base(slug), body),
  clear: (slug: string, id: string) =>
    request<{ flag: PriorityFlag }>('POST', `${base(slug)}/${encodeURIComponent(id)}/clear`, {}),
};
