import { texts } from './index';

export const dashboardTexts = {
  title: texts.shell.dashboard,
  intro: '督导覆盖、问题整改和督导次数一览；只统计已开通的督导模块。',
  month: '统计月份',
  zone: '责任区',
  allZones: '全部责任区',
  show: '查看',
  monthLabel: (year: number, month: number) => `${year}年${month}月`,
  semesterLabel: (schoolYear: number, kind: 'autumn' | 'spring') =>
    `${schoolYear}—${schoolYear + 1}学年${kind === 'autumn' ? '第一学期（秋季）' : '第二学期（春季）'}`,
  holiday: '本月为暑假，显示刚结束的春季学期。',
  rule: (frequency: 'monthly' | 'twice_per_semester', required: number) =>
    frequency === 'monthly'
      ? `督导要求：每月至少督导一次；本学期截至本月应督导 ${required} 个月。`
      : `督导要求：每学期至少督导 ${required} 次。`,

  coverage: '督导覆盖',
  units: (unit: string) => `${unit}总数`,
  visitedMonth: '本月已督导',
  visitedSemester: '本学期已督导',
  metSemester: '本学期达标',
  ofUnits: (n: number, total: number) => `${n} / ${total}`,
  byZone: '各责任区本月覆盖率',
  noZone: '未划分责任区',
  stale: (days: number) => `超过 ${days} 天未督导或从未督导`,
  staleCount: (count: number, never: number) => `共 ${count} 个，其中从未督导 ${never} 个`,
  staleMore: (shown: number) => `只列出前 ${shown} 个`,
  never: '从未督导',
  lastVisit: (day: string, days: number) => `上次 ${day}（${days} 天前）`,
  noStale: '所有单位近期均有督导记录',

  findings: '问题整改',
  findingsByModule: '各模块问题状态',
  states: {
    open: '待下发',
    issued: '整改中',
    reported: '待复查',
    closed: '已销号',
  },
  overdue: '逾期',
  overdueNote: '“逾期”是“整改中”里已过整改期限的问题。',
  median: '整改用时中位数',
  medianValue: (days: number | null) => (days === null ? texts.common.none : `${days} 天`),
  medianNote: '近 12 个月销号的问题，从下发整改通知到销号的天数。',
  closedInWindow: (n: number) => `近 12 个月销号 ${n} 项`,
  byZoneFindings: '各责任区问题',
  topUnits: '未销号问题较多的单位',
  noOpenUnits: '没有未销号的问题',
  unitCol: '单位',
  zoneCol: '责任区',
  unclosed: '未销号',

  visits: '近 12 个月督导次数',
  visitsTotal: '合计',
  visitsAxis: (month: string) => `${Number(month.slice(5, 7))}月`,
  chartSummary: (label: string, value: number) => `${label}：${value}`,
};
