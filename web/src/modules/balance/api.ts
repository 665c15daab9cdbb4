// Calls and types of balanced-development monitoring (差异系数). Only types are shared with the Worker.
import { download, request, t, type Upload } from '../../api';

export type Stage = 'primary' | 'junior';
export const SCHOOL_KINDS = ['小学', '初中', '九年一贯制', '完全中学', '十二年一贯制', '教学点'] as const;
/** The stages whose enrolment a school of each kind gives apart (more than one: a split is needed). */
export const KIND_STAGES: Record<string, string[]> = {
  小学: ['primary'],
  教学点: ['primary'],
  初中: ['junior'],
  九年一贯制: ['primary', 'junior'],
  完全中学: ['junior', 'senior'],
  十二年一贯制: ['primary', 'junior', 'senior'],
};

export interface YearItem {
  year: number;
  schools: number;
  schoolUnits: number;
  stages: { stage: Stage; schools: number; pass: boolean | null; failing: number }[];
}

export interface IndicatorInfo {
  key: string;
  label: string;
  short: string;
  total: string;
  unit: string;
  per100: boolean;
  minimum: Record<Stage, number>;
}

export interface SchoolRow {
  unitId: string;
  code: string | null;
  name: string;
  kind: string;
  missing: boolean;
  enrolment?: number;
  enrolmentByStage?: Record<string, number> | null;
  resources?: Record<string, number>;
  missingFigures?: string[];
  excluded?: string | null;
  checks?: { stage: Stage; values: Record<string, number>; met: string[]; below: string[]; pass: boolean }[];
}

export interface YearSchools {
  year: number;
  minimumsToMeet: number;
  indicators: IndicatorInfo[];
  /** The basic-balance composite's own four totals (计算机台数…), optional on the form. */
  basicResources: { key: string; total: string; unit: string }[];
  schools: SchoolRow[];
}

export interface Pull {
  unitId: string;
  school: string;
  value: number;
  share: number;
}

export interface IndicatorCoefficient {
  key: string;
  label: string;
  cv: number | null;
  mean: number;
  threshold: number;
  pass: boolean;
  schools: number;
  missing: string[];
  pulls: Pull[];
  remedy: {
    raise: {
      unitId: string;
      school: string;
      value: number;
      total: number;
      needed: number;
      add: number;
      cvAfter: number;
    } | null;
    toMean: { unitId: string; school: string; value: number; cvAfter: number | null }[];
  } | null;
}

export interface YearCoefficients {
  year: number;
  stages: {
    stage: Stage;
    schools: number;
    pass: boolean | null;
    indicators: IndicatorCoefficient[];
    basic: { composite: number | null; threshold: number; pass: boolean };
  }[];
  excluded: { unitId: string; school: string; reason: string }[];
  noFigures: { unitId: string; school: string }[];
}

export interface Trend {
  indicators: { key: string; short: string }[];
  items: {
    year: number;
    stages: {
      stage: Stage;
      schools: number;
      threshold: number;
      pass: boolean | null;
      cv: Record<string, number | null>;
    }[];
  }[];
}

export interface FiguresBody {
  schoolKind?: string;
  enrolment: number;
  enrolmentByStage?: Record<string, number | null> | null;
  resources: Record<string, number | null>;
}

const y = (year: number, rest = '') => `balance/years/${year}${rest}`;

export const balanceApi = {
  years: (slug: string) =>
    request<{ schoolUnits: number; items: YearItem[] }>('GET', t(slug, 'balance/years')),
  trend: (slug: string) => request<Trend>('GET', t(slug, 'balance/trend')),
  schools: (slug: string, year: number) => request<YearSchools>('GET', t(slug, y(year, '/schools'))),
  coefficients: (slug: string, year: number) =>
    request<YearCoefficients>('GET', t(slug, y(year, '/coefficients'))),
  save: (slug: string, year: number, unitId: string, body: FiguresBody) =>
    request<unknown>('PUT', t(slug, y(year, `/schools/${encodeURIComponent(unitId)}`)), body),
  import: (slug: string, year: number, file: Blob) =>
    request<{ rows: number; created: number; updated: number }>('POST', t(slug, y(year, '/import')), {
      file,
      contentType: file.type || 'application/octet-stream',
    } satisfies Upload),
  export: (slug: string, year: number) => download(t(slug, y(year, '/export.xlsx')), `均衡监测-${year}.xlsx`),
};
