import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { checklistTemplates } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { containsText } from '../../text-search';
import { latestItemCount } from './records';
import type { ListTemplatesQuery } from './schemas';

/** One page of the module's templates, by name, each with its latest version's number and item count. */
export async function listTemplates(ctx: ServiceContext, module: ModuleKey, query: ListTemplatesQuery) {
  authorize(ctx.actor, 'checklists.read');
  const { db } = ctx;
  const filters: SQL[] = [eq(checklistTemplates.module, module), eq(checklistTemplates.status, query.status)];
  if (query.q) filters.push(containsText(query.q, checklistTemplates.name, checklistTemplates.description));
  const where = and(...filters);
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const [rows, totals] = await db.batch([
    db
      .select({
        id: checklistTemplates.id,
        name: checklistTemplates.name,
        description: checklistTemplates.description,
        builtinKey: checklistTemplates.builtinKey,
        copiedFromId: checklistTemplates.copiedFromId,
        latestVersion: checklistTemplates.latestVersion,
        itemCount: latestItemCount,
        status: checklistTemplates.status,
        updatedAt: checklistTemplates.updatedAt,
      })
      .from(checklistTemplates)
      .where(where)
      .orderBy(asc(checklistTemplates.name), asc(checklistTemplates.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(checklistTemplates).where(where),
  ]);
  return {
    items: rows.map(({ builtinKey, ...row }) => ({ ...row, module, builtin: builtinKey !== null })),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}
