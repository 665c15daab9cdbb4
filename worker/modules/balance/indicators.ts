/**
 * The seven resource indicators of 县域义务教育优质均衡 (教督〔2017〕6号), DOMAIN.md §1: per-school
 * minimums for 小学 and 初中, and the county's difference-coefficient ceilings. `label` is the
 * indicator as the rules word it, `total` the school's resource total a data column holds.
 */
export const BALANCE_INDICATORS = [
  {
    key: 'qualified_teachers',
    total: '高于规定学历教师数',
    label: '每百名学生拥有高于规定学历教师数',
    short: '高学历教师',
    per100: true,
    unit: '人',
    minimum: { primary: 4.2, junior: 5.3 },
  },
  {
    key: 'backbone_teachers',
    total: '县级以上骨干教师数',
    label: '每百名学生拥有县级以上骨干教师数',
    short: '骨干教师',
    per100: true,
    unit: '人',
    minimum: { primary: 1.0, junior: 1.0 },
  },
  {
    key: 'pe_art_teachers',
    total: '体育艺术专任教师数',
    label: '每百名学生拥有体育、艺术(美术、音乐)专任教师数',
    short: '体艺教师',
    per100: true,
    unit: '人',
    minimum: { primary: 0.9, junior: 0.9 },
  },
  {
    key: 'teaching_area',
    total: '教学及辅助用房面积',
    label: '生均教学及辅助用房面积',
    short: '教学及辅助用房',
    per100: false,
    unit: '平方米',
    minimum: { primary: 4.5, junior: 5.8 },
  },
  {
    key: 'sports_area',
    total: '体育运动场馆面积',
    label: '生均体育运动场馆面积',
    short: '体育运动场馆',
    per100: false,
    unit: '平方米',
    minimum: { primary: 7.5, junior: 10.2 },
  },
  {
    key: 'equipment_value',
    total: '教学仪器设备值',
    label: '生均教学仪器设备值',
    short: '教学仪器设备',
    per100: false,
    unit: '元',
    minimum: { primary: 2000, junior: 2500 },
  },
  {
    key: 'multimedia_rooms',
    total: '网络多媒体教室数',
    label: '每百名学生拥有网络多媒体教室数',
    short: '网络多媒体教室',
    per100: true,
    unit: '间',
    minimum: { primary: 2.3, junior: 2.4 },
  },
] as const;

export type IndicatorKey = (typeof BALANCE_INDICATORS)[number]['key'];
export type Indicator = (typeof BALANCE_INDICATORS)[number];
export const INDICATOR_KEYS: IndicatorKey[] = BALANCE_INDICATORS.map((i) => i.key);

/** The two compulsory stages computed apart. */
export type Stage = 'primary' | 'junior';
export const STAGES: Stage[] = ['primary', 'junior'];

/** Difference-coefficient ceilings: 小学 ≤ 0.50, 初中 ≤ 0.45 (configurable per province). */
export const DEFAULT_THRESHOLDS: Record<Stage, number> = { primary: 0.5, junior: 0.45 };
/** A school should meet at least this many of the seven minimums (configurable). */
export const DEFAULT_MINIMUMS_TO_MEET = 6;
/** 教学点 with fewer students are outside the computation. */
export const TEACHING_POINT_MIN_ENROLMENT = 50;

/**
 * The older basic-balance method (教督〔2012〕3号), which some provinces still ask for: eight
 * indicators per student (or per hundred), and a composite that is the plain mean of their eight
 * coefficients, against 0.65 for 小学 and 0.55 for 初中. A CV does not change when every value is
 * multiplied by the same number, so 每百名 or 每名 gives the same coefficient.
 */
export const BASIC_BALANCE_INDICATORS = [
  { key: 'teaching_area', label: '生均教学及辅助用房面积', total: '教学及辅助用房面积', per100: false },
  { key: 'sports_area', label: '生均体育运动场馆面积', total: '体育运动场馆面积', per100: false },
  { key: 'equipment_value', label: '生均教学仪器设备值', total: '教学仪器设备值', per100: false },
  { key: 'computers', label: '每百名学生拥有计算机台数', total: '计算机台数', per100: true },
  { key: 'books', label: '生均图书册数', total: '图书册数', per100: false },
  { key: 'teachers', label: '师生比', total: '专任教师数', per100: true },
  { key: 'qualified_teachers', label: '生均高于规定学历教师数', total: '高于规定学历教师数', per100: true },
  {
    key: 'senior_title_teachers',
    label: '生均中级及以上专业技术职务教师数',
    total: '中级及以上专业技术职务教师数',
    per100: true,
  },
] as const;

export type BasicIndicatorKey = (typeof BASIC_BALANCE_INDICATORS)[number]['key'];

/**
 * The four resource totals only the basic-balance method uses (the other four of its eight are
 * among the seven). Entered with a school's figures, on the form and in the import, always
 * optional: a county that does not report the composite leaves them blank and the composite says
 * 数据不全; the seven coefficients never depend on them.
 */
export const BASIC_ONLY_RESOURCES = [
  { key: 'computers', total: '计算机台数', unit: '台' },
  { key: 'books', total: '图书册数', unit: '册' },
  { key: 'teachers', total: '专任教师数', unit: '人' },
  { key: 'senior_title_teachers', total: '中级及以上专业技术职务教师数', unit: '人' },
] as const satisfies readonly { key: BasicIndicatorKey; total: string; unit: string }[];

export type BasicOnlyKey = (typeof BASIC_ONLY_RESOURCES)[number]['key'];
/** Every resource total a school's row may hold, for either method. */
export type ResourceKey = IndicatorKey | BasicIndicatorKey;

/** Composite ceilings of the basic-balance method: 小学 ≤ 0.65, 初中 ≤ 0.55 (configurable). */
export const DEFAULT_BASIC_THRESHOLDS: Record<Stage, number> = { primary: 0.65, junior: 0.55 };
