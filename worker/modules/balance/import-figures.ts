import { and, eq, inArray } from 'drizzle-orm';
import { balanceFigures } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { actorWho } from '../../service-context';
import { RowErrors } from '../../spreadsheet/table';
import { chunks, commit, type Statement } from '../imports/common';
import { collectSchoolRows } from './school-table';
import { schoolUnits, schoolYearLabel } from './scope';

/**
 * Imports a year of school figures from .xlsx or CSV (the columns `npm run coefficients` reads).
 * Rows match school units by 学校标识码 or exact name. Every bad row and column is listed at once
 * (422) and nothing is written; otherwise the listed schools' figures for that year are replaced
 * in one batch with one audit row. Schools not in the file keep what they had.
 */
export async function importFigures(ctx: ServiceContext, year: number, bytes: Uint8Array) {
  authorize(ctx.actor, 'balance.edit');
  const errors = new RowErrors();
  const rows = collectSchoolRows(bytes, { requireAll: false }, errors);
  const all = await schoolUnits(ctx);
  const byCode = new Map(all.filter((u) => u.code).map((u) => [u.code as string, u]));
  const byName = new Map<string, (typeof all)[number][]>();
  for (const u of all.filter((u) => !u.archived)) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const rowOfUnit = new Map<string, number>();
  const matched: { unitId: string; row: (typeof rows)[number] }[] = [];
  for (const row of rows) {
    let unit = row.code ? byCode.get(row.code) : undefined;
    if (row.code && !unit) {
      errors.add(row.row, 'code', `学校标识码“${row.code}”不是本单位的义务教育学校，请核对`);
      continue;
    }
    if (!unit) {
      const named = byName.get(row.name) ?? [];
      if (named.length === 0) {
        errors.add(
          row.row,
          'name',
          `没有名为“${row.name}”的义务教育学校（含教学点）：请按学校名单填写全称，或填写学校标识码`,
        );
        continue;
      }
      if (named.length > 1) {
        errors.add(row.row, 'name', `有 ${named.length} 所学校名为“${row.name}”，请填写学校标识码区分`);
        continue;
      }
      unit = named[0];
    }
    if (!unit) continue;
    const earlier = rowOfUnit.get(unit.id);
    if (earlier !== undefined) {
      errors.add(row.row, 'name', `与第 ${earlier} 行是同一所学校（${unit.name}），每所学校只填一行`);
      continue;
    }
    rowOfUnit.set(unit.id, row.row);
    matched.push({ unitId: unit.id, row });
  }
  errors.throwIfAny();

  const now = new Date().toISOString();
  const ids = matched.map((m) => m.unitId);
  const existing = ids.length
    ? await ctx.db
        .select({ unitId: balanceFigures.unitId })
        .from(balanceFigures)
        .where(and(eq(balanceFigures.schoolYear, year), inArray(balanceFigures.unitId, ids)))
    : [];
  const statements: Statement[] = [];
  for (const part of chunks(ids, 400)) {
    statements.push(
      ctx.db
        .delete(balanceFigures)
        .where(and(eq(balanceFigures.schoolYear, year), inArray(balanceFigures.unitId, part))),
    );
  }
  for (const part of chunks(matched, 60)) {
    statements.push(
      ctx.db.insert(balanceFigures).values(
        part.map(({ unitId, row }) => ({
          schoolYear: year,
          unitId,
          schoolKind: row.kind,
          enrolment: row.enrolment,
          enrolmentByStage: row.enrolmentByStage ?? null,
          resources: row.resources as Record<string, number>,
          updatedBy: ctx.actor.id,
          updatedAt: now,
        })),
      ),
    );
  }
  statements.push(
    tenantAudit(ctx.db, actorWho(ctx), {
      action: 'balance.import',
      entityType: 'balance_figures',
      entityId: String(year),
      details: { year: schoolYearLabel(year), schools: matched.length, replaced: existing.length },
    }),
  );
  await commit(ctx.db, statements);
  return {
    year,
    rows: rows.length,
    created: matched.length - existing.length,
    updated: existing.length,
  };
}
