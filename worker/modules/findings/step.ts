import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../../db/client';
import { type FindingStatus, findings } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { tenantAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { type FindingRecord, findingDetail } from './records';

type Statement = BatchItem<'sqlite'>;

type Settable = Omit<typeof findings.$inferInsert, 'id' | 'module' | 'createdBy' | 'createdAt'>;

export interface Step {
  /** The status the finding must still have when the batch runs. */
  from: FindingStatus;
  set: { [K in keyof Settable]?: Settable[K] | SQL };
  /** Further conditions the row must meet as the update runs (the report's photos are claimed). */
  alsoWhere?: SQL;
  event: { action: string; note?: string | null; evidence?: string[] | null };
  audit: { action: string; details: Record<string, unknown> };
  /** Statements that run before the update (claiming photos). */
  before?: Statement[];
  /** Statements that run after the event (notifications). */
  after?: Statement[];
}

/**
 * An event insert that only succeeds if the update just before it changed exactly one row:
 * otherwise `action` is NULL, the NOT NULL constraint fails and the whole batch rolls back. So a
 * step on a finding someone moved on meanwhile (a double click, two people at once) is refused
 * instead of being applied twice.
 */
function guardedEvent(
  db: TenantDb,
  e: {
    findingId: string;
    at: string;
    actorId: string;
    actorName: string;
    action: string;
    note: string | null;
    evidence: string[] | null;
  },
) {
  const evidence = e.evidence ? JSON.stringify(e.evidence) : null;
  return db.run(sql`INSERT INTO finding_events (finding_id, at, actor_id, actor_name, action, note, evidence)
    SELECT ${e.findingId}, ${e.at}, ${e.actorId}, ${e.actorName},
      CASE WHEN changes() = 1 THEN ${e.action} END, ${e.note}, ${evidence}`);
}

export function isGuardFailure(err: unknown): boolean {
  for (let e = err as { message?: string; cause?: unknown } | null, i = 0; e && i < 5; i++) {
    if (String(e.message ?? '').includes('finding_events.action')) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** What a lost race answers when the caller has nothing more specific to say. */
export const RACE_MESSAGE = '该问题刚被其他人处理过，请刷新页面查看最新状态后再操作。';

/**
 * One step of a finding: the guarded update, its event, the caller's extra statements and the
 * audit row in one batch; answers the finding as it now is. A lost race throws the guard failure
 * for the caller to explain (see `isGuardFailure`), or a 409 when `onRace` is not given.
 */
export async function takeStep(
  ctx: ServiceContext,
  module: ModuleKey,
  before: FindingRecord,
  step: Step,
  onRace: () => Promise<never> = async () => {
    throw new AppError('CONFLICT', RACE_MESSAGE);
  },
) {
  const { db, actor } = ctx;
  const at = new Date().toISOString();
  const statements: Statement[] = [
    ...(step.before ?? []),
    db
      .update(findings)
      .set({ ...step.set, updatedAt: at })
      .where(and(eq(findings.id, before.id), eq(findings.status, step.from), step.alsoWhere)),
    guardedEvent(db, {
      findingId: before.id,
      at,
      actorId: actor.id,
      actorName: actor.displayName,
      action: step.event.action,
      note: step.event.note ?? null,
      evidence: step.event.evidence ?? null,
    }),
    ...(step.after ?? []),
    tenantAudit(db, actorWho(ctx), {
      action: step.audit.action,
      entityType: 'finding',
      entityId: before.id,
      details: { module, ...step.audit.details },
    }),
  ];
  try {
    await db.batch(statements as [Statement, ...Statement[]]);
  } catch (err) {
    if (isGuardFailure(err)) await onRace();
    throw err;
  }
  return findingDetail(ctx, module, before.id);
}

/** 409 for a step the finding's status does not allow, saying what state it is in and what to do. */
export function wrongStatus(message: string): AppError {
  return new AppError('CONFLICT', message);
}
