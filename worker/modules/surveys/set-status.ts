import { sql } from 'drizzle-orm';
import { surveys } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { readableSurvey, surveyDetail, surveyWhere } from './records';

const MOVES = {
  open: { from: 'draft', to: 'open', refused: '只有草稿状态的问卷可以开放；该问卷已开放或已结束。' },
  close: { from: 'open', to: 'closed', refused: '只有收集中的问卷可以结束；该问卷尚未开放或已经结束。' },
} as const;

/** Opens a draft (links start taking responses) or closes an open survey (they stop). */
export async function setSurveyStatus(ctx: ServiceContext, id: string, move: keyof typeof MOVES) {
  authorize(ctx.actor, 'surveys.manage');
  const current = await readableSurvey(ctx, id);
  const { from, to, refused } = MOVES[move];
  if (current.status !== from) throw new AppError('CONFLICT', refused);
  const today = beijingDate();
  if (move === 'open' && current.closesOn && current.closesOn < today) {
    throw new AppError('CONFLICT', `截止日期 ${current.closesOn} 已过，请先修改截止日期再开放问卷。`);
  }
  const [updated] = await ctx.db.batch([
    ctx.db
      .update(surveys)
      .set({ status: to, updatedAt: new Date().toISOString() })
      .where(surveyWhere(id, from))
      .returning(),
    guardedTenantAudit(
      ctx.db,
      actorWho(ctx),
      { action: `survey.${move}`, entityType: 'survey', entityId: id, details: { title: current.title } },
      sql`changes() = 1`,
    ),
  ]);
  const row = updated[0];
  if (!row) throw new AppError('CONFLICT', `${refused}请刷新页面。`);
  return surveyDetail(ctx, row);
}
