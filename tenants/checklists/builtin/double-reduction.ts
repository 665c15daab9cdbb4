import type { BuiltinTemplate } from '../schema';
import { NO_IN_RECORDS, NO_ON_SITE } from './rules';

/**
 * 双减工作专项督导: seed 003 (皖教秘督〔2021〕17号: 校园巡查、推门听课、问卷调查、走访座谈; 全面压减作业
 * 总量和时长, 确保课后延时服务落到实处), seed 001 篇四 (学校自查、责任督学常态检查、县级专项督查;
 * 畅通家长反映问题渠道) and seed 004's 减负 checks (课程设置、学生作业量、体育大课间、学生午间管理、
 * 放学后有偿补课、双休日补课、学校减负制度建设). Homework limits as in DOMAIN.md §4.
 */
export const doubleReduction: BuiltinTemplate = {
  key: 'double_reduction',
  module: 'study',
  name: '双减工作专项督导',
  description:
    '督导学校压减作业总量和时长、落实课后服务“5+2”、宣传校外培训治理和查处有偿补课的情况，畅通家长反映问题的渠道。',
  revision: 1,
  body: {
    sections: [
      {
        key: 'process',
        title: '督导方式',
        items: [
          {
            key: 'methods',
            label: '本次主要督导方式',
            type: 'choice',
            required: true,
            choices: ['校园巡查', '推门听课', '问卷调查', '走访座谈', '查阅资料'],
          },
          { key: 'students_surveyed', label: '问卷或座谈的学生人数', type: 'number', unit: '人' },
          { key: 'parents_surveyed', label: '问卷或座谈的家长人数', type: 'number', unit: '人' },
        ],
      },
      {
        key: 'mechanism',
        title: '工作机制',
        items: [
          {
            key: 'work_plan',
            label: '学校制定“双减”工作方案和减负制度，责任分工明确',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'self_check',
            label: '学校定期开展“双减”自查，问题立行立改',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'complaint_channel',
            label: '公布监督举报电话，家长反映问题渠道畅通并及时处理',
            type: 'yes_no',
            required: true,
            guidance: '查看公示和家长反映问题的处理记录。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'curriculum_complete',
            label: '按课程方案开齐开足课程，周总课时不超过规定',
            type: 'yes_no',
            required: true,
            guidance: '对照课程表核对周总课时和体育、艺术、信息科技等课时。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'exam_rules',
            label: '考试次数符合规定，不公布学生考试成绩和排名',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'homework',
        title: '作业总量和时长',
        items: [
          {
            key: 'homework_system',
            label: '建立作业管理制度，作业总量由年级和学科统筹，每日公示',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'grade12_no_written',
            label: '一、二年级不布置家庭书面作业，可在校内适当安排巩固练习',
            type: 'yes_no',
            guidance: '无小学的学校不填。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'grade36_minutes',
            label: '三至六年级家庭书面作业平均完成时间',
            type: 'number',
            unit: '分钟',
            guidance: '按学生问卷或座谈取平均值。无小学的学校不填。',
          },
          {
            key: 'grade36_within_limit',
            label: '三至六年级家庭书面作业平均完成时间不超过60分钟',
            type: 'yes_no',
            guidance: '无小学的学校不填。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'junior_minutes',
            label: '初中家庭书面作业平均完成时间',
            type: 'number',
            unit: '分钟',
            guidance: '按学生问卷或座谈取平均值。无初中的学校不填。',
          },
          {
            key: 'junior_within_limit',
            label: '初中家庭书面作业平均完成时间不超过90分钟',
            type: 'yes_no',
            guidance: '无初中的学校不填。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'weekend_homework',
            label: '周末、节假日作业总量合理，无超量布置',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'homework_design',
            label: '作业设计分层、弹性和个性化，不布置机械重复、惩罚性作业',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'no_parent_homework',
            label: '不给家长布置或变相布置作业，不要求家长检查批改作业',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'homework_books_sampled',
            label: '抽查作业本数',
            type: 'number',
            unit: '本',
            required: true,
          },
        ],
      },
      {
        key: 'after_school',
        title: '课后服务',
        items: [
          {
            key: 'five_plus_two',
            label: '课后服务“5+2”全覆盖：每周5天，每天至少2小时',
            type: 'yes_no',
            required: true,
            guidance: '查阅课后服务安排表，放学后实地查看。',
            rules: NO_ON_SITE,
          },
          {
            key: 'end_time',
            label: '课后服务结束时间原则上不早于当地正常下班时间，有特殊需要的提供延时托管',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'voluntary',
            label: '学生自愿参加，有家长申请或确认，不强制、不变相强制',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          { key: 'students_enrolled', label: '在校学生数', type: 'number', unit: '人', required: true },
          {
            key: 'students_participating',
            label: '参加课后服务学生数',
            type: 'number',
            unit: '人',
            required: true,
          },
          {
            key: 'content_rich',
            label: '课后服务内容包括作业辅导、答疑和文体、艺术、科普、劳动、兴趣小组等活动',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'no_new_lessons',
            label: '不利用课后服务时间讲授新课',
            type: 'yes_no',
            required: true,
            guidance: '放学后推门查看课后服务课堂。',
            rules: NO_ON_SITE,
          },
          {
            key: 'fees_published',
            label: '课后服务收费项目、标准经批准并公示，坚持非营利，收支有账',
            type: 'yes_no',
            required: true,
            guidance: '查看收费公示、收费依据和收支账目。不收费的学校视为符合。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'outside_providers',
            label: '引进校外机构或人员参与课后服务的，经审核并公示',
            type: 'yes_no',
            guidance: '未引进校外资源的学校不填。',
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'off_campus',
        title: '校外培训治理宣传',
        items: [
          {
            key: 'policy_publicity',
            label: '通过家长会、致家长一封信等宣传校外培训治理政策，引导家长理性对待校外培训',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'report_channel',
            label: '公布违规校外培训举报方式，及时向主管部门报告发现的违规培训线索',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'no_cooperation',
            label: '学校和教师不与校外培训机构合作招生，不组织、推荐学生参加校外培训',
            type: 'yes_no',
            required: true,
            guidance: '走访学生和家长了解。',
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'paid_tutoring',
        title: '有偿补课',
        items: [
          {
            key: 'no_paid_tutoring',
            label: '无在职教师有偿补课或到校外培训机构兼职',
            type: 'yes_no',
            required: true,
            guidance: '与学生、家长座谈，查看举报受理和查处记录。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'ethics_pledges',
            label: '教师签订拒绝有偿补课承诺书，有查处机制',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'no_weekend_classes',
            label: '不利用双休日、节假日和寒暑假组织学生集体补课',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'no_after_class_tutoring',
            label: '放学后不留学生集体补课',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
          {
            key: 'noon_management',
            label: '午间管理规范，不要求学生中午提前到校集中自学',
            type: 'yes_no',
            required: true,
            rules: NO_ON_SITE,
          },
        ],
      },
      {
        key: 'conclusion',
        title: '督导意见',
        items: [
          { key: 'good_practice', label: '值得推广的做法', type: 'text' },
          { key: 'problems', label: '存在的问题和整改要求', type: 'text' },
          { key: 'feedback_given', label: '已当场向学校反馈督导意见', type: 'yes_no', required: true },
          { key: 'site_photos', label: '现场照片', type: 'photo' },
          { key: 'recheck_date', label: '整改复查时间', type: 'date' },
        ],
      },
    ],
  },
};
