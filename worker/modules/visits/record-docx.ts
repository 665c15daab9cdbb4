import type { Answer } from '../../../tenants/checklists/answers';
import { type ChecklistItem, HAZARD_LEVEL_LABELS } from '../../../tenants/checklists/schema';
import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
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
} from '../../docx';
import { findVisit, type VisitDetail, visitDetail } from './records';
import { VISIT_KIND_LABELS, VISIT_METHOD_LABELS } from './schemas';

const MODULE_TITLES: Record<ModuleKey, string> = {
  teaching: '督教',
  study: '督学',
  management: '督管理',
  safety: '督安全',
};

const FINDING_STATUS_LABELS = {
  open: '待下发',
  issued: '整改中',
  reported: '待复查',
  closed: '已销号',
} as const;

/** 2026-04-01 → 2026年4月1日, as 公文 write dates. */
function chineseDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** One answer as the record prints it: 是/否, 8 / 10 分, 12 人, the text, or 未检查. */
export function answerText(item: ChecklistItem, answer: Answer | undefined): string {
  const photos = answer?.photos?.length ?? 0;
  const value = answer?.value;
  let text: string;
  if (item.type === 'photo') text = photos > 0 ? `已拍照 ${photos} 张` : '未拍照';
  else if (value === undefined || value === null || value === '') text = '未检查';
  else if (item.type === 'yes_no') text = value === true ? '是' : '否';
  else if (item.type === 'score') text = `${value} / ${item.max ?? ''} 分`;
  else if (item.type === 'number') text = item.unit ? `${value} ${item.unit}` : String(value);
  else text = String(value);
  if (item.type !== 'photo' && photos > 0) text += `（附照片 ${photos} 张）`;
  return text;
}

/** The blocks of a visit's 督导记录. */
export function recordBlocks(visit: VisitDetail, office: string): DocBlock[] {
  const lead = visit.team.find((m) => m.lead);
  const members = visit.team.filter((m) => !m.lead).map((m) => m.name);
  const fields: [string, string][] = [
    ['被督导单位', visit.unitName],
    ['督导日期', chineseDate(visit.visitedOn)],
    ['督导类型', VISIT_KIND_LABELS[visit.kind]],
    ...(visit.theme ? ([['督导主题', visit.theme]] as [string, string][]) : []),
    ['督导组组长', lead?.name ?? '—'],
    ['督导组成员', members.length > 0 ? members.join('、') : '—'],
    ['督导方式', visit.methods.map((m) => VISIT_METHOD_LABELS[m]).join('、') || '—'],
    ['检查表', visit.template ? `${visit.template.name}（第 ${visit.template.version} 版）` : '—'],
    [
      '得分',
      visit.score !== null && visit.maxScore !== null ? `${visit.score} / ${visit.maxScore} 分` : '不计分',
    ],
  ];
  const blocks: DocBlock[] = [
    docTitle('督导记录'),
    docSubtitle(`${MODULE_TITLES[visit.module]}·${VISIT_KIND_LABELS[visit.kind]}`),
    docFields(fields),
    docSpacer(),
  ];
  const sections = visit.template?.body.sections ?? [];
  if (sections.length > 0) {
    blocks.push(docHeading('一、检查情况'));
    for (const section of sections) {
      blocks.push(docParagraph(section.title, { bold: true }));
      blocks.push(
        docTable(
          ['序号', '检查项', '检查结果', '说明'],
          section.items.map((item, i) => {
            const answer = visit.answers[item.key];
            return [String(i + 1), item.label, answerText(item, answer), answer?.note?.trim() || ''];
          }),
          [1, 6, 3, 4],
        ),
      );
    }
  }
  blocks.push(docHeading('二、督导意见'));
  blocks.push(docParagraph(visit.summary || '无', { indent: true }));
  blocks.push(docHeading('三、现场反馈'));
  blocks.push(docParagraph(visit.feedback || '无', { indent: true }));
  if (visit.feedbackSignedBy)
    blocks.push(docParagraph(`被督导单位签收人：${visit.feedbackSignedBy}`, { indent: true }));
  blocks.push(docHeading('四、发现问题'));
  if (visit.findings.length === 0)
    blocks.push(docParagraph('本次督导未发现需整改的问题。', { indent: true }));
  else {
    blocks.push(
      docTable(
        ['序号', '问题', '等级', '整改期限', '状态'],
        visit.findings.map((f, i) => [
          String(i + 1),
          `${f.category}：${f.description}`,
          HAZARD_LEVEL_LABELS[f.severity],
          chineseDate(f.deadline),
          FINDING_STATUS_LABELS[f.status],
        ]),
        [1, 7, 2, 3, 2],
      ),
    );
  }
  blocks.push(docSpacer());
  blocks.push(docSignature([`督导组组长：${lead?.name ?? ''}`, office, chineseDate(visit.visitedOn)]));
  return blocks;
}

/** The visit's 督导记录 as Word. */
export async function recordDocx(ctx: ServiceContext, module: ModuleKey, id: string): Promise<Response> {
  authorize(ctx.actor, 'visits.read');
  const visit = await visitDetail(ctx.db, await findVisit(ctx.db, module, id));
  const safeUnit = visit.unitName.replace(/[\\/:*?"<>|\s]+/g, '');
  return wordDownload(
    recordBlocks(visit, ctx.tenant.name),
    `督导记录-${safeUnit}-${visit.visitedOn}.docx`,
    'visit-record.docx',
  );
}
