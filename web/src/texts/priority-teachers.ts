import type { PriorityReason } from '../modules/priority-teachers/api';
import { texts } from './index';

export const priorityTexts = {
  // The menu label is the shell's (decision 009).
  title: texts.shell.priorityTeachers,
  intro:
    '新教师、外聘教师和评教较低的教师需重点听课指导。本学期未听课或课程即将结束仍未听课的，列在最前并提醒。',
  semester: '学期',
  reasons: {
    new_teacher: '新教师',
    external: '外聘教师',
    low_rating: '评教较低',
    other: '其他',
  } satisfies Record<PriorityReason, string>,
  total: (n: number) => `共 ${n} 人次`,
  empty: '本学期还没有重点关注的教师',
  observed: (n: number) => `本学期听课 ${n} 次`,
  lastObserved: (d: string) => `最近 ${d}`,
  average: (n: number) => `平均 ${n} 分`,
  courseEnds: (d: string) => `课程结束 ${d}`,
  cleared: '已取消关注',
  clear: '取消关注',
  clearQuestion: '取消后，这位教师本学期不再列为该原因的重点关注对象，也不再提醒。确定取消吗？',
  summary: '督教档案',

  // Flag form
  addTitle: '标记重点关注教师',
  findTeacher: '查找教师',
  findTeacherPlaceholder: '输入姓名中的字',
  teacher: '教师',
  chooseTeacher: '请选择教师',
  reason: '关注原因',
  chooseReason: '请选择关注原因',
  courseEndsOn: '课程结束日期',
  courseEndsHint: '填写后，课程结束前 14 天仍未听课会提醒',
  note: '备注',
  submit: '标记',
  submitting: '正在保存…',
  flagged: (name: string) => `已将${name}列为重点关注教师`,
  draftRestored: '已恢复上次未提交的内容。',
  discardDraft: '清空重填',
};
