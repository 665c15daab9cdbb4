// Calls and types of the plan pages and the calendar. Only types are shared with the server, never code.
import { type ModuleKey, type Paged, query, request, t } from '../../api';

export type PlanKind = 'zone_monthly' | 'semester_all' | 'campaign';
export const PLAN_KINDS: PlanKind[] = ['zone_monthly', 'semester_all', 'campaign'];

export type VisitKind = 'comprehensive' | 'special' | 'routine' | 'term_start' | 'unannounced' | 'listed';
export const VISIT_KINDS: VisitKind[] = [
  'listed',
  'routine',
  'comprehensive',
  'special',
  'term_start',
  'unannounced',
];

/** done: a visit fulfilled it; late: past due without one; due: open today; upcoming: not open yet. */
export type ItemState = 'due' | 'done' | 'late' | 'upcoming';
export const ITEM_STATES: ItemState[] = ['late', 'due', 'done', 'upcoming'];

export interface StateCounts {
  total: number;
  due: number;
  done: number;
  late: number;
  upcoming: number;
}

interface Ref {
  id: string;
  name: string;
}

export interface Plan {
  id: string;
  module: ModuleKey;
  kind: PlanKind;
  name: string;
  visitKind: VisitKind;
  template: Ref | null;
  zone: Ref | null;
  startsOn: string;
  endsOn: string;
  theme: string | null;
  note: string | null;
  status: 'active' | 'cancelled';
  createdBy: Ref | null;
  createdAt: string;
  updatedAt: string;
  counts: StateCounts;
}

export interface PlanItem {
  id: string;
  unitId: string;
  unitName: string;
  startsOn: string;
  dueOn: string;
  state: ItemState;
  visitId: string | null;
}

export interface NewPlan {
  kind: PlanKind;
  name: string;
  visitKind: VisitKind;
  templateId: string | null;
  zoneId: string | null;
  unitIds: string[];
  startsOn: string;
  endsOn: string;
  theme: string | null;
  note: string | null;
}

export interface PlanQuery {
  status?: string;
  page?: number;
  pageSize?: number;
}

export interface ItemQuery {
  state?: string;
  page?: number;
  pageSize?: number;
}

const path = (slug: string, module: ModuleKey, rest = '') => t(slug, `${module}/plans${rest}`);
const one = (id: string) => `/${encodeURIComponent(id)}`;

export const plansApi = {
  list: (slug: string, module: ModuleKey, q: PlanQuery) =>
    request<Paged<Plan> & { today: string }>('GET', path(slug, module) + query({ ...q })),
  get: (slug: string, module: ModuleKey, id: string, q: ItemQuery) =>
    request<{ plan: Plan; today: string; items: Paged<PlanItem> }>(
      'GET',
      path(slug, module, one(id)) + query({ ...q }),
    ),
  create: (slug: string, module: ModuleKey, body: NewPlan) =>
    request<{ plan: Plan }>('POST', path(slug, module), body),
  cancel: (slug: string, module: ModuleKey, id: string) =>
    request<{ plan: Plan }>('POST', path(slug, module, `${one(id)}/cancel`)),
};
