import type { BuiltinTemplate } from '../schema';
import { belowLimit, NO_IN_RECORDS, NO_ON_SITE, noteOn } from './rules';

/**
 * 期中教学检查: seed 002 篇四 (期中重点检查教学计划、教学进度执行情况, 作业布置批改情况, 学生对教师的
 * 反馈情况; 教学五认真: 备课、上课、批改作业、辅导、考核; 实验、实习、课程设计检查), 篇五 (第九周期中
 * 教学检查; 学生评教中问题突出教师的跟踪督导) and 篇六 (期中考核、考务工作督导), with seed 000's
 * 备、讲、批、辅、考 and observation quotas. Scores are out of 10; under 6 drafts a finding.
 */
export const teachingMidterm: BuiltinTemplate = {
  key: 'teaching_midterm',
  module: 'teaching',
  name: '期中教学检查',
  description:
    '学期中检查教学计划和进度执行、教案和听课记录、作业布置批改、实践教学和期中考核，召开学生座谈会了解学生对教学的反馈。',
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
        key: 'plan_execution',
        title: '教学计划和进度执行',
        items: [
          {
            key: 'plan_followed',
            label: '按学期教学计划开展教学工作，开齐开足课程',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'progress_on_schedule',
            label: '教学进度与授课计划基本一致，无明显超前或滞后',
            type: 'yes_no',
            required: true,
            guidance: '对照授课计划、教学日志和学生笔记核对进度。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'progress_score',
            label: '计划和进度执行情况评分',
            type: 'score',
            max: 10,
            required: true,
            guidance: '满分10分，6分以下为不合格。',
            rules: belowLimit(6),
          },
        ],
      },
      {
        key: 'preparing_teaching',
        title: '备课和上课',
        items: [
          { key: 'plans_sampled', label: '抽查教案份数', type: 'number', unit: '份', required: true },
          {
            key: 'plans_ahead',
            label: '教案超前备课，与教学进度一致，有教学反思',
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
          { key: 'lessons_observed', label: '本次检查听课节数', type: 'number', unit: '节', required: true },
          {
            key: 'classroom_score',
            label: '课堂教学总体评分',
            type: 'score',
            max: 10,
            required: true,
            guidance: '依据本次听课情况综合评定，满分10分，6分以下为不合格。',
            rules: belowLimit(6),
          },
        ],
      },
      {
        key: 'observation_records',
        title: '听课记录',
        items: [
          {
            key: 'records_sampled',
            label: '抽查听课记录本数',
            type: 'number',
            unit: '本',
            required: true,
          },
          {
            key: 'quota_on_track',
            label: '听课进度达到学期要求的一半（一线教师8节、教研组长16节、中层以上干部20节）',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'records_with_comments',
            label: '听课记录完整，有评析和改进建议',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'homework',
        title: '作业布置和批改',
        items: [
          { key: 'books_sampled', label: '抽查作业本数', type: 'number', unit: '本', required: true },
          {
            key: 'homework_amount',
            label: '作业布置适量，次数符合要求',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'marking_timely',
            label: '批改及时、认真，有批改日期和针对性评语',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'corrections_rechecked',
            label: '学生订正错题，教师复批',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'marking_score',
            label: '作业批改质量评分',
            type: 'score',
            max: 10,
            required: true,
            guidance: '满分10分，6分以下为不合格。',
            rules: belowLimit(6),
          },
        ],
      },
      {
        key: 'tutoring_practice',
        title: '辅导和实践教学',
        items: [
          {
            key: 'tutoring',
            label: '教师按安排辅导答疑，对学习困难学生有帮扶',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'practical_on_plan',
            label: '实验、实训、课程设计按计划开出，实训报告按要求批改',
            type: 'yes_no',
            guidance: '随堂查看实训课，抽查实训报告。无实践教学的单位不填。',
            rules: NO_ON_SITE,
          },
          {
            key: 'internship_guided',
            label: '顶岗实习指导教师按要求巡查、指导，有实习记录',
            type: 'yes_no',
            guidance: '无顶岗实习学生的单位不填。',
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'midterm_exam',
        title: '期中考核',
        items: [
          {
            key: 'exam_organised',
            label: '期中考试（考核）组织规范，考务安排有序',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'exam_analysed',
            label: '期中成绩质量分析完成，有改进措施',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'student_feedback',
        title: '学生反馈',
        items: [
          {
            key: 'student_forum',
            label: '召开学生座谈会或开展评教问卷',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          { key: 'students_consulted', label: '参加座谈或问卷的学生人数', type: 'number', unit: '人' },
          { key: 'satisfaction_rate', label: '学生对教学的满意率', type: 'number', unit: '%' },
          {
            key: 'low_rated_followed',
            label: '对学生评教中问题突出的教师跟踪听课、帮扶整改',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          { key: 'student_opinions', label: '学生的主要意见和建议', type: 'text' },
        ],
      },
      {
        key: 'conclusion',
        title: '检查结论',
        items: [
          {
            key: 'overall',
            label: '期中教学检查总体评价',
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
