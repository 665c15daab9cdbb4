import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { observations, units, users } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';
import type { Actor, ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { validationError } from '../../errors';
import { reportingSemesterKey } from '../../semesters';
import {
  type ComplianceStatus,
  quotaFor,
  quotaRolesOf,
  type SemesterProgress,
  STATUS_LABELS,
  semesterProgress,
  statusOf,
  supervisorLabelOf,
} from './quotas';

export interface ComplianceRow {
  userId: string;
  name: string;
  role: string;
  unitId: string | null;
  unitName: string | null;
  quotaRole: string;
  quotaLabel: string;
  required: number;
  done: number;
  expected: number;
  status: ComplianceStatus;
  statusLabel: string;
}

interface UnitRow {
  id: string;
  name: string;
  parentId: string | null;
}

/** The unit and every unit under it (a department's teaching groups), as a set of ids. */
export function unitAndBelow(unitId: string, unitRows: readonly UnitRow[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of unitRows) {
    if (!u.parentId) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const out = new Set<string>();
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/**
 * Everyone held to a quota (an active account with a quota role, or an inspector) with the
 * lessons they observed in the semester, in one statement: the count per person is a correlated
 * count on `observations_observer_idx (observer_id, semester)`, so it reads the index only, never
 * the records.
 */
export function peopleQuery(db: TenantDb, semester: string, userId?: string) {
  // Written out: drizzle leaves column names unqualified inside a selected expression, and an
  // unqualified "id" there would be the observation's.
  const done = sql<number>`(select count(*) from ${observations} as o where o.observer_id = ${users}.id and o.semester = ${semester})`;
  return db
    .select({
      userId: users.id,
      name: users.displayName,
      role: users.role,
      quotaRole: users.quotaRole,
      unitId: users.unitId,
      done,
    })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        or(isNotNull(users.quotaRole), eq(users.role, 'inspector')),
        userId ? eq(users.id, userId) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

/** The people with their counts and the units, in one round trip. */
function peopleWithCounts(db: TenantDb, semester: string, userId?: string) {
  return db.batch([
    peopleQuery(db, semester, userId),
    db.select({ id: units.id, name: units.name, parentId: units.parentId }).from(units),
  ]);
}

/** Which units an actor may read compliance of: all (null), or a unit manager's unit and those under it. */
function actorScope(actor: Actor, unitRows: readonly UnitRow[]): Set<string> | null {
  if (actor.role !== 'unit_manager') return null;
  return actor.unitId ? unitAndBelow(actor.unitId, unitRows) : new Set();
}

export interface ComplianceFilters {
  unitId?: string;
  quotaRole?: string;
}

export interface ComplianceReport {
  semester: SemesterProgress;
  today: string;
  rows: ComplianceRow[];
  units: UnitRow[];
}

/** The semester a query names (checked: a key that parses but is no real semester is refused), or the current one. */
export function resolveSemester(config: TenantConfig, key: string | undefined, today: string) {
  const semester = key ?? reportingSemesterKey(today, config.semesters);
  const year = Number(semester.slice(0, 4));
  if (year < 2000 || year > 2100) {
    throw validationError([{ path: 'semester', message: '学期年份应在 2000 至 2100 之间，如 2026-autumn' }]);
  }
  return semesterProgress(semester, config.semesters, today);
}

/**
 * The compliance rows the actor may read for a semester: each person's quota, lessons done,
 * lessons expected by today and status, narrowed to a unit (and its groups) and a quota role.
 */
export async function complianceReport(
  ctx: ServiceContext,
  semesterKey: string | undefined,
  filters: ComplianceFilters & { userId?: string; unscoped?: boolean } = {},
): Promise<ComplianceReport> {
  const { config } = ctx.tenant;
  const today = beijingDate();
  const semester = resolveSemester(config, semesterKey, today);
  if (filters.quotaRole && !quotaRolesOf(config).some((r) => r.key === filters.quotaRole)) {
    throw validationError([
      {
        path: 'quotaRole',
        message: `听课类别“${filters.quotaRole}”不存在，可选：${quotaRolesOf(config)
          .map((r) => r.label)
          .join('、')}`,
      },
    ]);
  }
  const [people, unitRows] = await peopleWithCounts(ctx.db, semester.key, filters.userId);
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const scope = filters.unscoped ? null : actorScope(ctx.actor, unitRows);
  const wanted = filters.unitId ? unitAndBelow(filters.unitId, unitRows) : null;
  const supervisorLabel = supervisorLabelOf(config);

  const rows: ComplianceRow[] = [];
  for (const person of people) {
    if (scope && !(person.unitId && scope.has(person.unitId))) continue;
    if (wanted && !(person.unitId && wanted.has(person.unitId))) continue;
    const quota = quotaFor(person, config.observationQuotas, supervisorLabel, semester);
    if (!quota) continue;
    if (filters.quotaRole && quota.key !== filters.quotaRole) continue;
    const done = Number(person.done);
    const status = statusOf(done, quota.required, quota.expected);
    rows.push({
      userId: person.userId,
      name: person.name,
      role: person.role,
      unitId: person.unitId,
      unitName: person.unitId ? (unitName.get(person.unitId) ?? null) : null,
      quotaRole: quota.key,
      quotaLabel: quota.label,
      required: quota.required,
      done,
      expected: quota.expected,
      status,
      statusLabel: STATUS_LABELS[status],
    });
  }
  return { semester, today, rows, units: unitRows };
}

export interface Totals {
  people: number;
  required: number;
  done: number;
  behind: number;
  /** Lessons of the quota reached (each person counted up to their quota) / the quota, whole percent. */
  percent: number;
}

function addUp(rows: readonly ComplianceRow[]): Totals {
  let required = 0;
  let reached = 0;
  let done = 0;
  let behind = 0;
  for (const r of rows) {
    required += r.required;
    reached += Math.min(r.done, r.required);
    done += r.done;
    if (r.status === 'behind') behind++;
  }
  return {
    people: rows.length,
    required,
    done,
    behind,
    percent: required > 0 ? Math.floor((reached * 100) / required) : 100,
  };
}

/** Totals by unit (by name), by quota role (in the tenant's order) and overall. */
export function totalsOf(rows: readonly ComplianceRow[], config: TenantConfig) {
  const byUnit = new Map<string, { unitId: string | null; unitName: string | null; rows: ComplianceRow[] }>();
  const byRole = new Map<string, ComplianceRow[]>();
  for (const r of rows) {
    const unitKey = r.unitId ?? '';
    const unit = byUnit.get(unitKey) ?? { unitId: r.unitId, unitName: r.unitName, rows: [] };
    unit.rows.push(r);
    byUnit.set(unitKey, unit);
    byRole.set(r.quotaRole, [...(byRole.get(r.quotaRole) ?? []), r]);
  }
  return {
    all: addUp(rows),
    byUnit: [...byUnit.values()]
      .map((u) => ({ unitId: u.unitId, unitName: u.unitName, ...addUp(u.rows) }))
      .sort((a, b) => compareNames(a.unitName, b.unitName)),
    byRole: quotaRolesOf(config)
      .filter((r) => byRole.has(r.key))
      .map((r) => ({ key: r.key, label: r.label, ...addUp(byRole.get(r.key) ?? []) })),
  };
}

/**
 * Names in code-point order (for Chinese, roughly by radical and stroke), those without last.
 * Pinyin collation (Intl) cost more than the query itself over a few hundred rows in workerd.
 */
function compareNames(a: string | null, b: string | null): number {
  const x = a ?? '\uffff';
  const y = b ?? '\uffff';
  return x < y ? -1 : x > y ? 1 : 0;
}

const STATUS_ORDER: Record<ComplianceStatus, number> = { behind: 0, on_track: 1, done: 2 };

/** Those behind first, then by unit and name: the order the office works through the list. */
export function officeOrder(a: ComplianceRow, b: ComplianceRow): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    compareNames(a.unitName, b.unitName) ||
    compareNames(a.name, b.name)
  );
}
