import type { TenantConfig } from '../config/schema';

/**
 * A school year of a vocational college's 督导室, drawn from seed 000 (督学: 考试巡视,
 * 顶岗实习, 评教评学; 督安全: 实训室, 食堂/宿舍/小卖部; 技能大赛) and seed 002 (期初/期中/期末
 * 教学检查 and its month-by-month plan: 十月 宿舍消防, 十一月 期中考务, 十二月 技能大赛, 一月 期末).
 */
const COLLEGE_THEMES: TenantConfig['themeCalendar'] = [
  { month: 1, theme: '期末考试巡视、部门与教师学期考核和寒假前安全检查' },
  { month: 2, theme: '春季开学准备检查和部门学期工作计划督查' },
  { month: 3, theme: '期初教学检查（教学计划、教案抽查、教学秩序）' },
  { month: 4, theme: '期中教学检查和评教评学' },
  { month: 5, theme: '顶岗实习督导和技能大赛训练督查' },
  { month: 6, theme: '食堂、宿舍、小卖部食品安全与卫生专项检查' },
  { month: 7, theme: '期末考试巡视、试卷检查和暑假前安全检查' },
  { month: 8, theme: '暑期实训设施检修和秋季开学准备督查' },
  { month: 9, theme: '期初教学检查和开学工作督查' },
  { month: 10, theme: '学生宿舍管理和消防安全专项督导' },
  { month: 11, theme: '期中教学检查、考务督导和评教评学' },
  { month: 12, theme: '实训室安全操作规程和技能大赛训练督导' },
];

/**
 * The 督导室 of a vocational college: the four modules of seed 000 (督教、督学、督管理、督安全),
 * its observation quotas, and monthly department assessment (月督导评估机制).
 */
export const COLLEGE_PRESET: TenantConfig = {
  version: 1,
  modules: { teaching: true, study: true, management: true, safety: true },
  vocabulary: {
    unit: '部门',
    unitGroup: '系部',
    zone: '督导片区',
    inspector: '督导员',
    office: '督导室',
  },
  unitKinds: [
    { key: 'department', label: '专业部', stage: 'department', isGroup: true },
    { key: 'office', label: '处室', stage: 'office', isGroup: false },
    { key: 'teaching_group', label: '教研组', stage: 'teaching_group', isGroup: false },
    { key: 'training_center', label: '实训中心', stage: 'training_center', isGroup: false },
  ],
  // Seed 000 splits the departments between two supervisors, a handful each.
  zones: { maxUnitsPerZone: 20, unitsPerInspector: 5 },
  visits: {
    routineFrequency: 'monthly',
    ownUnitsOnly: false,
    defaultDeadlineDays: 14,
    escalateToDirectorAfterDays: 7,
  },
  observationQuotas: {
    // Seed 000: 一线教师、教研组长、中层以上干部 observe at least 8, 16 and 20 lessons a semester.
    roles: [
      { key: 'front_line_teacher', label: '一线教师', perSemester: 8 },
      { key: 'group_head', label: '教研组长', perSemester: 16 },
      { key: 'middle_manager', label: '中层以上干部', perSemester: 20 },
    ],
    // Seed 002: 教学督导员人均每周听课不少于1节.
    supervisorPerWeek: 1,
  },
  semesters: { autumnStartMonth: 9, springStartMonth: 2 },
  themeCalendar: COLLEGE_THEMES,
};
