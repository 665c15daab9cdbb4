import type { BuiltinTemplate } from '../schema';
import { belowLimit, NO_IN_RECORDS, NO_ON_SITE, noteOn } from './rules';

/**
 * 期末教学检查: seed 002 篇四 (期末重点检查教学任务完成情况, 教学工作的考核情况, 学生民主测评情况;
 * 毕业设计的选题、指导、答辩和考核), 篇五 (第十八周期末各项教学检查, 评选优秀教案) and 篇六 (期末教学
 * 工作、考务工作督导检查; 教师工作量和教学质量考核汇总上报), with seed 000's 考试巡视和试卷检查与分析
 * and the semester observation quotas. Scores are out of 10; under 6 drafts a finding.
 */
export const teachingTermEnd: BuiltinTemplate = {
  key: 'teaching_term_end',
  module: 'teaching',
  name: '期末教学检查',
  description:
    '学期末检查教学任务完成、试卷命题和审核、考试巡视、阅卷和成绩、质量分析和资料归档，以及教师教学考核和学生民主测评。',
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
        key: 'completion',
        title: '教学任务完成',
        items: [
          { key: 'hours_planned', label: '计划课时数', type: 'number', unit: '课时', required: true },
          { key: 'hours_taught', label: '实际完成课时数', type: 'number', unit: '课时', required: true },
          {
            key: 'tasks_completed',
            label: '完成学期教学任务，缺课已补足',
            type: 'yes_no',
            required: true,
            guidance: '核对授课计划、教学日志和调停课记录。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'practical_completed',
            label: '实验、实训和课程设计等实践教学任务完成',
            type: 'yes_no',
            guidance: '无实践教学的单位不填。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'graduation_projects',
            label: '毕业设计（作业）选题、过程指导、答辩和考核规范，无内容雷同',
            type: 'yes_no',
            guidance: '无毕业年级的单位不填。',
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'exam_setting',
        title: '试卷命题',
        items: [
          {
            key: 'papers_cover_standards',
            label: '试卷命题符合课程标准，覆盖面和难易度适当，按要求准备A、B卷',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'answer_keys',
            label: '有参考答案和评分标准',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'papers_reviewed',
            label: '试卷经教研组长或系部负责人审核签字',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'papers_confidential',
            label: '试卷印制、保管和领取符合保密要求',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'setting_score',
            label: '命题质量评分',
            type: 'score',
            max: 10,
            required: true,
            guidance: '满分10分，6分以下为不合格。',
            rules: belowLimit(6),
          },
        ],
      },
      {
        key: 'exam_conduct',
        title: '考务和考风',
        items: [
          { key: 'rooms_patrolled', label: '巡视考场数', type: 'number', unit: '个', required: true },
          {
            key: 'invigilators_on_duty',
            label: '监考人员按时到位，按规定监考，不做与监考无关的事',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'exam_order',
            label: '考场秩序良好，考风端正',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          { key: 'violations', label: '发现考试违纪人数', type: 'number', unit: '人' },
          {
            key: 'violations_handled',
            label: '考试违纪按规定记录、上报和处理',
            type: 'yes_no',
            guidance: '未发现违纪的不填。',
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'marking',
        title: '阅卷和成绩',
        items: [
          { key: 'papers_sampled', label: '抽查试卷份数', type: 'number', unit: '份', required: true },
          { key: 'marking_errors', label: '发现阅卷差错份数', type: 'number', unit: '份', required: true },
          {
            key: 'marking_by_standard',
            label: '按评分标准阅卷，集体或流水阅卷，评分客观公正',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'marking_traces',
            label: '阅卷痕迹清楚，合分准确，有阅卷人和复核人签名',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'scores_submitted',
            label: '成绩按时录入、上报，与试卷一致',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'marking_score',
            label: '阅卷质量评分',
            type: 'score',
            max: 10,
            required: true,
            guidance: '满分10分，6分以下为不合格。',
            rules: belowLimit(6),
          },
        ],
      },
      {
        key: 'analysis_archive',
        title: '质量分析和归档',
        items: [
          {
            key: 'paper_analysis',
            label: '完成试卷分析和成绩质量分析，有改进措施',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'materials_archived',
            label: '教学资料归档完整（授课计划、教案、教学日志、试卷、成绩单、实训报告）',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          { key: 'excellent_plans', label: '推荐评选优秀教案份数', type: 'number', unit: '份' },
        ],
      },
      {
        key: 'evaluation',
        title: '教学考核和民主测评',
        items: [
          {
            key: 'five_links_checked',
            label: '学期内对教师备、讲、批、辅、考五个环节完成检查，有记录',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'quota_completed',
            label: '听课量完成（一线教师8节、教研组长16节、中层以上干部20节）',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          { key: 'quota_missed', label: '未完成听课量人数', type: 'number', unit: '人' },
          {
            key: 'teacher_assessment',
            label: '教师教学工作量和教学质量考核完成，结果汇总上报',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'student_evaluation',
            label: '学生民主测评（评教）完成，结果反馈教师',
            type: 'yes_no',
            required: true,
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
            label: '期末教学检查总体评价',
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
