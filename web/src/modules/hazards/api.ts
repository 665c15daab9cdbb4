// Calls and types of the hazard register and the overdue lists (decision 011). Only types are shared.
import { download, type ModuleKey, query, request, t } from '../../api';
import type { Severity as HazardLevel, FindingStatus as HazardStatus } from '../findings/api';

export interface Hazard {
  id: string;
  status: HazardStatus;
  level: HazardLevel;
  category: string;
  description: string;
  requirement: string | null;
  responsiblePerson: string | null;
  deadline: string;
  noticeNo: string | null;
  unitId: string;
  unitName: string;
  zoneId: string | null;
  zoneName: string | null;
  foundOn: string;
  closedOn: string | null;
  ageDays: number;
  overdueDays: number;
  overdue: boolean;
  escalation: number;
}

export interface HazardQuery {
  status?: string;
  level?: string;
  unitId?: string;
  overdue?: string;
  page?: number;
  pageSize?: number;
}

export interface HazardPage {
  items: Hazard[];
  total: number;
  page: number;
  pageSize: number;
  today: string;
  summary: { status: HazardStatus; level: HazardLevel; count: number; overdue: number }[];
}

export interface OverdueFinding {
  id: string;
  module: ModuleKey;
  category: string;
  severity: HazardLevel;
  description: string;
  deadline: string;
  noticeNo: string | null;
  escalation: number;
  overdueDays: number;
}

export interface OverdueLists {
  today: string;
  total: number;
  truncated: boolean;
  units: {
    unitId: string;
    unitName: string;
    zoneId: string | null;
    zoneName: string | null;
    count: number;
    maxOverdueDays: number;
    byModule: Partial<Record<ModuleKey, number>>;
    findings: OverdueFinding[];
  }[];
  zones: {
    zoneId: string | null;
    zoneName: string | null;
    count: number;
    units: number;
    escalated: number;
  }[];
}

const filters = (q: HazardQuery) => ({
  status: q.status,
  level: q.level,
  unitId: q.unitId,
  overdue: q.overdue,
});

export const hazardsApi = {
  list: (slug: string, q: HazardQuery) =>
    request<HazardPage>(
      'GET',
      t(slug, `hazards${query({ ...filters(q), page: q.page, pageSize: q.pageSize })}`),
    ),
  download: (slug: string, q: HazardQuery) =>
    download(t(slug, `hazards.xlsx${query(filters(q))}`), '隐患台账.xlsx'),
  overdue: (slug: string) => request<OverdueLists>('GET', t(slug, 'findings/overdue')),
};
