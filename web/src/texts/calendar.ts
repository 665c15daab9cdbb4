import { texts } from './index';

export const calendarTexts = {
  title: texts.shell.calendar,
  intro: '一月一主题：每月的督导工作重点，以及各模块督导计划的完成情况',
  month: (month: number) => `${month}月`,
  current: '本月',
  noTheme: '未设置主题',
  year: (year: number) => `${year}年`,
  prevYear: '上一年',
  nextYear: '下一年',
  thisYear: '回到今年',
  yearNav: '切换年份',
  sourceOffice: '本年度主题由本室设定。',
  sourcePreset: '本年度尚未设定主题，显示的是单位配置中的预设主题。',
  noPlanItems: '无计划任务',
  byDueMonth: '计划任务按截止日期所在月份统计。',
  showMonth: (month: number) => `查看${month}月任务`,

  // Counts on a month card
  done: (done: number, total: number) => `已完成 ${done}/${total}`,
  due: (n: number) => `待督导 ${n}`,
  late: (n: number) => `逾期 ${n}`,
  upcoming: (n: number) => `未开始 ${n}`,

  // One month's items
  monthItems: (month: number) => `${month}月督导任务`,
  monthEmpty: '本月没有计划任务',
  moduleEmpty: '无',
  truncated: (n: number) => `本月任务较多，只列出前 ${n} 项；可在各计划中查看全部。`,
  itemCount: (n: number) => `${n} 项`,
  groupItems: (module: string) => `${module}的督导任务`,
  countsOf: (month: number) => `${month}月各模块计划完成情况`,
  dueBy: (day: string) => `${day} 前完成`,
  startVisit: '开始督导',
  viewVisit: '查看督导记录',
  closeMonth: '收起',

  // Theme editor
  editThemes: '编辑本年度主题',
  editTitle: (year: number) => `编辑${year}年督导主题`,
  themeLabel: (month: number) => `${month}月主题`,
  themeHint: '最多 60 个字；留空表示该月不设主题',
  themeTooLong: (month: number) => `${month}月主题不能超过 60 个字`,
  save: '保存主题',
  saving: '正在保存…',
  saved: (year: number) => `${year}年督导主题已保存`,
  draftRestored: '已恢复上次未保存的主题修改。',
  discardDraft: '放弃修改',
  closeEditor: '收起',
  resetPreset: '恢复预设主题',
  resetQuestion: (year: number) => `删除本室为${year}年设定的主题，改用单位配置中的预设主题？`,
  resetDone: (year: number) => `${year}年已恢复为预设主题`,
};
