import type { TenantConfig } from '../config/schema';
import { SCHOOL_OBSERVATION_QUOTAS, SCHOOL_UNIT_KINDS } from './county';

/** 一月一主题 of 相山区 2023 (seed 003), as summarised in DOMAIN.md §6. */
export const XIANGSHAN_2023_THEMES: TenantConfig['themeCalendar'] = [
  { month: 1, theme: '校风教风学风及期末工作' },
  { month: 2, theme: '春季开学综合督导' },
  { month: 3, theme: '校园安全、传染病防控和心理健康' },
  { month: 4, theme: '学生学习、课业负担和体艺2+1' },
  { month: 5, theme: '课程开设、课堂教学和控辍保学' },
  { month: 6, theme: '校园及周边安全、交通和防溺水' },
  { month: 7, theme: '学前教育普及普惠、义务教育优质均衡' },
  { month: 8, theme: '教师假期培训和学生假期生活' },
  { month: 9, theme: '招生、收费、择校' },
  { month: 10, theme: '教师师德和专业发展、减轻教师负担' },
  { month: 11, theme: '食堂、食品、饮水、宿舍卫生和劳动教育' },
  { month: 12, theme: '期末工作、绩效考核、责任督学考评' },
];

/**
 * A district office works like a county one, but groups its schools by 学区 rather than
 * townships. The schema has no separate stage for a 学区, so it reuses the grouping stage
 * `township`; the balance coefficients skip group units anyway.
 */
export const DISTRICT_PRESET: TenantConfig = {
  version: 1,
  modules: { teaching: true, study: true, management: true, safety: true },
  vocabulary: {
    unit: '学校',
    unitGroup: '学区',
    zone: '责任区',
    inspector: '督学',
    office: '人民政府教育督导室',
  },
  unitKinds: [
    { key: 'school_district', label: '学区', stage: 'township', isGroup: true },
    ...SCHOOL_UNIT_KINDS,
  ],
  zones: { maxUnitsPerZone: 20, unitsPerInspector: 5 },
  visits: {
    routineFrequency: 'monthly',
    ownUnitsOnly: true,
    defaultDeadlineDays: 14,
    escalateToDirectorAfterDays: 7,
  },
  observationQuotas: SCHOOL_OBSERVATION_QUOTAS,
  semesters: { autumnStartMonth: 9, springStartMonth: 2 },
  themeCalendar: XIANGSHAN_2023_THEMES,
};
