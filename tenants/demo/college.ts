import { presetFor } from '../presets';
import type { DemoTenant, DemoUnit } from './types';
import { inspector, unit } from './unit';

// Seed 000 splits the units between the office's two supervisors; the 片区 here do the same:
// one for the teaching side, one for student affairs, services and safety.
const TEACHING = 'zone_teaching';
const SERVICES = 'zone_services';

// 专业部 hold students (enrolment) and their 教研组; staffCount counts the whole department.
const DEPARTMENTS: DemoUnit[] = [
  unit({
    key: 'dept_it',
    name: '信息技术部',
    kind: 'department',
    zoneKey: TEACHING,
    address: '信息楼3楼',
    headName: '彭志刚',
    phone: '0561-3881301',
    enrolment: 1260,
    staffCount: 68,
  }),
  unit({
    key: 'dept_mech',
    name: '机电工程部',
    kind: 'department',
    zoneKey: TEACHING,
    address: '实训楼1楼',
    headName: '范国强',
    phone: '0561-3881302',
    enrolment: 1140,
    staffCount: 72,
  }),
  unit({
    key: 'dept_basic',
    name: '公共基础部',
    kind: 'department',
    zoneKey: TEACHING,
    address: '教学楼A座2楼',
    headName: '蔡文英',
    phone: '0561-3881305',
    staffCount: 86,
  }),
  unit({
    key: 'dept_finance',
    name: '财经商贸部',
    kind: 'department',
    zoneKey: SERVICES,
    address: '教学楼B座4楼',
    headName: '丁慧敏',
    phone: '0561-3881303',
    enrolment: 980,
    staffCount: 51,
  }),
  unit({
    key: 'dept_tourism',
    name: '旅游服务部',
    kind: 'department',
    zoneKey: SERVICES,
    address: '教学楼C座3楼',
    headName: '潘雪梅',
    phone: '0561-3881304',
    enrolment: 720,
    staffCount: 43,
  }),
];

// 教研组 sit under their 专业部 and share its zone.
const group = (
  key: string,
  name: string,
  parentKey: string,
  zoneKey: string,
  headName: string,
  staffCount: number,
) => unit({ key, name, kind: 'teaching_group', parentKey, zoneKey, headName, staffCount });

const TEACHING_GROUPS: DemoUnit[] = [
  group('tg_computer', '计算机应用教研组', 'dept_it', TEACHING, '孔令辉', 18),
  group('tg_ecommerce', '电子商务教研组', 'dept_it', TEACHING, '毛晓婷', 14),
  group('tg_mechatronics', '机电技术应用教研组', 'dept_mech', TEACHING, '叶长青', 20),
  group('tg_auto', '汽车运用与维修教研组', 'dept_mech', TEACHING, '邵建平', 16),
  group('tg_chinese', '语文教研组', 'dept_basic', TEACHING, '严素华', 22),
  group('tg_math', '数学教研组', 'dept_basic', TEACHING, '方正', 20),
  group('tg_english', '英语教研组', 'dept_basic', TEACHING, '谭静怡', 18),
  group('tg_pe', '体育教研组', 'dept_basic', TEACHING, '雷鸣', 12),
  group('tg_accounting', '会计事务教研组', 'dept_finance', SERVICES, '龚丽君', 17),
  group('tg_marketing', '市场营销教研组', 'dept_finance', SERVICES, '常建波', 12),
  group('tg_tourism', '旅游服务与管理教研组', 'dept_tourism', SERVICES, '江婉清', 13),
  group('tg_cooking', '中餐烹饪教研组', 'dept_tourism', SERVICES, '白振东', 11),
];

const OFFICES: DemoUnit[] = [
  unit({
    key: 'off_president',
    name: '校长办公室',
    kind: 'office',
    zoneKey: SERVICES,
    address: '行政楼2楼',
    headName: '石美玲',
    phone: '0561-3880201',
    staffCount: 6,
  }),
  unit({
    key: 'off_academic',
    name: '教务处',
    kind: 'office',
    zoneKey: TEACHING,
    address: '行政楼3楼',
    headName: '贺新民',
    phone: '0561-3880301',
    staffCount: 9,
  }),
  unit({
    key: 'off_students',
    name: '学生处',
    kind: 'office',
    zoneKey: SERVICES,
    address: '行政楼4楼',
    headName: '尹红霞',
    phone: '0561-3880401',
    staffCount: 8,
  }),
  unit({
    key: 'off_logistics',
    name: '后勤处',
    kind: 'office',
    zoneKey: SERVICES,
    address: '后勤服务中心1楼',
    headName: '段永福',
    phone: '0561-3880501',
    staffCount: 24,
  }),
  unit({
    key: 'off_security',
    name: '安全保卫处',
    kind: 'office',
    zoneKey: SERVICES,
    address: '南大门值班楼',
    headName: '熊卫东',
    phone: '0561-3880110',
    staffCount: 15,
  }),
  unit({
    key: 'off_placement',
    name: '招生就业处',
    kind: 'office',
    zoneKey: SERVICES,
    address: '行政楼1楼',
    headName: '金晓峰',
    phone: '0561-3880601',
    staffCount: 7,
  }),
];

// Shared by all departments, so it hangs under none of them.
const TRAINING_CENTER = unit({
  key: 'tc_main',
  name: '综合实训中心',
  kind: 'training_center',
  zoneKey: TEACHING,
  address: '实训楼2-5楼',
  headName: '魏德才',
  phone: '0561-3881201',
  staffCount: 14,
});

/** The 督导室 of 示范职业技术学院, a fictional college in 示范区 (see ./district.ts). */
export const DEMO_COLLEGE: DemoTenant = {
  slug: 'demo-college',
  name: '示范职业技术学院',
  kind: 'college',
  regionCode: '340605',
  province: '安徽省',
  city: '淮北市',
  config: presetFor('college'),
  zones: [
    { key: TEACHING, name: '教学督导片区' },
    { key: SERVICES, name: '管理服务督导片区' },
  ],
  units: [...DEPARTMENTS, ...TEACHING_GROUPS, ...OFFICES, TRAINING_CENTER],
  users: [
    { username: 'admin', displayName: '管理员', role: 'admin', unitKey: null },
    { username: 'director1', displayName: '柳成荫', role: 'director', unitKey: null },
    { username: 'inspector1', displayName: '余秋实', role: 'inspector', unitKey: null },
    { username: 'inspector2', displayName: '葛兰芳', role: 'inspector', unitKey: null },
    // The head of the IT department is a middle manager (quota 20).
    {
      username: 'manager1',
      displayName: '彭志刚',
      role: 'unit_manager',
      unitKey: 'dept_it',
      quotaRole: 'middle_manager',
    },
    // Teachers belong to their 教研组; teacher1 heads it (quota 16), the others are
    // front-line teachers (quota 8), so every quota role has someone to check.
    ...(
      [
        ['teacher1', '孔令辉', 'tg_computer', 'group_head'],
        ['teacher2', '任佳琪', 'tg_computer', 'front_line_teacher'],
        ['teacher3', '陆子涵', 'tg_auto', 'front_line_teacher'],
        ['teacher4', '苏婉婷', 'tg_chinese', 'front_line_teacher'],
        ['teacher5', '杜浩然', 'tg_accounting', 'front_line_teacher'],
        ['teacher6', '夏雨桐', 'tg_cooking', 'front_line_teacher'],
      ] as const
    ).map(([username, displayName, unitKey, quotaRole]) => ({
      username,
      displayName,
      role: 'teacher' as const,
      unitKey,
      quotaRole,
    })),
  ],
  // The college's supervisors are teachers with a supervision appointment (兼职督导).
  inspectors: [
    inspector('余秋实', 'part_time', 'inspector1', [TEACHING], {
      certificateNo: null,
      phone: '0512-6551001',
      workplace: '督导室',
    }),
    inspector('葛兰芳', 'part_time', 'inspector2', [SERVICES], {
      certificateNo: null,
      phone: '0512-6551002',
      workplace: '督导室',
    }),
  ],
};
