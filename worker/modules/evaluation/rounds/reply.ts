import { and, eq, isNull, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { evaluationRoundUnits } from '../../../../db/schema/tenant';
import { type SchemeBody, walkIndicators } from '../../../../tenants/evaluation/scheme';
import { guardedTenantAudit } from '../../../audit';
import { authorize } from '../../../auth/permissions';
import type { ServiceContext } from '../../../context';
import { beijingDate } from '../../../dates';
import { AppError, type FieldIssue, validationError } from '../../../errors';
import { actorWho } from '../../../service-context';
import { notifyStatements } from '../../notifications/notify';
import { loadRoundUnitForActor, managesUnit, ROUND_UNIT_NOT_FOUND } from './access';
import { teamUserIds, unitKey, unitReviewLink } from './publish-result';
import type { STATUS_LABELS } from './save-review';

/**
 * The unit's reply to the preliminary result (申辩): once, by its manager, until the reply deadline
 * (a Beijing day, inclusive). Either objections — a general text and claims on leaf indicators —
 * which move the unit `reviewed` → `replied` and tell the team; or `noObjection`, which records the
 * time (`replied_at` with no text, status stays `reviewed`) so the team may finalize at once.
 */

const claimText = v.pipe(
  v.string('申辩理由必须是文字'),
  v.trim(),
  v.minLength(1, '请填写该指标的申辩理由'),
  v.maxLength(2000, '每个指标的申辩理由不能超过 2000 个字'),
);

export const ReplyInput = v.object({
  noObjection: v.optional(v.boolean('无异议只能是是或否'), false),
  text: v.optional(
    v.pipe(v.string('申辩说明必须是文字'), v.trim(), v.maxLength(5000, '申辩说明不能超过 5000 个字')),
    '',
  ),
  items: v.optional(
    v.pipe(
      v.array(
        v.object({
          indicatorKey: v.pipe(v.string('指标编号必须是文字'), v.maxLength(20, '指标编号不能超过 20 个字符')),
          text: claimText,
        }),
        '逐项申辩应为列表',
      ),
      v.maxLength(400, '逐项申辩最多 400 条'),
    ),
    [],
  ),
});
export type ReplyInput = v.InferOutput<typeof ReplyInput>;

/** Claims must name leaves of the round's scheme, each once. */
export function replyItemIssues(body: SchemeBody, items: readonly { indicatorKey: string }[]): FieldIssue[] {
  const leaves = new Set(
    [...walkIndicators(body.indicators)]
      .filter((w) => !w.indicator.children?.length)
      .map((w) => w.indicator.key),
  );
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  items.forEach((item, i) => {
    const path = `items.${i}.indicatorKey`;
    if (!leaves.has(item.indicatorKey)) {
      issues.push({
        path,
        message: `申辩的指标“${item.indicatorKey}”不是本次评估方案中的末级指标，请重新选择`,
      });
    } else if (seen.has(item.indicatorKey)) {
      issues.push({ path, message: `指标“${item.indicatorKey}”的申辩重复了，请合并为一条` });
    }
    seen.add(item.indicatorKey);
  });
  return issues;
}

/** Why a reply cannot be sent now, or null: the state rule, pure for the unit tests. */
export function replyBlock(
  unit: { status: keyof typeof STATUS_LABELS; repliedAt: string | null },
  replyDeadline: string,
  today: string,
): string | null {
  if (unit.status === 'replied' || (unit.status === 'reviewed' && unit.repliedAt)) {
    return '本次评估已提交过申辩（或已确认无异议），每个单位只能申辩一次。';
  }
  if (unit.status !== 'reviewed') {
    return unit.status === 'final'
      ? '评估结果已确定，不能再申辩。'
      : '初步评估结果尚未发布，发布后才能申辩。';
  }
  if (today > replyDeadline) return `申辩截止日期（${replyDeadline}）已过，不能再申辩。`;
  return null;
}

export async function replyToResult(ctx: ServiceContext, roundId: string, unitId: string, input: ReplyInput) {
  authorize(ctx.actor, 'evaluation.self');
  const loaded = await loadRoundUnitForActor(ctx, roundId, unitId);
  if (!managesUnit(loaded, unitId)) throw new AppError('NOT_FOUND', ROUND_UNIT_NOT_FOUND);
  const { unit, round, scheme } = loaded;
  const blocked = replyBlock(unit, round.replyDeadline, beijingDate());
  if (blocked) throw new AppError('CONFLICT', blocked);
  const objection = input.noObjection ? null : input;
  if (objection) {
    const issues = replyItemIssues(scheme.body, objection.items);
    if (!objection.text) issues.unshift({ path: 'text', message: '请填写申辩说明，或确认无异议' });
    if (issues.length > 0) throw validationError(issues);
  }
  const { db } = ctx;
  const now = new Date().toISOString();
  const team = objection ? await teamUserIds(db, roundId) : [];
  const [changed] = await db.batch([
    db
      .update(evaluationRoundUnits)
      .set({
        status: objection ? 'replied' : 'reviewed',
        reply: objection?.text ?? null,
        replyItems: objection?.items ?? [],
        repliedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(evaluationRoundUnits.roundId, roundId),
          eq(evaluationRoundUnits.unitId, unitId),
          eq(evaluationRoundUnits.status, 'reviewed'),
          isNull(evaluationRoundUnits.repliedAt),
        ),
      )
      .returning({ unitId: evaluationRoundUnits.unitId }),
    // Two people at once: one change, one record.
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: objection ? 'evaluation_round.reply' : 'evaluation_round.no_objection',
        entityType: 'evaluation_round_unit',
        entityId: unitKey(roundId, unitId),
        details: { unitName: unit.name, claims: objection?.items.map((i) => i.indicatorKey) ?? [] },
      },
      sql`changes() = 1`,
    ),
    ...notifyStatements(db, {
      userIds: team,
      kind: 'evaluation_reply',
      entityType: 'evaluation_round_unit',
      entityId: unitKey(roundId, unitId),
      title: `${round.name}：${unit.name}提出了申辩`,
      body: objection ? `逐项申辩 ${objection.items.length} 条，请评估组答复。` : null,
      link: unitReviewLink(roundId, unitId),
    }),
  ]);
  if (changed.length === 0)
    throw new AppError('CONFLICT', '该单位的评估状态刚刚被他人改变，请刷新页面后重试。');
  return {
    status: objection ? ('replied' as const) : ('reviewed' as const),
    repliedAt: now,
    noObjection: !objection,
  };
}
