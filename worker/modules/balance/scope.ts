import { and, eq, inArray } from 'drizzle-orm';
import { balanceFigures, units } from '../../../db/schema/tenant';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError } from '../../errors';
import type { SchoolFigures, SchoolKind } from './coefficients';
import type { ResourceKey } from './indicators';

/**
 * Unit-kind stages (tenant config `unitKinds`) that are compulsory schools, and the school kind
 * each is by default. Vocational, special, senior and preschool units are outside 优质均衡 and
 * never counted; a college has none of these, so it simply has no schools here.
 */
export const STAGE_SCHOOL_KIND: Record<string, SchoolKind> = {
  primary: '小学',
  junior: '初中',
  nine_year: '九年一贯制',
  complete_secondary: '完全中学',
  twelve_year: '十二年一贯制',
  teaching_point: '教学点',
};

/**
 * What reading a tenant's balance figures needs: its database and configuration. A service
 * context is one; the province overview builds one per county it reads.
 */
export interface BalanceSource {
  db: ServiceContext['db'];
  tenant: { config: ServiceContext['tenant']['config'] };
}

export interface SchoolUnit {
  id: string;
  code: string | null;
  name: string;
  /** The kind the unit is registered as, as a school kind. */
  defaultKind: SchoolKind;
  archived: boolean;
}

export interface StoredFigures {
  unitId: string;
  schoolKind: SchoolKind;
  enrolment: number;
  enrolmentByStage: Record<string, number> | null;
  resources: Record<string, number>;
  updatedAt: string;
}

/** Kinds of unit (config keys) that are compulsory schools, with their default school kind. */
export function schoolKindsOf(ctx: BalanceSource): Map<string, SchoolKind> {
  const out = new Map<string, SchoolKind>();
  for (const k of ctx.tenant.config.unitKinds) {
    const kind = STAGE_SCHOOL_KIND[k.stage];
    if (kind) out.set(k.key, kind);
  }
  return out;
}

/** Every compulsory-school unit of the tenant (archived ones too: older years may name them). */
export async function schoolUnits(ctx: BalanceSource): Promise<SchoolUnit[]> {
  const kinds = schoolKindsOf(ctx);
  if (kinds.size === 0) return [];
  const rows = await ctx.db
    .select({ id: units.id, code: units.code, name: units.name, kind: units.kind, status: units.status })
    .from(units)
    .where(inArray(units.kind, [...kinds.keys()]))
    .orderBy(units.name);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    defaultKind: kinds.get(r.kind) as SchoolKind,
    archived: r.status === 'archived',
  }));
}

export async function storedFigures(ctx: BalanceSource, year: number): Promise<StoredFigures[]> {
  const rows = await ctx.db.select().from(balanceFigures).where(eq(balanceFigures.schoolYear, year));
  return rows.map(toStored);
}

export async function storedFiguresOf(ctx: ServiceContext, year: number, unitId: string) {
  const [row] = await ctx.db
    .select()
    .from(balanceFigures)
    .where(and(eq(balanceFigures.schoolYear, year), eq(balanceFigures.unitId, unitId)));
  return row ? toStored(row) : null;
}

function toStored(r: typeof balanceFigures.$inferSelect): StoredFigures {
  return {
    unitId: r.unitId,
    schoolKind: r.schoolKind as SchoolKind,
    enrolment: r.enrolment,
    enrolmentByStage: r.enrolmentByStage ?? null,
    resources: r.resources,
    updatedAt: r.updatedAt,
  };
}

/** The pure module's input, keyed by unit id so that two schools of one name never mix. */
export function asSchoolFigures(f: StoredFigures): SchoolFigures {
  return {
    name: f.unitId,
    kind: f.schoolKind,
    enrolment: f.enrolment,
    ...(f.enrolmentByStage ? { enrolmentByStage: f.enrolmentByStage } : {}),
    resources: f.resources as Partial<Record<ResourceKey, number>>,
  };
}

/** The schools of a year: active school units, and archived ones that have figures that year. */
export function schoolsOfYear(all: SchoolUnit[], figures: StoredFigures[]) {
  const withFigures = new Set(figures.map((f) => f.unitId));
  return all.filter((u) => !u.archived || withFigures.has(u.id));
}

/** A school year is named by the calendar year it starts in: 2025 for 2025–2026. */
export function parseSchoolYear(raw: string | undefined): number {
  const last = Number(beijingDate().slice(0, 4)) + 1;
  const year = Number(raw);
  if (!raw || !/^\d{4}$/.test(raw) || year < 2000 || year > last) {
    throw new AppError(
      'VALIDATION_FAILED',
      `学年应为 2000–${last} 之间的四位年份（如 2025 表示 2025–2026 学年）`,
      {
        issues: [{ path: 'year', message: `学年应为 2000–${last} 之间的四位年份` }],
      },
    );
  }
  return year;
}

export function schoolYearLabel(year: number): string {
  return `${year}—${year + 1}学年`;
}
