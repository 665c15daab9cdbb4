import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import {
  docHeading,
  docParagraph,
  docSignature,
  docSpacer,
  docSubtitle,
  docTitle,
  wordDownload,
} from '../../docx';
import { AppError } from '../../errors';
import { findingDetail } from './records';
import { SEVERITY_LABELS } from './schemas';

/** 2026-04-01 → 2026年4月1日, as 公文 write dates. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The 整改通知单 of an issued (or later) finding as Word, with the same text the print page shows. */
export async function noticeDocx(ctx: ServiceContext, module: ModuleKey, id: string): Promise<Response> {
  authorize(ctx.actor, 'findings.read');
  const f = await findingDetail(ctx, module, id);
  if (f.status === 'open' || !f.noticeNo) {
    throw new AppError('CONFLICT', '该问题尚未下发整改通知，请先下发整改通知再下载整改通知单。');
  }
  const issuedOn = beijingDate(new Date(f.issuedAt ?? f.createdAt));
  const blocks = [
    docTitle('整改通知单'),
    docSubtitle(f.noticeNo),
    docParagraph(`${f.unitName}：`),
    docParagraph(`经督导检查，你单位在“${f.category}”方面存在以下问题，现通知你单位限期整改：`, {
      indent: true,
    }),
    docHeading('一、存在问题'),
    docParagraph(f.description, { indent: true }),
    docParagraph(`问题等级：${SEVERITY_LABELS[f.severity]}`, { indent: true }),
    docHeading('二、整改要求'),
    docParagraph(f.requirement || '请对照问题认真整改，消除隐患，建立长效机制。', { indent: true }),
    docHeading('三、整改期限'),
    docParagraph(`请于 ${chineseDate(f.deadline)} 前完成整改，并通过督导云提交整改报告（附整改前后照片）。`, {
      indent: true,
    }),
    ...(f.responsiblePerson
      ? [docHeading('四、整改责任人'), docParagraph(f.responsiblePerson, { indent: true })]
      : []),
    docParagraph('督导室将对整改情况进行复查，复查合格后予以销号。', { indent: true }),
    docSpacer(),
    docSignature([ctx.tenant.name, chineseDate(issuedOn)]),
  ];
  const safeUnit = f.unitName.replace(/[\\/:*?"<>|\s]+/g, '');
  return wordDownload(blocks, `整改通知单-${safeUnit}-${f.noticeNo}.docx`, 'notice.docx');
}
