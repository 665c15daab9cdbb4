import type { Client, InStatement, TransactionMode } from '@libsql/client/web';

/**
 * Writes to one database take turns within this isolate, and a batch that writes begins with
 * BEGIN IMMEDIATE. Why both (docs/decisions/016-write-turns.md):
 * - A deferred batch that reads before it writes (every guarded batch does) fails with
 *   SQLITE_BUSY when another writer commits in between; the user would get a 500.
 * - sqld's write queue can livelock when dozens of write transactions wait on one database at
 *   once: a waiter spins at full CPU on a slot handed to a connection that never takes it, and the
 *   database answers nothing again. Queuing here keeps at most one write per database and isolate
 *   waiting in sqld.
 */
interface Turns {
  busy: boolean;
  waiting: Array<() => void>;
}

const turnsByKey = new Map<string, Turns>();

/**
 * How long a write waits for the one before it. The one before can stall for good only when its
 * request was cancelled mid-write (its `finally` never runs); past this wait the next goes anyway.
 */
export const MAX_TURN_WAIT_MS = 5_000;

/**
 * Each waiter waits on a promise made in its own request, resolved by the write before it: a
 * request must not await a promise of another request, which workerd cancels when that request
 * ends.
 */
export async function inWriteTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  let turns = turnsByKey.get(key);
  if (!turns) {
    turns = { busy: false, waiting: [] };
    turnsByKey.set(key, turns);
  }
  if (turns.busy) await waitForTurn(turns);
  turns.busy = true;
  try {
    return await work();
  } finally {
    const next = turns.waiting.shift();
    if (next) next();
    else {
      turns.busy = false;
      if (turnsByKey.get(key) === turns) turnsByKey.delete(key);
    }
  }
}

function waitForTurn(turns: Turns): Promise<void> {
  return new Promise<void>((resolve) => {
    const go = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      const at = turns.waiting.indexOf(go);
      if (at >= 0) turns.waiting.splice(at, 1);
      resolve();
    }, MAX_TURN_WAIT_MS);
    turns.waiting.push(go);
  });
}

/** Statements that never write; anything else (a WITH may end in an INSERT) counts as a write. */
export function isReadOnlySql(sql: string): boolean {
  return /^\s*(select|pragma|explain)\b/i.test(sql);
}

type BatchStatement = InStatement | [string, unknown?];

function sqlOf(stmt: BatchStatement): string {
  if (typeof stmt === 'string') return stmt;
  if (Array.isArray(stmt)) return stmt[0];
  return stmt.sql;
}

/** The same client, with its writes taking turns per `key` (the database URL). */
export function withWriteTurns(client: Client, key: string): Client {
  const execute = client.execute.bind(client) as (...args: unknown[]) => ReturnType<Client['execute']>;
  const batch = client.batch.bind(client);
  client.execute = ((...args: unknown[]) => {
    const first = args[0] as BatchStatement;
    if (isReadOnlySql(sqlOf(first))) return execute(...args);
    return inWriteTurn(key, () => execute(...args));
  }) as Client['execute'];
  client.batch = ((stmts: BatchStatement[], mode?: TransactionMode) => {
    if (stmts.every((s) => isReadOnlySql(sqlOf(s))))
      return batch(stmts as Parameters<Client['batch']>[0], mode);
    return inWriteTurn(key, () => batch(stmts as Parameters<Client['batch']>[0], mode ?? 'write'));
  }) as Client['batch'];
  return client;
}
