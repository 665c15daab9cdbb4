import type { TargetStatus } from '../modules/targets/api';
import { texts } from './index';

export const targetsTexts = {
  // The menu label is the shell's (decision 009).
  title: texts.shell.targets,
  intro:
    '学校发展规划的年度目标：学年初填写目标和具体指标，学年末填写完成情况和下学年目标调整，再结转到下学年。评估时对照这些目标查看进展。',
  unit: (word: string) => word,
  chooseUnit: (word: string) => `请先选择${word}`,
  year: '学年',
  yearLabel: (y: number) => `${y}—${y + 1}学年`,
  summary: (s: { total: number; met: number; partly: number; missed: number; planned: number }) =>
    s.total === 0
      ? '本学年还没有目标。'
      : `共 ${s.total} 项：已达成 ${s.met}，部分达成 ${s.partly}，未达成 ${s.missed}，未评估 ${s.planned}。`,
  empty: '本学年还没有发展目标，请在下面添加。',
  emptyReadOnly: '本学年还没有填写发展目标。',
  statuses: {
    planned: '未评估',
    met: '已达成',
    partly: '部分达成',
    missed: '未达成',
  } satisfies Record<TargetStatus, string>,
  titleField: '目标',
  titleHint: '如：骨干教师队伍建设',
  measure: '具体指标',
  measureHint: '如：市级以上骨干教师达到 12 人',
  indicator: '对应评估指标',
  noIndicator: '不对应具体指标',
  status: '完成情况',
  progress: '完成情况说明',
  adjustment: '下学年目标调整',
  adjustmentHint: '结转时作为下学年的具体指标',
  addTitle: '添加目标',
  add: '添加',
  adding: '正在添加…',
  added: (title: string) => `已添加目标“${title}”。`,
  edit: '修改',
  save: '保存',
  saving: '正在保存…',
  cancel: '取消',
  review: '填写完成情况',
  saved: '已保存。',
  up: '上移',
  down: '下移',
  moveUp: (title: string) => `上移“${title}”`,
  moveDown: (title: string) => `下移“${title}”`,
  remove: '删除',
  removeQuestion: (title: string) => `确定删除目标“${title}”吗？删除后不能恢复。`,
  removed: (title: string) => `已删除目标“${title}”。`,
  carry: '结转到下学年',
  carryQuestion: (from: string, to: string) =>
    `把${from}的目标复制到${to}？填写了“下学年目标调整”的，以调整后的内容作为新的具体指标；下学年已有的同名目标不会重复。`,
  carried: (n: number, skipped: number, to: string) =>
    n === 0
      ? `${to}已有这些目标，没有新增。`
      : `已结转 ${n} 项目标到${to}${skipped ? `（${skipped} 项已存在，未重复）` : ''}。`,
  download: '导出 Excel',
  draftRestored: '已恢复上次未保存的内容。',
  discardDraft: '放弃',
  titleMissing: '请填写目标',
  statusMissing: '请选择完成情况',
  readOnly: '您可以查看发展目标，修改由学校或督导室进行。',
};
