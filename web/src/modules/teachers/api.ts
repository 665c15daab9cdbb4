// Calls and types of a teacher's semester summary (教师学期督教档案). Only types are shared.
import { query, request, t } from '../../api';

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

export interface TeacherSummary {
  semester: string;
  semesterLabel: string;
  teacher: { id: string; name: string; status: string; unitId: string | null; unitName: string | null };
  observed: {
    count: number;
    averageTotal: number | null;
    grades: Record<Grade, number>;
    gradeLabels: Record<Grade, string>;
    sections: { key: string; title: string; max: number; average: number; percent: number; count: number }[];
    latest: {
      id: string;
      observedOn: string;
      period: number;
      course: string;
      className: string;
      total: number;
      grade: Grade;
      gradeLabel: string;
      observerName: string;
      acknowledgedAt: string | null;
    }[];
  };
  observedByThem: { count: number };
  checks: {
    count: number;
    sampledPlans: number;
    sampledHomework: number;
    links: {
      key: string;
      label: string;
      latest: {
        id: string;
        score: number;
        checkedOn: string;
        comment: string | null;
        sampledCount: number | null;
      } | null;
    }[];
  };
  flags: {
    id: string;
    reason: string;
    reasonLabel: string;
    note: string | null;
    courseEndsOn: string | null;
    clearedAt: string | null;
  }[];
  ratings: {
    id: string;
    title: string;
    course: string | null;
    status: string;
    responses: number;
    minResponses: number;
    hidden: boolean;
    average?: number | null;
    questions?: { key: string; label: string; average: number | null; answers: number }[];
  }[];
}

export const teachersApi = {
  summary: (slug: string, id: string, semester?: string) =>
    request<TeacherSummary>(
      'GET',
      t(slug, `teaching/teachers/${encodeURIComponent(id)}/summary`) + query({ semester }),
    ),
};

/** The summary page of a teacher: /t/x/teaching/teachers/42. */
export function summaryHref(slug: string, teacherId: string, semester?: string): string {
  return `/t/${slug}/teaching/teachers/${teacherId}${semester ? `?semester=${semester}` : ''}`;
}
