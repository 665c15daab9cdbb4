import type { TeachingLink } from '../modules/teaching-checks/api';
import { texts } from './index';

export const checksTexts = {
  // The menu label is the shell's (decision 009).
  title: texts.shell.teachingChecks,
  intro:
    '教学五环节（备课、上课、批改作业、辅导、考试）检查：每位教师每个环节最近一次检查的得分，以及本学期抽查的教案和作业本数量。',
  semester: '学期',
  links: {
    prepare: '备课',
    teach: '上课',
    mark: '批改作业',
    tutor: '辅导',
    exam: '考试',
  } satisfies Record<TeachingLink, string>,
  sampledLabels: {
    prepare: '抽查教案（份）',
    teach: '听课（节）',
    mark: '抽查作业本（本）',
    tutor: '辅导记录（份）',
    exam: '试卷（份）',
  } satisfies Record<TeachingLink, string>,
  teacher: '教师',
  notChecked: '未查',
  empty: '没有可显示的教师',
  totals: (t: {
    teachers: number;
    checkedTeachers: number;
    checks: number;
    sampledPlans: number;
    sampledHomework: number;
  }) =>
    `${t.checkedTeachers}/${t.teachers} 位教师已检查，共 ${t.checks} 次；抽查教案 ${t.sampledPlans} 份、作业本 ${t.sampledHomework} 本`,
  sampled: (plans: number, homework: number) => `教案 ${plans} · 作业 ${homework}`,
  plans: '抽查教案',
  homework: '抽查作业本',
  download: '下载登记表（Excel）',
  summary: '督教档案',

  // Quick form
  addTitle: '登记一次检查',
  findTeacher: '查找教师',
  findTeacherPlaceholder: '输入姓名中的字',
  chooseTeacher: '请选择被检查的教师',
  link: '检查环节',
  chooseLink: '请选择检查环节',
  checkedOn: '检查日期',
  holidayDay: (day: string) => `今天在暑假中，不属于任何学期，日期默认为上学期最后一天（${day}）`,
  draftRestored: '已恢复上次未提交的内容。',
  discardDraft: '清空重填',
  score: '得分（0–100）',
  scoreInvalid: '得分应为 0 到 100 之间的数字',
  comment: '检查意见',
  submit: '登记',
  submitting: '正在保存…',
  recorded: (name: string, link: string, score: number) => `已登记：${name} ${link} ${score} 分`,
};
