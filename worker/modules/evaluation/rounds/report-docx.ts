import type { ServiceContext } from '../../../context';
import { beijingDate } from '../../../dates';
import {
  type DocBlock,
  docFields,
  docHeading,
  docParagraph,
  docSignature,
  docSpacer,
  docSubtitle,
  docTable,
  docTitle,
  wordDownload,
} from '../../../docx';
import { type UnitReport, unitReport } from './report-data';

/** 2026-04-01 (or an ISO time, taken on its Beijing day) → 2026年4月1日, as 公文 write dates. */
export function chineseDate(value: string): string {
  const day = value.length > 10 ? beijingDate(new Date(value)) : value;
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const STAGE_NOTES = {
  draft: '（评审中，结果尚未发布）',
  preliminary: '（初步结果）',
  final: '',
} as const;

const num = (n: number | null) => (n === null ? '—' : String(n));

/** The blocks of a unit's 评估报告. */
export function reportBlocks(report: UnitReport): DocBlock[] {
  const lead = report.team.find((m) => m.lead);
  const others = report.team.filter((m) => !m.lead).map((m) => m.name);
  const total =
    report.stage === 'final' ? report.finalTotal : report.stage === 'preliminary' ? report.reviewTotal : null;
  const blocks: DocBlock[] = [
    docTitle(`评估报告${STAGE_NOTES[report.stage]}`),
    docSubtitle(report.round.name),
    docFields([
      ['被评单位', report.unit.name],
      ['评估学年', `${report.round.schoolYear}—${report.round.schoolYear + 1} 学年`],
      ['评估方案', `${report.scheme.name}（第 ${report.scheme.version} 版，满分 ${report.points} 分）`],
      ['评估组组长', lead?.name ?? '—'],
      ['评估组成员', others.length > 0 ? others.join('、') : '—'],
      ['自评得分', num(report.selfTotal)],
      [report.stage === 'final' ? '最终得分' : '评估得分（初步）', num(total)],
    ]),
    docSpacer(),
    docHeading('一、各项指标得分'),
    docTable(
      ['指标', '分值', '自评', '评估', '最终', '评估组意见'],
      report.rows.map((r) => [
        `${'　'.repeat(r.level - 1)}${r.key} ${r.name}`,
        String(r.points),
        num(r.self),
        num(r.review),
        num(r.final),
        r.reviewNote ?? '',
      ]),
      [6, 1.4, 1.4, 1.4, 1.4, 5],
    ),
    docHeading('二、评估组意见'),
    docParagraph(report.summary || '（尚未发布）', { indent: true }),
    docHeading('三、申辩及答复'),
  ];
  if (report.reply) {
    blocks.push(
      docParagraph(`单位申辩（${chineseDate(report.reply.at)}）：${report.reply.text ?? ''}`, {
        indent: true,
      }),
    );
    for (const item of report.reply.items) {
      const row = report.rows.find((r) => r.key === item.indicatorKey);
      blocks.push(docParagraph(`${item.indicatorKey} ${row?.name ?? ''}：${item.text}`, { indent: true }));
    }
    blocks.push(docParagraph(`评估组答复：${report.answer || '（尚未答复）'}`, { indent: true }));
  } else if (report.noObjection) {
    blocks.push(docParagraph('单位对初步评估结果无异议。', { indent: true }));
  } else {
    blocks.push(docParagraph('单位未提出申辩。', { indent: true }));
  }
  if (report.targets.length > 0) {
    blocks.push(
      docHeading(`四、${report.round.schoolYear}—${report.round.schoolYear + 1} 学年发展目标达成情况`),
    );
    blocks.push(
      docTable(
        ['序号', '目标', '具体指标', '达成情况', '进展', '下学年目标调整'],
        report.targets.map((t, i) => [
          String(i + 1),
          t.title,
          t.measure ?? '',
          t.statusLabel,
          t.progress ?? '',
          t.adjustment ?? '',
        ]),
        [1, 4, 4, 2, 4, 4],
      ),
    );
  }
  blocks.push(docSpacer());
  const day = report.finalizedAt ?? report.publishedAt;
  blocks.push(docSignature([report.office, ...(day ? [chineseDate(day)] : [])]));
  return blocks;
}

/** The unit's 评估报告 as Word. */
export async function reportDocx(ctx: ServiceContext, roundId: string, unitId: string): Promise<Response> {
  const report = await unitReport(ctx, roundId, unitId);
  const safeUnit = report.unit.name.replace(/[\\/:*?"<>|\s]+/g, '');
  const stage = report.stage === 'final' ? '' : report.stage === 'preliminary' ? '（初步）' : '（草稿）';
  return wordDownload(reportBlocks(report), `评估报告-${safeUnit}${stage}.docx`, 'evaluation-report.docx');
}
