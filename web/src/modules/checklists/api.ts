// Calls and types of the checklist template pages. Only types are shared with the server, never code:
// the body's shape is tenants/checklists/schema.ts, declared again here so no server code ships.
import { type ModuleKey, type Paged, query, request, t } from '../../api';

export type ItemType = 'yes_no' | 'score' | 'number' | 'choice' | 'text' | 'photo' | 'date';
export const ITEM_TYPES: ItemType[] = ['yes_no', 'score', 'number', 'choice', 'text', 'photo', 'date'];

/** 隐患等级: 一般、较大、重大. */
export type HazardLevel = 'general' | 'serious' | 'major';
export const HAZARD_LEVELS: HazardLevel[] = ['general', 'serious', 'major'];

export const MODULE_KEYS: ModuleKey[] = ['teaching', 'study', 'management', 'safety'];

export function isModuleKey(value: string | undefined): value is ModuleKey {
  return MODULE_KEYS.indexOf(value as ModuleKey) >= 0;
}

export type RuleWhen = { answer: 'no' } | { below: number } | { choice: string };

export interface Rule {
  when: RuleWhen;
  requireNote?: boolean;
  requirePhoto?: boolean;
  createFinding?: boolean;
}

export interface ChecklistItem {
  key: string;
  label: string;
  type: ItemType;
  required?: boolean;
  guidance?: string;
  max?: number;
  unit?: string;
  choices?: string[];
  hazardLevel?: HazardLevel;
  rules?: Rule[];
}

export interface ChecklistSection {
  key: string;
  title: string;
  items: ChecklistItem[];
}

export interface ChecklistBody {
  sections: ChecklistSection[];
}

export type TemplateStatus = 'active' | 'archived';

export interface TemplateRow {
  id: string;
  module: ModuleKey;
  name: string;
  description: string | null;
  builtin: boolean;
  copiedFromId: string | null;
  latestVersion: number;
  itemCount: number;
  status: TemplateStatus;
  updatedAt: string;
}

export interface VersionInfo {
  version: number;
  createdAt: string;
  createdById: string | null;
  createdByName: string | null;
  note: string | null;
  /** Shipped wording (系统内置), not an office's edit. */
  builtin: boolean;
}

export interface TemplateDetail extends TemplateRow {
  createdAt: string;
  copiedFrom: { id: string; name: string } | null;
  /** The latest version's body. */
  body: ChecklistBody;
  versions: VersionInfo[];
}

export interface VersionDetail extends VersionInfo {
  latest: boolean;
  itemCount: number;
  body: ChecklistBody;
}

export interface TemplateQuery {
  q?: string;
  status?: string;
  page?: number;
  pageSize?: number;
}

export interface NewTemplate {
  name: string;
  description: string | null;
  body: ChecklistBody;
}

export interface NewVersion extends NewTemplate {
  note: string | null;
  /** The version the editor started from: 409 if someone saved another meanwhile. */
  baseVersion: number;
}

const path = (slug: string, module: ModuleKey, rest = '') => t(slug, `${module}/templates${rest}`);
const one = (id: string) => `/${encodeURIComponent(id)}`;

type One = { template: TemplateDetail };

export const checklistsApi = {
  list: (slug: string, module: ModuleKey, q: TemplateQuery) =>
    request<Paged<TemplateRow>>('GET', path(slug, module) + query({ ...q })),
  get: (slug: string, module: ModuleKey, id: string) => request<One>('GET', path(slug, module, one(id))),
  version: (slug: string, module: ModuleKey, id: string, version: number) =>
    request<{ template: TemplateRow; version: VersionDetail }>(
      'GET',
      path(slug, module, `${one(id)}/versions/${version}`),
    ),
  create: (slug: string, module: ModuleKey, body: NewTemplate) =>
    request<One>('POST', path(slug, module), body),
  copy: (slug: string, module: ModuleKey, id: string) =>
    request<One>('POST', path(slug, module, `${one(id)}/copy`), {}),
  newVersion: (slug: string, module: ModuleKey, id: string, body: NewVersion) =>
    // `unchanged`: the edit changed nothing, so no version was added.
    request<One & { unchanged: boolean }>('POST', path(slug, module, `${one(id)}/versions`), body),
  archive: (slug: string, module: ModuleKey, id: string) =>
    request<One>('POST', path(slug, module, `${one(id)}/archive`)),
  restore: (slug: string, module: ModuleKey, id: string) =>
    request<One>('POST', path(slug, module, `${one(id)}/restore`)),
};
