import type { BuiltinTemplate } from '../schema';
import { belowLimit, NO_IN_RECORDS, NO_ON_SITE, noteOn } from './rules';

/**
 * 期初教学检查: seed 002 篇四 (初期教学检查重点: 教师选聘、教材、教学大纲到位情况, 资源准备情况, 教学秩序
 * 正常情况; 一日常规检查: 教师提前到班, 有无迟到、早退、接听手机、随意调停课) and 篇五 (第二周教学计划和
 * 教案抽查, 班主任工作计划检查), with seed 000's observation quotas (一线教师8节、教研组长16节、中层以上
 * 干部20节) and 实训课 checks. Scores are out of 10; under 6 drafts a finding.
 */
export const teachingTermStart: BuiltinTemplate = {
  key: 'teaching_term_start',
  module: 'teaching',
  name: '期初教学检查',
  description:
    '开学第一、二周检查任课教师、教材、课程标准和教学资源到位情况，抽查教学计划和教案，巡查教学秩序。',
  revision: 1,
  body: {
    sections: [
      {
        key: 'scope',
        title: '检查对象',
        items: [
          {
            key: 'unit_checked',
            label: '被检查单位（学校、系部、专业部或教研组）',
            type: 'text',
            required: true,
          },
          { key: 'check_date', label: '检查日期', type: 'date', required: true },
        ],
      },
      {
        key: 'preparation',
        title: '教学准备',
        items: [
          {
            key: 'teachers_assigned',
            label: '任课教师选聘、安排到位，无课程缺任课教师',
            type: 'yes_no',
            required: true,
            guidance: '对照课程安排表核对每门课的任课教师；外聘教师有聘用手续。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'textbooks_ready',
            label: '教材到位，学生人手一册',
            type: 'yes_no',
            required: true,
            guidance: '抽查班级，询问学生教材是否到齐。',
            rules: NO_ON_SITE,
          },
          {
            key: 'syllabi_ready',
            label: '各门课程的课程标准（教学大纲）齐全',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'resources_ready',
            label: '教学资源准备到位（实训场地、设备、耗材、网络教学资源）',
            type: 'yes_no',
            required: true,
            guidance: '实地查看实训室和多媒体教室。',
            rules: NO_ON_SITE,
          },
          {
            key: 'timetable_published',
            label: '课表编排合理并已公布，作息时间表张贴',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
        ],
      },
      {
        key: 'documents',
        title: '教学文件',
        items: [
          {
            key: 'unit_plan',
            label: '学期教学工作计划（系部、专业部或教研组）已制定',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'course_schedules',
            label: '教师学期授课计划（教学进度表）已制定并审核',
            type: 'yes_no',
            required: true,
            guidance: '抽查授课计划，看是否与课程标准和校历周次相符。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'class_teacher_plans',
            label: '班主任工作计划已制定',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'documents_score',
            label: '教学文件齐备、规范程度评分',
            type: 'score',
            max: 10,
            required: true,
            guidance: '满分10分，6分以下为不合格。',
            rules: belowLimit(6),
          },
        ],
      },
      {
        key: 'lesson_plans',
        title: '教案抽查',
        items: [
          { key: 'plans_sampled', label: '抽查教案份数', type: 'number', unit: '份', required: true },
          { key: 'plans_qualified', label: '其中合格份数', type: 'number', unit: '份', required: true },
          {
            key: 'plans_ahead',
            label: '教师提前备课，教案超前一至两周',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'plans_complete',
            label: '教案要素齐全（教学目标、重点难点、教学过程、作业布置、教学反思）',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'plans_score',
            label: '教案质量评分',
            type: 'score',
            max: 10,
            required: true,
            guidance: '满分10分，6分以下为不合格。',
            rules: belowLimit(6),
          },
        ],
      },
      {
        key: 'order',
        title: '教学秩序',
        items: [
          {
            key: 'classes_started',
            label: '按校历开课，开学第一天正常上课',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          { key: 'classes_patrolled', label: '巡查课堂数', type: 'number', unit: '节', required: true },
          {
            key: 'teachers_punctual',
            label: '教师提前到班，无迟到、早退',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'no_phone_in_class',
            label: '课堂上教师无接听手机现象',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'no_unapproved_changes',
            label: '无随意调课、停课，调课有审批手续',
            type: 'yes_no',
            required: true,
            guidance: '核对调停课审批记录与实际上课情况。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'practical_started',
            label: '实验、实训课按计划开出，教师、学生到位',
            type: 'yes_no',
            guidance: '无实验、实训课的单位不填。',
            rules: NO_ON_SITE,
          },
          { key: 'attendance_rate', label: '抽查班级学生出勤率', type: 'number', unit: '%' },
        ],
      },
      {
        key: 'observation',
        title: '听课安排',
        items: [
          {
            key: 'observation_plan',
            label: '学期听课计划已制定，明确一线教师8节、教研组长16节、中层以上干部20节的听课量',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'new_teachers_support',
            label: '新教师、外聘教师有指导教师和听课帮扶安排',
            type: 'yes_no',
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'conclusion',
        title: '检查结论',
        items: [
          {
            key: 'overall',
            label: '期初教学检查总体评价',
            type: 'choice',
            required: true,
            choices: ['优秀', '良好', '合格', '不合格'],
            rules: noteOn('不合格'),
          },
          { key: 'good_practice', label: '值得推广的做法', type: 'text' },
          { key: 'problems', label: '存在的问题和改进意见', type: 'text' },
          { key: 'feedback_given', label: '已向被检查单位和相关教师反馈', type: 'yes_no', required: true },
        ],
      },
    ],
  },
};
