import { texts } from './index';

/** Texts of the observation quota pages (听课任务完成情况) and one's own progress line. */
export const complianceTexts = {
  title: texts.shell.compliance,
  intro: '每位承担听课任务的人员本学期应听、已听和按进度应听的节数；按学期已过天数折算进度。',
  semester: '学期',
  semesterProgress: (label: string, from: string, to: string) => `${label}（${from} 至 ${to}）`,
  elapsed: (pct: number, days: number, total: number, week: number) =>
    `学期已过 ${pct}%（第 ${days} / ${total} 天，第 ${week} 周）`,
  notStarted: '本学期尚未开始',
  over: '本学期已结束，按全部任务计算',
  overall: (t: { people: number; done: number; required: number; behind: number; percent: number }) =>
    `共 ${t.people} 人，已听 ${t.done} / 应听 ${t.required} 节，完成 ${t.percent}%，${t.behind} 人未达进度`,
  byUnit: '按单位',
  byRole: '按听课类别',
  bar: (percent: number) => `完成 ${percent}%`,
  groupLine: (people: number, done: number, required: number, behind: number) =>
    `${people} 人 · 已听 ${done} / ${required} 节${behind ? ` · ${behind} 人未达进度` : ''}`,
  noUnit: '未指定单位',
  people: '人员完成情况',
  unit: '单位',
  allUnits: (unit: string) => `全部${unit}`,
  quotaRole: '听课类别',
  allQuotaRoles: '全部类别',
  status: '状态',
  allStatuses: '全部状态',
  statuses: { done: '已完成', on_track: '进度正常', behind: '未达进度' } as Record<string, string>,
  name: '姓名',
  required: '应听',
  done: '已听',
  expected: '按进度应听',
  lessons: (n: number) => `${n} 节`,
  rowLine: (done: number, required: number, expected: number) =>
    `已听 ${done} / ${required} 节，按进度应听 ${expected} 节`,
  count: (n: number) => `共 ${n} 人`,
  empty: '没有符合条件的人员。请在账号管理中为教师设置“听课任务”类别。',
  remind: '提醒未达进度者',
  remindQuestion: (n: number) => `向 ${n} 位未达进度的人员发送站内提醒？本周已提醒过的人不会重复提醒。`,
  remindNone: '当前没有未达进度的人员，无需提醒。',
  remindPast: '只能提醒本学期的听课任务。',
  reminded: (told: number, skipped: number) =>
    `已提醒 ${told} 人${skipped ? `，${skipped} 人本周已提醒过，未重复发送` : ''}。`,
  download: '下载完成情况（Excel）',
  downloadLedger: '下载听课记录台账（Excel）',
  downloadHint: '按当前筛选条件导出：单位、姓名、听课类别、应听、已听、按进度应听、状态，另附按单位汇总表。',
  /** The observation list's header line for the signed-in person. */
  mine: (done: number, required: number, expected: number) =>
    `本学期已听 ${done} / ${required} 节，按进度应听 ${expected} 节`,
  mineDone: '已完成本学期听课任务',
  mineBehind: (n: number) => `还差 ${n} 节达到进度`,
};
