import type { BuiltinTemplate } from '../schema';
import { NO_IN_RECORDS, NO_ON_SITE } from './rules';

/**
 * 教学秩序巡查: the daily walk of the teaching floors. Seed 002 篇四's 一日常规检查 (教师是否提前到班, 有无
 * 迟到、早退、接听手机、随意调停课, 各专业课堂出勤情况张榜公布, 既督教又督学), seed 000's 经常性走动式巡视
 * 课堂 and 随机查课 (自习课、实训课、体育课、机房课、外聘教师课堂秩序), seed 002 篇六's 晚自习检查 and
 * seed 004's finding that some teachers came to class without their lesson plans.
 */
export const classPatrol: BuiltinTemplate = {
  key: 'class_patrol',
  module: 'teaching',
  name: '教学秩序巡查',
  description:
    '督导人员每日走动式巡视课堂：教师到岗、按课表上课、调停课手续和课堂秩序，清点学生出勤，出勤情况定期公布。',
  revision: 1,
  body: {
    sections: [
      {
        key: 'scope',
        title: '巡查范围',
        items: [
          {
            key: 'period',
            label: '巡查时段',
            type: 'choice',
            required: true,
            choices: ['早读', '上午', '下午', '晚自习'],
          },
          { key: 'area', label: '巡查的教学楼、楼层或专业部', type: 'text' },
          { key: 'classes_patrolled', label: '巡查课堂数', type: 'number', unit: '节', required: true },
        ],
      },
      {
        key: 'teachers',
        title: '教师上课',
        items: [
          {
            key: 'teachers_early',
            label: '教师提前到班，无迟到、早退、空堂',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'no_phone',
            label: '教师上课不接听手机，不做与教学无关的事',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'per_timetable',
            label: '按课表上课，体育、艺术、实训等课程未被挤占',
            type: 'yes_no',
            required: true,
            guidance: '对照班级课表查看实际上课内容。',
            rules: NO_ON_SITE,
          },
          {
            key: 'changes_approved',
            label: '调课、停课有审批手续',
            type: 'yes_no',
            required: true,
            guidance: '发现与课表不符的课堂，核对教务部门的调停课记录。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'plans_in_class',
            label: '教师带教案（备课本）进教室上课',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'external_teachers',
            label: '外聘教师按时到岗，课堂组织规范',
            type: 'yes_no',
            guidance: '本次未巡查到外聘教师课堂的不填。',
            rules: NO_ON_SITE,
          },
        ],
      },
      {
        key: 'students',
        title: '学生出勤和课堂秩序',
        items: [
          {
            key: 'students_expected',
            label: '巡查班级应到学生数',
            type: 'number',
            unit: '人',
            required: true,
          },
          {
            key: 'students_present',
            label: '巡查班级实到学生数',
            type: 'number',
            unit: '人',
            required: true,
          },
          {
            key: 'class_order',
            label: '课堂秩序良好，无睡觉、玩手机、随意进出等现象',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'self_study_order',
            label: '自习课、晚自习有教师值守，秩序良好',
            type: 'yes_no',
            guidance: '本次未巡查自习课的不填。',
            rules: NO_ON_SITE,
          },
          {
            key: 'practical_order',
            label: '实训课、机房课、体育课组织有序，学生按规程操作',
            type: 'yes_no',
            guidance: '本次未巡查此类课堂的不填。',
            rules: NO_ON_SITE,
          },
        ],
      },
      {
        key: 'result',
        title: '巡查结果',
        items: [
          {
            key: 'classes_with_problems',
            label: '发现问题的课堂数',
            type: 'number',
            unit: '节',
            required: true,
          },
          { key: 'details', label: '问题课堂的班级、课程、教师和情况', type: 'text' },
          { key: 'site_photos', label: '现场照片', type: 'photo' },
        ],
      },
    ],
  },
};
