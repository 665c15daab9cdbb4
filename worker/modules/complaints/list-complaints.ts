import { and, asc, count, desc, eq, ne, or, type SQL } from 'drizzle-orm';
import { complaints, inspectors, units } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { containsText } from '../../text-search';
import { visibleTo } from './records';
import { CATEGORY_LABELS, type ListComplaintsQuery, STATUS_LABELS } from './schemas';
import { normalizeCode } from './tracking-code';

/** The office's list of public complaints; an inspector sees only those assigned to them. */
export async function listComplaints(ctx: ServiceContext, query: ListComplaintsQuery) {
  authorize(ctx.actor, 'complaints.read');
  const { db } = ctx;
  const filters: (SQL | undefined)[] = [visibleTo(ctx)];
  if (query.status === 'open') filters.push(ne(complaints.status, 'closed'));
  else if (query.status) filters.push(eq(complaints.status, query.status));
  if (query.unitId) filters.push(eq(complaints.unitId, query.unitId));
  if (query.assigneeId) filters.push(eq(complaints.assigneeId, query.assigneeId));
  if (query.q) {
    const code = normalizeCode(query.q);
    filters.push(
      or(
        containsText(query.q, complaints.topic, complaints.body),
        code ? eq(complaints.trackingCode, code) : undefined,
      ),
    );
  }
  const where = and(...filters);
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const [rows, totals, unitOptions] = await db.batch([
    db
      .select({
        id: complaints.id,
        trackingCode: complaints.trackingCode,
        category: complaints.category,
        topic: complaints.topic,
        status: complaints.status,
        unitId: complaints.unitId,
        unitName: units.name,
        assigneeId: complaints.assigneeId,
        assigneeName: inspectors.name,
        photoKey: complaints.photoKey,
        createdAt: complaints.createdAt,
        updatedAt: complaints.updatedAt,
      })
      .from(complaints)
      .innerJoin(units, eq(units.id, complaints.unitId))
      .leftJoin(inspectors, eq(inspectors.id, complaints.assigneeId))
      .where(where)
      .orderBy(desc(complaints.createdAt), desc(complaints.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(complaints).where(where),
    // The units this user has complaints about, for the list's unit filter.
    db
      .selectDistinct({ id: units.id, name: units.name })
      .from(complaints)
      .innerJoin(units, eq(units.id, complaints.unitId))
      .where(visibleTo(ctx))
      .orderBy(asc(units.name))
      .limit(300),
  ]);
  return {
    items: rows.map(({ photoKey, ...r }) => ({
      ...r,
      categoryLabel: CATEGORY_LABELS[r.category],
      statusLabel: STATUS_LABELS[r.status],
      hasPhoto: photoKey !== null,
    })),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
    unitOptions,
  };
}
