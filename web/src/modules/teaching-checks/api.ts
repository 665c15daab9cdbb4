// Calls and types of the five-link checks page (教学常规检查). Only types are shared.
import { download, query, request, t } from '../../api';

export type TeachingLink = 'prepare' | 'teach' | 'mark' | 'tutor' | 'exam';
export const TEACHING_LINKS: TeachingLink[] = ['prepare', 'teach', 'mark', 'tutor', 'exam'];

export interface LatestCheck {
  id: string;
  score: number;
  checkedOn: string;
}

export interface MatrixRow {
  teacherId: string;
  teacherName: string;
  unitId: string | null;
  unitName: string | null;
  links: Record<TeachingLink, LatestCheck | null>;
  checkCount: number;
  sampledPlans: number;
  sampledHomework: number;
}

export interface Matrix {
  semester: string;
  semesterLabel: string;
  links: { key: TeachingLink; label: string }[];
  rows: MatrixRow[];
  totals: {
    teachers: number;
    checkedTeachers: number;
    checks: number;
    sampledPlans: number;
    sampledHomework: number;
  };
}

export interface CheckInput {
  teacherId: string;
  link: TeachingLink;
  checkedOn: string;
  score: number;
  comment?: string;
  sampledCount?: number | null;
}

export interface Check extends CheckInput {
  id: string;
  teacherName: string;
  linkLabel: string;
  semester: string;
}

const base = (slug: string) => t(slug, 'teaching/checks');

export const checksApi = {
  matrix: (slug: string, q: { semester?: string; unitId?: string }) =>
    request<Matrix>('GET', `${base(slug)}/matrix${query(q)}`),
  record: (slug: string, body: CheckInput) => request<{ check: Check }>('POST', base(slug), body),
  download: (slug: string, q: { semester?: string; unitId?: string }) =>
    download(t(slug, `teaching/checks.xlsx${query(q)}`), '教学常规检查登记表.xlsx'),
};
