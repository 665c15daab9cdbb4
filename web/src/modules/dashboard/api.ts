// Calls and types of the office dashboard.
import { type ModuleKey, query, request, t } from '../../api';

export interface FindingCounts {
  open: number;
  issued: number;
  reported: number;
  /** Issued, past the deadline: part of `issued`. */
  overdue: number;
  closed: number;
}

export interface ZoneCoverage {
  zoneId: string | null;
  name: string | null;
  units: number;
  visitedMonth: number;
  visitedSemester: number;
  metSemester: number;
}

export interface Dashboard {
  year: number;
  month: number;
  today: string;
  asOf: string;
  zoneId: string | null;
  modules: ModuleKey[];
  rule: { frequency: 'monthly' | 'twice_per_semester'; required: number; staleDays: number };
  semester: {
    kind: 'autumn' | 'spring';
    schoolYear: number;
    from: string;
    to: string;
    elapsed: number;
    length: number;
    holiday: boolean;
  };
  coverage: {
    units: number;
    visitedMonth: number;
    visitedSemester: number;
    metSemester: number;
    byZone: ZoneCoverage[];
    stale: {
      count: number;
      never: number;
      units: {
        id: string;
        name: string;
        zoneName: string | null;
        lastVisitedOn: string | null;
        days: number | null;
      }[];
    };
  };
  findings: {
    total: FindingCounts;
    byModule: (FindingCounts & {
      module: ModuleKey;
      closedInWindow: number;
      medianDaysToClose: number | null;
    })[];
    byZone: (FindingCounts & { zoneId: string | null; name: string | null })[];
    topUnits: (FindingCounts & { unitId: string; name: string; zoneName: string | null })[];
  };
  visitsByMonth: { month: string; total: number; byModule: Partial<Record<ModuleKey, number>> }[];
}

export interface DashboardQuery {
  year: number;
  month: number;
  zoneId: string;
}

export const dashboardApi = {
  get: (slug: string, q: DashboardQuery) =>
    request<Dashboard>(
      'GET',
      t(slug, 'dashboard') + query({ year: q.year, month: q.month, zoneId: q.zoneId || undefined }),
    ),
  zones: (slug: string) => request<{ items: { id: string; name: string }[] }>('GET', t(slug, 'zones')),
};
