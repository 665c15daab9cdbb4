import { and, eq, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from '../../../db/client';
import { suggestions, units, users } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { can } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { CATEGORY_LABELS, STATUS_LABELS, type SuggestionCategory, type SuggestionStatus } from './schemas';

export type SuggestionRow = typeof suggestions.$inferSelect;

/** The office (triage roles) sees every suggestion. */
export function isOffice(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'suggestions.triage');
}

/** A unit manager, for suggestions forwarded to their own unit. */
function managesUnitOf(ctx: ServiceContext): SQL | undefined {
  const { actor } = ctx;
  if (actor.role !== 'unit_manager' || !actor.unitId) return undefined;
  return eq(suggestions.unitId, actor.unitId);
}

/** Who may see which suggestion: its author, the office, and the manager of the unit it went to. */
export function visibleTo(ctx: ServiceContext): SQL | undefined {
  if (isOffice(ctx)) return undefined;
  return or(eq(suggestions.authorId, ctx.actor.id), managesUnitOf(ctx));
}

const NOT_FOUND = '未找到该建议，或您无权查看。';

/** The suggestion if this user may see it; otherwise (unknown, another tenant's, someone else's) 404. */
export async function findVisibleSuggestion(ctx: ServiceContext, id: string): Promise<SuggestionRow> {
  const [row] = await ctx.db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.id, id), visibleTo(ctx)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return row;
}

const author = alias(users, 'author');
const answerer = alias(users, 'answerer');

/** The columns a list or a detail shows, with the names of the author, answerer and unit. */
export function suggestionSelect(db: TenantDb) {
  return db
    .select({
      ...getTableColumns(suggestions),
      authorName: author.displayName,
      answeredByName: answerer.displayName,
      unitName: units.name,
    })
    .from(suggestions)
    .leftJoin(author, eq(author.id, suggestions.authorId))
    .leftJoin(answerer, eq(answerer.id, suggestions.answeredBy))
    .leftJoin(units, eq(units.id, suggestions.unitId));
}

type Joined = SuggestionRow & {
  authorName: string | null;
  answeredByName: string | null;
  unitName: string | null;
};

export function statusWord(status: SuggestionStatus): string {
  return STATUS_LABELS[status];
}

/**
 * What this user sees of a suggestion. The unit that answers does not see who sent it (the office
 * forwards it on the sender's behalf); the sender and the office do. The office's note and the answer
 * are for everyone who sees the suggestion.
 */
export function shape(ctx: ServiceContext, r: Joined) {
  const mine = r.authorId === ctx.actor.id;
  const office = isOffice(ctx);
  const ownUnit = ctx.actor.role === 'unit_manager' && !!ctx.actor.unitId && r.unitId === ctx.actor.unitId;
  const category = r.category as SuggestionCategory | null;
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    category,
    categoryLabel: category ? (CATEGORY_LABELS[category] ?? category) : null,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    mine,
    author: mine || office ? { id: r.authorId, name: r.authorName ?? '' } : null,
    unit: r.unitId ? { id: r.unitId, name: r.unitName ?? '' } : null,
    officeNote: r.officeNote,
    answer: r.answer,
    answeredByName: r.answeredByName,
    answeredAt: r.answeredAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    /** What this user may do with it now, for the web app's buttons (the API checks again). */
    actions: {
      forward: office && (r.status === 'submitted' || r.status === 'forwarded'),
      answer: r.status === 'forwarded' && (office || ownUnit),
      close: office && r.status !== 'closed',
    },
  };
}

export type SuggestionDetail = ReturnType<typeof shape>;

export async function suggestionDetail(ctx: ServiceContext, id: string): Promise<SuggestionDetail> {
  const [row] = await suggestionSelect(ctx.db)
    .where(and(eq(suggestions.id, id), visibleTo(ctx)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return shape(ctx, row);
}

/** 409 naming the current state, for a step that state does not allow. */
export function wrongState(row: Pick<SuggestionRow, 'status'>, doing: string): AppError {
  return new AppError(
    'CONFLICT',
    `该建议当前状态为“${STATUS_LABELS[row.status]}”，不能${doing}。请刷新后查看。`,
  );
}

export interface Step {
  from: readonly SuggestionStatus[];
  /** Extra conditions the row must meet when the update runs (e.g. the manager's own unit). */
  where?: SQL;
  set: Partial<
    Pick<
      SuggestionRow,
      'status' | 'category' | 'unitId' | 'officeNote' | 'answer' | 'answeredBy' | 'answeredAt'
    >
  >;
  audit: { action: string; details: Record<string, unknown> };
  /** What the user tried, for the 409 message (e.g. 转交). */
  doing: string;
}

/**
 * One step on a suggestion: the update and its audit record in one batch. The update applies only to
 * the version the caller read, in an allowed state; otherwise nothing (not even the audit row) is
 * written and the answer is 409 with the state it is in now.
 */
export async function takeStep(
  ctx: ServiceContext,
  before: SuggestionRow,
  step: Step,
): Promise<SuggestionDetail> {
  const { db } = ctx;
  const at = new Date().toISOString();
  const [updated] = await db.batch([
    db
      .update(suggestions)
      .set({ ...step.set, updatedAt: at })
      .where(
        and(
          eq(suggestions.id, before.id),
          eq(suggestions.updatedAt, before.updatedAt),
          inArray(suggestions.status, [...step.from]),
          step.where,
        ),
      )
      .returning({ id: suggestions.id }),
    guardedTenantAudit(
      ctx.db,
      actorWho(ctx),
      {
        action: step.audit.action,
        entityType: 'suggestion',
        entityId: before.id,
        details: step.audit.details,
      },
      sql`changes() = 1`,
    ),
  ]);
  if (updated.length !== 1) {
    const now = await findVisibleSuggestion(ctx, before.id);
    if (!step.from.includes(now.status)) throw wrongState(now, step.doing);
    throw new AppError('CONFLICT', '该建议刚被其他人处理过，请刷新后再操作。');
  }
  return suggestionDetail(ctx, before.id);
}
