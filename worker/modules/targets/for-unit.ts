import type { TenantDb } from '../../../db/client';
import type { TargetStatus } from '../../../db/schema/tenant';
import { type TargetRow, targetsOfYear } from './records';
import { STATUS_LABELS } from './schemas';

export type TargetSummary = { total: number } & Record<TargetStatus, number>;

/** How many targets are met, partly met, missed and not yet reviewed. */
export function summarize(rows: readonly Pick<TargetRow, 'status'>[]): TargetSummary {
  const summary: TargetSummary = { total: rows.length, planned: 0, met: 0, partly: 0, missed: 0 };
  for (const r of rows) summary[r.status]++;
  return summary;
}

/** A target as pages and other modules show it: the stored row and its status in Chinese. */
export function shaped(row: TargetRow) {
  return { ...row, statusLabel: STATUS_LABELS[row.status] };
}

/**
 * A unit's developmental targets of one school year with their year-end progress and a summary,
 * for the evaluation round pages and report. No permission check: the caller has decided the
 * actor may see the unit.
 */
export async function targetsForUnit(db: TenantDb, unitId: string, schoolYear: number) {
  const rows = await targetsOfYear(db, unitId, schoolYear);
  return { schoolYear, items: rows.map(shaped), summary: summarize(rows) };
}
