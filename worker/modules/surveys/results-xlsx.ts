import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError } from '../../errors';
import { type OutCell, workbookBytes } from '../../spreadsheet/write';
import { surveyResults } from './results';

/**
 * The results as an .xlsx workbook (评教/问卷统计表): one sheet of per-question figures, one of the
 * free-text answers the actor may read, one per-class sheet. Only past the threshold.
 */
export async function surveyResultsXlsx(ctx: ServiceContext, id: string) {
  const results = await surveyResults(ctx, id);
  if (results.hidden) {
    throw new AppError(
      'CONFLICT',
      `答卷不足 ${results.minResponses} 份（现有 ${results.responseCount} 份），为保护学生匿名，暂不能导出结果。`,
    );
  }
  const s = results.survey;
  const today = beijingDate();
  const maxPoints = Math.max(0, ...results.questions.map((q) => (q.kind === 'rating' ? q.max : 0)));
  const figures: OutCell[][] = [
    [`${s.title}（${s.kindLabel}）统计表`],
    [`答卷 ${results.responseCount} 份；总体评分 ${results.overallPercent ?? '—'}%；导出日期 ${today}`],
    [
      '序号',
      '题目',
      '题型',
      '作答人数',
      '平均分/选项',
      '满分/人数',
      ...Array.from({ length: maxPoints }, (_, i) => `${i + 1}分人数`),
    ],
  ];
  results.questions.forEach((q, i) => {
    if (q.kind === 'rating') {
      figures.push([i + 1, q.label, '评分题', q.answered, q.mean, q.max, ...q.distribution]);
    } else if (q.kind === 'choice') {
      figures.push([i + 1, q.label, q.multiple ? '多选题' : '单选题', q.answered, null, null]);
      for (const o of q.options) figures.push([null, null, null, null, o.label, o.count]);
    } else {
      figures.push([i + 1, q.label, '文字题', q.answers.length, null, null]);
    }
  });
  const texts: OutCell[][] = [['题目', '意见内容', '审核状态']];
  for (const q of results.questions) {
    if (q.kind !== 'text') continue;
    for (const a of q.answers)
      texts.push([q.label, a.body, 'statusLabel' in a ? (a.statusLabel ?? null) : '已公开']);
  }
  const classes: OutCell[][] = [
    [
      '班级',
      '答卷数',
      '总体评分(%)',
      ...results.questions.filter((q) => q.kind === 'rating').map((q) => q.label),
    ],
  ];
  for (const c of results.byClass) {
    classes.push([
      c.label,
      c.responseCount,
      c.overallPercent,
      ...c.questions.filter((q) => q.kind === 'rating').map((q) => (q.kind === 'rating' ? q.mean : null)),
    ]);
  }
  const bytes = workbookBytes([
    { name: '统计', rows: figures },
    { name: '文字意见', rows: texts },
    { name: '分班统计', rows: classes },
  ]);
  return { bytes, title: s.title, today };
}
