import type { BuiltinTemplate } from '../schema';
import { NO_IN_RECORDS } from './rules';

/**
 * 控辍保学核查: seed 001 篇一's 控辍保学专项督查 of a county's junior schools (进教室清点学生数、向老师
 * 和学生了解情况、检查异动手续) and seed 003's May theme (课程开设、课堂教学和控辍保学). Counts are
 * taken in the classrooms and compared with the roll; each dropout has a plan of its own (一人一案).
 */
export const dropoutHeadcount: BuiltinTemplate = {
  key: 'dropout_headcount',
  module: 'study',
  name: '控辍保学核查',
  description:
    '进教室清点学生人数，与学籍名册核对，检查学籍异动手续、控辍保学台账和辍学学生“一人一案”，了解劝返复学情况。',
  revision: 1,
  body: {
    sections: [
      {
        key: 'headcount',
        title: '人数核查',
        items: [
          {
            key: 'classes_checked',
            label: '核查的年级和班级',
            type: 'text',
            required: true,
            guidance: '如：七年级1—4班、八年级全部班级。',
          },
          {
            key: 'expected_count',
            label: '应在校人数',
            type: 'number',
            unit: '人',
            required: true,
            guidance: '以学籍系统在籍人数为准，减去经批准的休学、转出学生。',
          },
          {
            key: 'present_count',
            label: '实际在校人数',
            type: 'number',
            unit: '人',
            required: true,
            guidance: '进教室逐班清点的人数，请假学生不计入，填在下一项。',
          },
          { key: 'on_leave_count', label: '当日请假人数', type: 'number', unit: '人' },
          {
            key: 'dropout_count',
            label: '辍学人数',
            type: 'number',
            unit: '人',
            required: true,
            guidance: '本学期以来未经批准连续未到校的学生。',
          },
          { key: 'returned_count', label: '劝返人数', type: 'number', unit: '人', required: true },
          {
            key: 'absence_explained',
            label: '缺勤学生均能说明去向，请假、病假有记录',
            type: 'yes_no',
            required: true,
            guidance: '向班主任、任课教师和同学了解缺勤学生的情况。',
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'ledger',
        title: '台账和一人一案',
        items: [
          {
            key: 'ledger_complete',
            label: '控辍保学台账建立健全，数据与学籍系统一致',
            type: 'yes_no',
            required: true,
            guidance: '抽取若干学生，核对台账、学籍系统和班级花名册。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'one_plan_each',
            label: '辍学学生做到“一人一案”，劝返措施和责任人明确',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'transfer_procedures',
            label: '转学、休学、借读等学籍异动手续齐全',
            type: 'yes_no',
            required: true,
            guidance: '检查异动学生的申请、审批和接收证明。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'attendance_tracking',
            label: '学生考勤和缺课追踪制度落实，连续缺课按规定报告',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'persuasion_joint',
            label: '劝返复学联控联保：学校与家长、乡镇（街道）、村（居）协同劝返',
            type: 'yes_no',
            required: true,
            guidance: '查看劝返记录、家访记录和复学后的跟踪帮扶。',
            rules: NO_IN_RECORDS,
          },
          {
            key: 'priority_groups',
            label: '留守儿童、家庭经济困难学生、残疾儿童等重点群体建档帮扶，送教上门落实',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'learning_support',
            label: '对学习困难、厌学学生有帮扶措施',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
          {
            key: 'responsibility',
            label: '控辍保学目标责任层层落实，签订责任书',
            type: 'yes_no',
            required: true,
            rules: NO_IN_RECORDS,
          },
        ],
      },
      {
        key: 'notes',
        title: '情况说明',
        items: [
          {
            key: 'situation',
            label: '情况说明',
            type: 'text',
            required: true,
            guidance: '人数差异的原因、辍学学生的去向和劝返进展。',
          },
          { key: 'suggestions', label: '整改要求和建议', type: 'text' },
          { key: 'site_photos', label: '现场照片', type: 'photo' },
        ],
      },
    ],
  },
};
