import { and, eq, inArray } from 'drizzle-orm';
import { evaluationRoundUnits, evaluationScores } from '../../../../db/schema/tenant';
import { authorize } from '../../../auth/permissions';
import type { ServiceContext } from '../../../context';
import { type OutCell, workbookBytes } from '../../../spreadsheet/write';
import { loadRoundForActor } from './access';
import { type LostPointsRow, lostPoints } from './lost-points';

/** Units whose team scores count: those with a published (preliminary or final) result. */
const WITH_RESULT = ['reviewed', 'replied', 'final'] as const;

/** Where a round's units lose points most, by first- and second-level indicator. */
export async function roundLostPoints(ctx: ServiceContext, roundId: string) {
  authorize(ctx.actor, 'evaluation.read');
  const { round, scheme } = await loadRoundForActor(ctx, roundId);
  const rows = await ctx.db
    .select({
      unitId: evaluationScores.unitId,
      key: evaluationScores.indicatorKey,
      score: evaluationScores.score,
    })
    .from(evaluationScores)
    .innerJoin(
      evaluationRoundUnits,
      and(
        eq(evaluationRoundUnits.roundId, evaluationScores.roundId),
        eq(evaluationRoundUnits.unitId, evaluationScores.unitId),
      ),
    )
    .where(
      and(
        eq(evaluationScores.roundId, roundId),
        eq(evaluationScores.side, 'review'),
        inArray(evaluationRoundUnits.status, [...WITH_RESULT]),
      ),
    );
  const byUnit = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const scores = byUnit.get(r.unitId) ?? {};
    scores[r.key] = r.score;
    byUnit.set(r.unitId, scores);
  }
  return {
    round: { id: round.id, name: round.name, schoolYear: round.schoolYear },
    scheme: { id: scheme.id, name: scheme.name, version: scheme.version },
    ...lostPoints(scheme.body, [...byUnit.values()]),
  };
}

const HEADER = ['序号', '指标', '分值', '参评单位数', '失分单位数', '失分合计', '平均失分', '失分率'];

function sheetRows(items: LostPointsRow[], withParent: boolean): OutCell[][] {
  return items.map((r, i) => [
    i + 1,
    withParent && r.parentKey ? `${r.parentKey} ${r.parentName} / ${r.key} ${r.name}` : `${r.key} ${r.name}`,
    r.points,
    r.units,
    r.unitsLosing,
    r.lostSum,
    r.lostMean,
    `${(r.lostRate * 100).toFixed(1)}%`,
  ]);
}

/** 失分分析表 (.xlsx): one sheet per level, most lost first. */
export async function lostPointsXlsx(ctx: ServiceContext, roundId: string) {
  const data = await roundLostPoints(ctx, roundId);
  const title = `${data.round.name}失分分析（${data.units} 个单位，按失分合计从高到低）`;
  const bytes = workbookBytes([
    { name: '一级指标', rows: [[title], HEADER, ...sheetRows(data.firstLevel, false)] },
    { name: '二级指标', rows: [[title], HEADER, ...sheetRows(data.secondLevel, true)] },
  ]);
  return { data, bytes };
}
