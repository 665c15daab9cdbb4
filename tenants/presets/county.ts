import type { TenantConfig, UnitKind } from '../config/schema';

/**
 * School kinds a county or district office supervises. Stages follow DOMAIN.md §1 so the
 * balance coefficients can split or skip schools by stage (teaching points, vocational and
 * special schools are outside the 优质均衡 scope). A 民办幼儿园 is its own kind because seed
 * 001 checks private kindergartens separately (e.g. 94 所民办幼儿园安全检查).
 */
export const SCHOOL_UNIT_KINDS: readonly UnitKind[] = [
  { key: 'primary', label: '小学', stage: 'primary', isGroup: false },
  { key: 'junior', label: '初中', stage: 'junior', isGroup: false },
  { key: 'nine_year', label: '九年一贯制学校', stage: 'nine_year', isGroup: false },
  { key: 'complete_secondary', label: '完全中学', stage: 'complete_secondary', isGroup: false },
  { key: 'senior', label: '高中', stage: 'senior', isGroup: false },
  { key: 'preschool', label: '幼儿园', stage: 'preschool', isGroup: false },
  { key: 'private_preschool', label: '民办幼儿园', stage: 'preschool', isGroup: false },
  { key: 'teaching_point', label: '教学点', stage: 'teaching_point', isGroup: false },
  { key: 'vocational', label: '职业学校', stage: 'vocational', isGroup: false },
  { key: 'special', label: '特殊教育学校', stage: 'special', isGroup: false },
];

/**
 * Per-semester observation quotas for school staff, which inspectors check in the schools'
 * 听课记录. Provincial 教学常规 rules differ, so these are modest defaults the office edits;
 * they are kept close to the college figures of seed 000 (8 / 16 / 20) so that the
 * province compares like with like.
 */
export const SCHOOL_OBSERVATION_QUOTAS: TenantConfig['observationQuotas'] = {
  roles: [
    { key: 'teacher', label: '专任教师', perSemester: 10 },
    { key: 'group_head', label: '教研组长', perSemester: 16 },
    { key: 'principal', label: '校长', perSemester: 20 },
  ],
  // Inspectors visit each school monthly and sit in on lessons (seed 001: 学区 staff observe
  // 50+ lessons a year, seed 003: 推门听课), i.e. at least about one a week.
  supervisorPerWeek: 1,
};

/**
 * Default county calendar: DOMAIN.md §6 adapted with the county work of seed 001
 * (term-opening checks, 控辍保学, 营养午餐, 乡镇政府教育目标考核 at year end).
 */
const COUNTY_THEMES: TenantConfig['themeCalendar'] = [
  { month: 1, theme: '校风教风学风建设及期末工作' },
  { month: 2, theme: '春季开学工作督查（入学保生、安全卫生、收费财务、教学常规）' },
  { month: 3, theme: '校园安全、传染病防控和心理健康' },
  { month: 4, theme: '控辍保学专项督查和学生课业负担' },
  { month: 5, theme: '课程开设、课堂教学和教育质量监测' },
  { month: 6, theme: '校园及周边安全、学生交通和防溺水' },
  { month: 7, theme: '义务教育优质均衡和学前教育普及普惠' },
  { month: 8, theme: '教师假期培训和秋季开学准备' },
  { month: 9, theme: '秋季开学工作督查和招生、收费、择校' },
  { month: 10, theme: '教师师德和专业发展、“五项管理”落实' },
  { month: 11, theme: '食堂、食品、饮水、宿舍卫生和营养午餐' },
  { month: 12, theme: '乡镇政府教育工作目标考核和责任督学考评' },
];

/**
 * A county office (县人民政府教育督导室): 督政 of townships, 挂牌督导 of schools, evaluation
 * and balance coefficients (督管理), safety checks, and teaching inspections (seed 001 视导),
 * so all four modules are on.
 */
export const COUNTY_PRESET: TenantConfig = {
  version: 1,
  modules: { teaching: true, study: true, management: true, safety: true },
  vocabulary: {
    unit: '学校',
    unitGroup: '乡镇',
    zone: '责任区',
    inspector: '督学',
    office: '人民政府教育督导室',
  },
  unitKinds: [{ key: 'township', label: '乡镇', stage: 'township', isGroup: true }, ...SCHOOL_UNIT_KINDS],
  // 国教督办〔2013〕2号: at most 20 schools a zone, about one inspector per 5 schools.
  zones: { maxUnitsPerZone: 20, unitsPerInspector: 5 },
  visits: {
    routineFrequency: 'monthly',
    ownUnitsOnly: true,
    defaultDeadlineDays: 14,
    escalateToDirectorAfterDays: 7,
  },
  observationQuotas: SCHOOL_OBSERVATION_QUOTAS,
  semesters: { autumnStartMonth: 9, springStartMonth: 2 },
  themeCalendar: COUNTY_THEMES,
};
