import type { BuiltinTemplate } from '../schema';
import { NO_ON_SITE } from './rules';

/**
 * 责任督学挂牌督导 routine visit: the eight items of 国教督办〔2013〕2号 (DOMAIN.md §2), each with
 * what to look at. A "no" needs a note and a photo and drafts a finding.
 */
export const routineEight: BuiltinTemplate = {
  key: 'routine_eight',
  module: 'management',
  name: '责任督学挂牌督导经常性督导记录',
  description: '责任督学每月到校开展经常性督导，围绕八项督导事项逐项查看，发现问题当场反馈并限期整改。',
  revision: 1,
  body: {
    sections: [
      {
        key: 'process',
        title: '督导过程',
        items: [
          { key: 'certificate_shown', label: '出示督学证，说明本次督导事项', type: 'yes_no', required: true },
          {
            key: 'methods',
            label: '本次采用的督导方式',
            type: 'choice',
            required: true,
            choices: ['听汇报', '查资料', '实地查看', '走访座谈', '问卷调查', '推门听课'],
          },
        ],
      },
      {
        key: 'eight_items',
        title: '八项督导事项',
        items: [
          {
            key: 'school_management',
            label: '校务管理和制度执行情况良好',
            type: 'yes_no',
            required: true,
            guidance: '查阅学校章程、规章制度、校务公开和会议记录，了解制度落实情况。',
            rules: NO_ON_SITE,
          },
          {
            key: 'enrolment_fees',
            label: '招生、收费、择校行为规范',
            type: 'yes_no',
            required: true,
            guidance: '查看招生公告、收费公示和学籍档案，走访家长了解有无违规收费、择校。',
            rules: NO_ON_SITE,
          },
          {
            key: 'curriculum_teaching',
            label: '按国家课程方案开齐开足课程，课堂教学规范',
            type: 'yes_no',
            required: true,
            guidance: '对照课程表、作息时间表，推门听课，查看教案和作业批改。',
            rules: NO_ON_SITE,
          },
          {
            key: 'student_burden',
            label: '学生学习、体育锻炼和课业负担符合规定',
            type: 'yes_no',
            required: true,
            guidance: '查看作业公示、大课间和体育课安排，与学生座谈了解作业时长和睡眠时间。',
            rules: NO_ON_SITE,
          },
          {
            key: 'teacher_ethics',
            label: '教师师德和专业发展情况良好',
            type: 'yes_no',
            required: true,
            guidance: '查阅师德考核、培训记录，走访学生和家长，了解有无有偿补课等违规行为。',
            rules: NO_ON_SITE,
          },
          {
            key: 'campus_safety',
            label: '校园及周边安全、学生交通安全措施落实',
            type: 'yes_no',
            required: true,
            guidance: '实地查看门卫、消防器材、校车和上下学路口，查阅安全检查和演练记录。',
            rules: NO_ON_SITE,
          },
          {
            key: 'canteen_hygiene',
            label: '食堂、食品、饮水及宿舍卫生达标',
            type: 'yes_no',
            required: true,
            guidance: '查看食堂证照、食品留样、从业人员健康证、饮水设施和宿舍卫生。',
            rules: NO_ON_SITE,
          },
          {
            key: 'school_spirit',
            label: '校风、教风、学风良好',
            type: 'yes_no',
            required: true,
            guidance: '观察校园秩序和课堂状态，与师生座谈了解学校风气。',
            rules: NO_ON_SITE,
          },
        ],
      },
      {
        key: 'feedback',
        title: '反馈与整改',
        items: [
          { key: 'other_findings', label: '其他发现的问题', type: 'text' },
          { key: 'feedback_given', label: '已当场向学校反馈督导意见', type: 'yes_no', required: true },
          { key: 'site_photo', label: '现场照片', type: 'photo' },
          { key: 'follow_up_date', label: '整改复查时间', type: 'date' },
        ],
      },
    ],
  },
};
