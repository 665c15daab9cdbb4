import { eq } from 'drizzle-orm';
import { evaluationRoundUnits, units } from '../../../../db/schema/tenant';
import { schemeTotal } from '../../../../tenants/evaluation/scheme';
import { authorize } from '../../../auth/permissions';
import type { ServiceContext } from '../../../context';
import { type OutCell, workbookBytes } from '../../../spreadsheet/write';
import { loadRoundForActor } from './access';
import { type RankingRow, rankUnits } from './ranking';

/** The ranking of a round for the office and the team (a unit sees only its own result). */
export async function roundRanking(ctx: ServiceContext, roundId: string) {
  authorize(ctx.actor, 'evaluation.read');
  const { round, scheme } = await loadRoundForActor(ctx, roundId);
  const rows = await ctx.db
    .select({
      unitId: evaluationRoundUnits.unitId,
      unitName: units.name,
      status: evaluationRoundUnits.status,
      selfTotal: evaluationRoundUnits.selfTotal,
      reviewTotal: evaluationRoundUnits.reviewTotal,
      finalTotal: evaluationRoundUnits.finalTotal,
    })
    .from(evaluationRoundUnits)
    .innerJoin(units, eq(units.id, evaluationRoundUnits.unitId))
    .where(eq(evaluationRoundUnits.roundId, roundId));
  const items = rankUnits(rows);
  return {
    round: { id: round.id, name: round.name, schoolYear: round.schoolYear },
    scheme: { id: scheme.id, name: scheme.name, version: scheme.version, points: schemeTotal(scheme.body) },
    units: items.length,
    final: items.filter((r) => r.basis === 'final').length,
    preliminary: items.filter((r) => r.basis === 'preliminary').length,
    items,
  };
}

const BASIS_LABELS: Record<RankingRow['basis'], string> = {
  final: '最终',
  preliminary: '初步',
  none: '未发布',
};

/** 评估结果排名表 (.xlsx): a title, the columns offices print, one row per unit, then a note. */
export async function rankingXlsx(ctx: ServiceContext, roundId: string) {
  const ranking = await roundRanking(ctx, roundId);
  const rows: OutCell[][] = [
    [`${ranking.round.name}评估结果排名表`],
    [`评估方案：${ranking.scheme.name}（第${ranking.scheme.version}版，满分 ${ranking.scheme.points} 分）`],
    ['名次', '被评单位', '自评得分', '评估得分', '差值（评估−自评）', '结果'],
    ...ranking.items.map((r) => [
      r.rank,
      r.unitName,
      r.selfTotal,
      r.total,
      r.difference,
      BASIS_LABELS[r.basis],
    ]),
  ];
  if (ranking.preliminary > 0) {
    rows.push([], [`注：标“初步”的单位为初步评估结果，申辩处理后可能变化。`]);
  }
  return { ranking, bytes: workbookBytes([{ name: '排名', rows }]) };
}
