import type { TenantRole } from '../../db/schema/tenant';
import { newUserId, uniqueUsername } from '../accounts/fixtures';
import { archivedTemplate, newTemplate, sampleBody } from '../checklists/fixtures';
import { assignBody, complaintForStaff, complaintToAssign, complaintWithPhoto } from '../complaints/fixtures';
import { oneUnitCsv } from '../imports/fixtures';
import { inspectorWithPhoto, newInspector, tinyPng } from '../inspectors/fixtures';
import { forwardBody, forwardedToHomeUnit, suggestionBy, suggestionToForward } from '../suggestions/fixtures';
import { archivedUnit, newUnit, newZone, suffix as unitSuffix } from '../units/fixtures';
import { BALANCE_ENDPOINTS } from './endpoints-balance';
import { COMPLIANCE_ENDPOINTS } from './endpoints-compliance';
import { DASHBOARD_ENDPOINTS } from './endpoints-dashboard';
import { EVALUATION_ENDPOINTS } from './endpoints-evaluation';
import { EVALUATION_REVIEW_ENDPOINTS } from './endpoints-evaluation-review';
import { EVALUATION_ROUNDS_ENDPOINTS } from './endpoints-evaluation-rounds';
import { FINDINGS_ENDPOINTS } from './endpoints-findings';
import { HAZARDS_ENDPOINTS } from './endpoints-hazards';
import { NOTIFICATIONS_ENDPOINTS } from './endpoints-notifications';
import { OBSERVATIONS_ENDPOINTS } from './endpoints-observations';
import { PLANS_ENDPOINTS } from './endpoints-plans';
import { SURVEYS_ENDPOINTS } from './endpoints-surveys';
import { TARGETS_ENDPOINTS } from './endpoints-targets';
import { TEACHERS_ENDPOINTS } from './endpoints-teachers';
import { TEACHING_ENDPOINTS } from './endpoints-teaching';
import { VISITS_ENDPOINTS } from './endpoints-visits';
import { MODULE } from './module-path';

/**
 * Every API endpoint, with who may call it. The suite checks this list against the app's own
 * route table, so a new endpoint cannot ship without the 401 / 403 / 404 checks.
 */
export interface TenantEndpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under /api/t/:tenant, as the route declares it (`/units/:id`). */
  path: string;
  /** Roles allowed; 'public' needs no session. */
  roles: readonly TenantRole[] | 'public' | 'any-session';
  /** A valid body; a function gets the role, for bodies that must differ per call (unique names). */
  body?: unknown | ((role: TenantRole) => unknown);
  /** For file endpoints: a valid file sent as the raw body. */
  upload?: { contentType: string; bytes: () => Uint8Array };
  /**
   * Real values for the path's :params in the home tenant, made fresh per allowed role so the
   * 2xx check acts on a real row. Refusals (401/403/404) are checked with placeholder values:
   * they must be decided before any lookup.
   */
  params?: (role: TenantRole) => Promise<Record<string, string>>;
}

export interface PlatformEndpoint {
  method: 'GET' | 'POST';
  /** Path under /api/province */
  path: string;
  roles: readonly ('province' | 'operator')[] | 'public' | 'any-session';
  body?: unknown;
}

export const PUBLIC_ENDPOINTS = [
  { method: 'GET', path: '/api/health' },
  { method: 'POST', path: '/api/signup' },
] as const;

export const TENANT_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/info', roles: 'public' },
  { method: 'POST', path: '/auth/login', roles: 'public', body: { username: 'nobody', password: 'x' } },
  { method: 'POST', path: '/auth/logout', roles: 'any-session' },
  { method: 'GET', path: '/me', roles: 'any-session' },
  {
    method: 'POST',
    path: '/auth/password',
    roles: 'any-session',
    body: { currentPassword: 'x', newPassword: 'y' },
  },
  {
    method: 'GET',
    path: '/config',
    roles: ['admin', 'director', 'inspector', 'unit_manager', 'teacher', 'viewer'],
  },
  { method: 'GET', path: '/units', roles: ['admin', 'director', 'inspector', 'viewer'] },
  // units and zones ──────────────────────────────────────────────
  {
    method: 'POST',
    path: '/units',
    roles: ['admin', 'director'],
    body: (role: TenantRole) => ({ name: `安全测试学校${role}${unitSuffix()}`, kind: 'primary' }),
  },
  {
    method: 'GET',
    path: '/units/:id',
    roles: ['admin', 'director', 'inspector', 'viewer'],
    params: async () => ({ id: await newUnit() }),
  },
  {
    method: 'PATCH',
    path: '/units/:id',
    roles: ['admin', 'director'],
    body: { enrolment: 321 },
    params: async () => ({ id: await newUnit() }),
  },
  {
    method: 'POST',
    path: '/units/:id/archive',
    roles: ['admin', 'director'],
    params: async () => ({ id: await newUnit() }),
  },
  {
    method: 'POST',
    path: '/units/:id/restore',
    roles: ['admin', 'director'],
    params: async () => ({ id: await archivedUnit() }),
  },
  { method: 'GET', path: '/zones', roles: ['admin', 'director', 'inspector', 'viewer'] },
  {
    method: 'POST',
    path: '/zones',
    roles: ['admin', 'director'],
    body: (role: TenantRole) => ({ name: `安全测试责任区${role}${unitSuffix()}` }),
  },
  {
    method: 'PATCH',
    path: '/zones/:id',
    roles: ['admin', 'director'],
    body: { note: '安全测试备注' },
    params: async () => ({ id: await newZone() }),
  },
  {
    method: 'POST',
    path: '/zones/:id/units',
    roles: ['admin', 'director'],
    body: { add: [], remove: [] },
    params: async () => ({ id: await newZone() }),
  },
  {
    method: 'POST',
    path: '/zones/:id/delete',
    roles: ['admin', 'director'],
    params: async () => ({ id: await newZone() }),
  },
  // inspectors ──────────────────────────────────────────────────
  { method: 'GET', path: '/inspectors', roles: ['admin', 'director', 'inspector', 'viewer'] },
  { method: 'GET', path: '/inspectors/linkable-accounts', roles: ['admin', 'director'] },
  {
    method: 'POST',
    path: '/inspectors',
    roles: ['admin', 'director'],
    body: (role: TenantRole) => ({ name: `安全测试${role}`, type: 'part_time' }),
  },
  {
    method: 'GET',
    path: '/inspectors/:id',
    roles: ['admin', 'director', 'inspector', 'viewer'],
    params: async () => ({ id: await newInspector() }),
  },
  {
    method: 'PATCH',
    path: '/inspectors/:id',
    roles: ['admin', 'director'],
    body: { trainingHours: 12 },
    params: async () => ({ id: await newInspector() }),
  },
  {
    method: 'POST',
    path: '/inspectors/:id/archive',
    roles: ['admin', 'director'],
    params: async () => ({ id: await newInspector() }),
  },
  {
    method: 'POST',
    path: '/inspectors/:id/restore',
    roles: ['admin', 'director'],
    params: async () => ({ id: await newInspector() }),
  },
  {
    method: 'POST',
    path: '/inspectors/:id/assignments',
    roles: ['admin', 'director'],
    body: { zoneIds: [], unitIds: [] },
    params: async () => ({ id: await newInspector() }),
  },
  {
    method: 'POST',
    path: '/inspectors/:id/photo',
    roles: ['admin', 'director'],
    upload: { contentType: 'image/png', bytes: tinyPng },
    params: async () => ({ id: await newInspector() }),
  },
  {
    method: 'GET',
    path: '/inspectors/:id/photo',
    roles: ['admin', 'director', 'inspector', 'viewer'],
    params: async () => ({ id: await inspectorWithPhoto() }),
  },
  // accounts ────────────────────────────────────────────────────
  { method: 'GET', path: '/users', roles: ['admin'] },
  {
    method: 'POST',
    path: '/users',
    roles: ['admin'],
    body: () => ({ username: uniqueUsername('sec'), displayName: '安全测试账号', role: 'viewer' }),
  },
  { method: 'GET', path: '/users/:id', roles: ['admin'], params: async () => ({ id: await newUserId() }) },
  {
    method: 'PATCH',
    path: '/users/:id',
    roles: ['admin'],
    body: { displayName: '安全测试改名' },
    params: async () => ({ id: await newUserId() }),
  },
  {
    method: 'POST',
    path: '/users/:id/disable',
    roles: ['admin'],
    params: async () => ({ id: await newUserId() }),
  },
  {
    method: 'POST',
    path: '/users/:id/enable',
    roles: ['admin'],
    params: async () => ({ id: await newUserId() }),
  },
  {
    method: 'POST',
    path: '/users/:id/reset-password',
    roles: ['admin'],
    params: async () => ({ id: await newUserId() }),
  },
  // audit ───────────────────────────────────────────────────────
  { method: 'GET', path: '/audit', roles: ['admin'] },
  // imports ─────────────────────────────────────────────────────
  // :list is checked per list (units here; inspectors and users in test/imports): refusals come first.
  {
    method: 'GET',
    path: '/imports/:list/template',
    roles: ['admin', 'director'],
    params: async () => ({ list: 'units' }),
  },
  {
    method: 'POST',
    path: '/imports/:list',
    roles: ['admin', 'director'],
    upload: { contentType: 'text/csv', bytes: oneUnitCsv },
    params: async () => ({ list: 'units' }),
  },
  {
    method: 'GET',
    path: '/exports/:list',
    roles: ['admin', 'director', 'inspector', 'viewer'],
    params: async () => ({ list: 'units' }),
  },
  // board and complaints ────────────────────────────────────────
  { method: 'GET', path: '/public/units/:id/board', roles: 'public' },
  { method: 'GET', path: '/public/inspectors/:id/photo', roles: 'public' },
  { method: 'POST', path: '/public/units/:id/complaints', roles: 'public' },
  { method: 'POST', path: '/public/complaints/:code/photo', roles: 'public' },
  { method: 'GET', path: '/public/complaints/:code', roles: 'public' },
  {
    method: 'GET',
    path: '/complaints',
    roles: ['admin', 'director', 'inspector'],
  },
  {
    method: 'GET',
    path: '/complaints/:id',
    roles: ['admin', 'director', 'inspector'],
    params: async () => ({ id: (await complaintForStaff()).id }),
  },
  {
    method: 'GET',
    path: '/complaints/:id/photo',
    roles: ['admin', 'director', 'inspector'],
    params: async () => ({ id: (await complaintWithPhoto()).id }),
  },
  {
    method: 'POST',
    path: '/complaints/:id/assign',
    roles: ['admin', 'director'],
    body: assignBody,
    params: complaintToAssign,
  },
  {
    method: 'POST',
    path: '/complaints/:id/notes',
    roles: ['admin', 'director', 'inspector'],
    body: { note: '已电话联系校方核实' },
    params: async () => ({ id: (await complaintForStaff()).id }),
  },
  {
    method: 'POST',
    path: '/complaints/:id/reply',
    roles: ['admin', 'director', 'inspector'],
    body: { publicReply: '已督促学校整改' },
    params: async () => ({ id: (await complaintForStaff()).id }),
  },
  {
    method: 'POST',
    path: '/complaints/:id/close',
    roles: ['admin', 'director', 'inspector'],
    body: { publicReply: '已核实并督促整改' },
    params: async () => ({ id: (await complaintForStaff()).id }),
  },
  {
    method: 'POST',
    path: '/complaints/:id/reopen',
    roles: ['admin', 'director'],
    body: { note: '反映人再次来电' },
    params: async () => ({ id: (await complaintForStaff({ closed: true })).id }),
  },
  // suggestions ─────────────────────────────────────────────────
  {
    method: 'POST',
    path: '/suggestions',
    roles: ['admin', 'director', 'inspector', 'unit_manager', 'teacher', 'viewer'],
    body: (role: TenantRole) => ({
      title: `安全测试建议${role}`,
      body: '建议增加图书馆开放时间。',
      category: 'study',
    }),
  },
  {
    method: 'GET',
    path: '/suggestions',
    roles: ['admin', 'director', 'inspector', 'unit_manager', 'teacher', 'viewer'],
  },
  {
    method: 'GET',
    path: '/suggestions/:id',
    roles: ['admin', 'director', 'inspector', 'unit_manager', 'teacher', 'viewer'],
    params: async (role: TenantRole) => ({ id: await suggestionBy(`role_${role}`) }),
  },
  {
    method: 'POST',
    path: '/suggestions/:id/forward',
    roles: ['admin', 'director'],
    body: forwardBody,
    params: suggestionToForward,
  },
  {
    method: 'POST',
    path: '/suggestions/:id/answer',
    roles: ['admin', 'director', 'unit_manager'],
    body: { answer: '已安排落实，谢谢建议。' },
    params: async () => ({ id: (await forwardedToHomeUnit()).id }),
  },
  {
    method: 'POST',
    path: '/suggestions/:id/close',
    roles: ['admin', 'director'],
    body: { officeNote: '督导室已直接处理。' },
    params: async () => ({ id: await suggestionBy('role_teacher') }),
  },
  // checklist templates (under a module: the gate refuses a module the tenant has off) ───
  {
    method: 'GET',
    path: `${MODULE}/templates`,
    roles: ['admin', 'director', 'inspector', 'viewer'],
    params: async () => ({ module: 'management' }),
  },
  {
    method: 'POST',
    path: `${MODULE}/templates`,
    roles: ['admin', 'director'],
    body: (role: TenantRole) => ({ name: `安全测试检查表${role}`, body: sampleBody() }),
    params: async () => ({ module: 'management' }),
  },
  {
    method: 'GET',
    path: `${MODULE}/templates/:id`,
    roles: ['admin', 'director', 'inspector', 'viewer'],
    params: async () => ({ module: 'management', id: await newTemplate() }),
  },
  {
    method: 'GET',
    path: `${MODULE}/templates/:id/versions/:version`,
    roles: ['admin', 'director', 'inspector', 'viewer'],
    params: async () => ({ module: 'management', id: await newTemplate(), version: '1' }),
  },
  {
    method: 'POST',
    path: `${MODULE}/templates/:id/copy`,
    roles: ['admin', 'director'],
    body: {},
    params: async () => ({ module: 'management', id: await newTemplate() }),
  },
  {
    method: 'POST',
    path: `${MODULE}/templates/:id/versions`,
    roles: ['admin', 'director'],
    body: { body: sampleBody('校园出入口有专人值守并登记'), baseVersion: 1, note: '安全测试修改' },
    params: async () => ({ module: 'management', id: await newTemplate() }),
  },
  {
    method: 'POST',
    path: `${MODULE}/templates/:id/archive`,
    roles: ['admin', 'director'],
    params: async () => ({ module: 'management', id: await newTemplate() }),
  },
  {
    method: 'POST',
    path: `${MODULE}/templates/:id/restore`,
    roles: ['admin', 'director'],
    params: async () => ({ module: 'management', id: await archivedTemplate() }),
  },
  // The supervision loop: each module keeps its own list.
  ...VISITS_ENDPOINTS,
  ...FINDINGS_ENDPOINTS,
  ...PLANS_ENDPOINTS,
  ...DASHBOARD_ENDPOINTS,
  ...NOTIFICATIONS_ENDPOINTS,
  ...OBSERVATIONS_ENDPOINTS,
  ...TEACHERS_ENDPOINTS,
  ...SURVEYS_ENDPOINTS,
  ...TEACHING_ENDPOINTS,
  ...COMPLIANCE_ENDPOINTS,
  ...HAZARDS_ENDPOINTS,
  ...EVALUATION_ENDPOINTS,
  ...EVALUATION_ROUNDS_ENDPOINTS,
  ...EVALUATION_REVIEW_ENDPOINTS,
  ...BALANCE_ENDPOINTS,
  ...TARGETS_ENDPOINTS,
];

export const PLATFORM_ENDPOINTS: PlatformEndpoint[] = [
  { method: 'POST', path: '/auth/login', roles: 'public', body: { username: 'nobody', password: 'x' } },
  { method: 'POST', path: '/auth/logout', roles: 'any-session' },
  { method: 'GET', path: '/me', roles: 'any-session' },
  { method: 'GET', path: '/tenants', roles: ['province', 'operator'] },
  { method: 'GET', path: '/balance', roles: ['province', 'operator'] },
  { method: 'POST', path: '/tenants/:slug/suspend', roles: ['operator'] },
  { method: 'POST', path: '/tenants/:slug/resume', roles: ['operator'] },
  { method: 'GET', path: '/signups', roles: ['operator'] },
  { method: 'POST', path: '/signups/:id/approve', roles: ['operator'] },
  { method: 'POST', path: '/signups/:id/reject', roles: ['operator'], body: { reason: '测试' } },
];
