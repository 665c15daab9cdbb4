import type { BuiltinTemplate } from '../schema';
import { belowLimit, NO_IN_RECORDS, NO_ON_SITE } from './rules';

/**
 * 学风和学习秩序检查: seed 000's and seed 002 篇六's 督学 duties (走动式检查学生对教学秩序、考试秩序的
 * 遵守情况; 随机查课检查学生的课堂学习状态; 抽查学生的作业、课堂笔记、论文、毕业设计检查学生的自觉学习
 * 状态; 重视自习课、实训课、体育课、机房课、外聘教师课堂秩序; 问卷调查、个别访谈、师生座谈会).
 */
export const studyOrder: BuiltinTemplate = {
  key: 'study_order',
  module: 'study',
  name: '学风和学习秩序检查',
  description:
    '随机查课看学生课堂学习状态，抽查作业和课堂笔记，检查自习课、实训课等课堂秩序和考试秩序，通过座谈了解学生的学习效果和意见。',
  revision: 1,
  body: {
    sections: [
      {
        key: 'process',
        title: '检查方式',
        items: [
          {
            key: 'methods',
            label: '本次主要检查方式',
            type: 'choice',
            required: true,
            choices: ['随机查课', '走动式巡查', '抽查作业和笔记', '学生座谈', '问卷调查'],
          },
          { key: 'unit_checked', label: '被检查的专业部、年级或班级', type: 'text', required: true },
        ],
      },
      {
        key: 'classroom',
        title: '课堂学习状态',
        items: [
          { key: 'classes_visited', label: '查课节数', type: 'number', unit: '节', required: true },
          {
            key: 'attentive',
            label: '学生专心听讲，积极参与课堂活动',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'no_phones_sleeping',
            label: '无上课睡觉、玩手机、做与课堂无关的事等现象',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'learning_score',
            label: '课堂学习状态评分',
            type: 'score',
            max: 10,
            required: true,
            guidance: '满分10分，6分以下为不合格。',
            rules: belowLimit(6),
          },
        ],
      },
      {
        key: 'sampling',
        title: '作业和笔记抽查',
        items: [
          { key: 'homework_sampled', label: '抽查作业本数', type: 'number', unit: '本', required: true },
          { key: 'notes_sampled', label: '抽查课堂笔记本数', type: 'number', unit: '本', required: true },
          {
            key: 'homework_independent',
            label: '学生按时、独立完成作业，无抄袭',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'notes_complete',
            label: '课堂笔记完整、认真',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'theses_quality',
            label: '论文、毕业设计按进度完成，无抄袭雷同',
            type: 'yes_no',
            guidance: '无毕业年级的不填。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'self_study_score',
            label: '学生自觉学习状态评分',
            type: 'score',
            max: 10,
            required: true,
            guidance: '依据作业和笔记抽查情况评定，满分10分，6分以下为不合格。',
            rules: belowLimit(6),
          },
        ],
      },
      {
        key: 'key_classes',
        title: '重点课堂秩序',
        items: [
          {
            key: 'self_study',
            label: '自习课有人管理，学生自主学习，秩序良好',
            type: 'yes_no',
            rules: NO_ON_SITE,
          },
          {
            key: 'practical',
            label: '实训课学生按规程操作，工位整洁',
            type: 'yes_no',
            rules: NO_ON_SITE,
          },
          {
            key: 'pe_class',
            label: '体育课学生按时集合，参加活动，无随意离队',
            type: 'yes_no',
            rules: NO_ON_SITE,
          },
          {
            key: 'computer_room',
            label: '机房课学生按要求上机，无玩游戏、上网聊天',
            type: 'yes_no',
            rules: NO_ON_SITE,
          },
          {
            key: 'external_teacher_class',
            label: '外聘教师课堂学生出勤和纪律良好',
            type: 'yes_no',
            rules: NO_ON_SITE,
          },
        ],
      },
      {
        key: 'exam_order',
        title: '考试秩序',
        items: [
          {
            key: 'exam_discipline',
            label: '学生遵守考场纪律，无作弊、替考',
            type: 'yes_no',
            guidance: '考试期间检查时填写。',
            rules: NO_ON_SITE,
          },
          { key: 'exam_violations', label: '考试违纪人数', type: 'number', unit: '人' },
        ],
      },
      {
        key: 'student_voice',
        title: '学生意见',
        items: [
          { key: 'students_talked', label: '座谈或访谈的学生人数', type: 'number', unit: '人' },
          { key: 'opinions', label: '学生对教学和教学管理的意见和建议', type: 'text' },
          { key: 'suggestions', label: '加强学风建设的建议', type: 'text' },
          { key: 'site_photos', label: '现场照片', type: 'photo' },
        ],
      },
    ],
  },
};
