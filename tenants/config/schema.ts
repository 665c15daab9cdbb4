import * as v from 'valibot';
import { MAX_MIN_RESPONSES, MIN_RESPONSES_FLOOR } from '../surveys/questions';

/** The four supervision modules a tenant can turn on (seed 000: 督教、督学、督管理、督安全). */
export const MODULE_KEYS = ['teaching', 'study', 'management', 'safety'] as const;
export type ModuleKey = (typeof MODULE_KEYS)[number];

export const TENANT_KINDS = ['county', 'district', 'college'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

/** Who a tenant is, wherever a tenant is described (control plane, provisioning, demo data, province view). */
export interface TenantIdentity {
  /** The tenant code: URL segment, database name and token scope (tenants/config/slug.ts). */
  slug: string;
  name: string;
  kind: TenantKind;
  /** GB/T 2260 administrative division code; the province groups tenants by its prefix. */
  regionCode: string;
  province: string;
  city: string;
}

/** Stage of a unit kind; the balance coefficients (DOMAIN.md §1) split schools by stage. */
export const UNIT_STAGES = [
  'preschool',
  'primary',
  'junior',
  'nine_year',
  'senior',
  'complete_secondary',
  'twelve_year',
  'teaching_point',
  'vocational',
  'special',
  'department',
  'office',
  'teaching_group',
  'training_center',
  'township',
] as const;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

const UnitKindSchema = v.object({
  key: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/)),
  label: text(20),
  stage: v.picklist(UNIT_STAGES),
  /** Whether a unit of this kind can be the parent of other units (a township, a department). */
  isGroup: v.optional(v.boolean(), false),
});

const VocabularySchema = v.object({
  /** What a supervised unit is called: 学校 (county) or 部门 (college). */
  unit: text(10),
  /** Grouping of units: 乡镇/学区 (county), 系部 (college). */
  unitGroup: text(10),
  zone: text(12),
  inspector: text(10),
  office: text(20),
});

const ThemeSchema = v.object({
  month: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
  theme: text(60),
});

const ObservationQuotaSchema = v.object({
  /** Quota key, e.g. front_line_teacher, group_head, middle_manager (seed 000: 8 / 16 / 20). */
  key: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/)),
  label: text(20),
  perSemester: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(200)),
});

export const TenantConfigSchema = v.pipe(
  v.object({
    version: v.literal(1),
    modules: v.object({
      teaching: v.boolean(),
      study: v.boolean(),
      management: v.boolean(),
      safety: v.boolean(),
    }),
    vocabulary: VocabularySchema,
    unitKinds: v.pipe(v.array(UnitKindSchema), v.minLength(1), v.maxLength(40)),
    zones: v.object({
      /** A responsibility zone holds at most this many units (国教督办〔2013〕2号: 20). */
      maxUnitsPerZone: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
      /** About one responsible inspector per this many units (default 5). */
      unitsPerInspector: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
    }),
    visits: v.object({
      /** Routine visit rule: monthly (default) or twice a semester (条例 Art. 14). */
      routineFrequency: v.picklist(['monthly', 'twice_per_semester']),
      /** Whether an inspector may record visits only at units of their own zones and assignments. */
      ownUnitsOnly: v.optional(v.boolean(), true),
      /** Days a unit has to rectify when a finding names no deadline. */
      defaultDeadlineDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)), 14),
      /** Days past a deadline before the director is told as well as the unit head. */
      escalateToDirectorAfterDays: v.optional(
        v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(90)),
        7,
      ),
    }),
    observationQuotas: v.object({
      roles: v.pipe(v.array(ObservationQuotaSchema), v.maxLength(20)),
      /** Supervisors observe at least this many lessons a week (seed 002: 1). */
      supervisorPerWeek: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20)),
    }),
    semesters: v.object({
      /** Month the autumn semester starts (9) and the spring semester starts (2). */
      autumnStartMonth: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
      springStartMonth: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
    }),
    themeCalendar: v.pipe(v.array(ThemeSchema), v.maxLength(12)),
    observations: v.optional(
      v.object({
        /**
         * The rubric the observation form starts with: a shipped rubric's key (`lesson_100`) or one
         * of the office's rubric ids. Unset, archived or unknown: the first active shipped rubric.
         */
        defaultRubric: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64))),
      }),
    ),
    surveys: v.optional(
      v.object({
        /** Responses a survey needs before its results show, when the survey sets none (unset: DEFAULT_MIN_RESPONSES, 5). */
        minResponses: v.optional(
          v.pipe(
            v.number(),
            v.integer(),
            v.minValue(MIN_RESPONSES_FLOOR, `最少答卷数不能少于 ${MIN_RESPONSES_FLOOR} 份`),
            v.maxValue(MAX_MIN_RESPONSES),
          ),
        ),
      }),
    ),
  }),
  v.check(
    (c) => new Set(c.unitKinds.map((k) => k.key)).size === c.unitKinds.length,
    '单位类型的标识不能重复',
  ),
  v.check(
    (c) => new Set(c.themeCalendar.map((t) => t.month)).size === c.themeCalendar.length,
    '每个月只能有一个督导主题',
  ),
);

export type TenantConfig = v.InferOutput<typeof TenantConfigSchema>;
export type UnitKind = TenantConfig['unitKinds'][number];
