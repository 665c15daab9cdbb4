import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../../db/client';
import { AppError } from '../../errors';
import type { RowError } from '../../spreadsheet/table';

export type Statement = BatchItem<'sqlite'>;

export interface ImportResult {
  dryRun: boolean;
  /** How the file was read: xlsx, or csv with its text encoding. */
  format: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  /** Zones named in the file that did not exist and were (or, in a dry run, would be) created. */
  zonesCreated?: string[];
  /** New accounts' one-time passwords, shown once (users only, never in a dry run). */
  credentials?: { username: string; displayName: string; password: string }[];
}

/** The report of a checked file; `nothingToWrite` says whether the import can stop here. */
export function importReport(
  dryRun: boolean,
  table: { format: string; encoding?: string | null },
  counts: Pick<ImportResult, 'rows' | 'created' | 'updated' | 'unchanged' | 'zonesCreated'>,
): { result: ImportResult; nothingToWrite: boolean } {
  const result: ImportResult = {
    dryRun,
    format: table.encoding ? `${table.format} (${table.encoding})` : table.format,
    errors: [],
    ...counts,
  };
  return { result, nothingToWrite: dryRun || (counts.created === 0 && counts.updated === 0) };
}

/** Rows whose name starts with this are the template's example and are never imported. */
export const EXAMPLE_MARK = '（示例）';

export function isExample(name: unknown): boolean {
  return typeof name === 'string' && name.startsWith(EXAMPLE_MARK);
}

/** Multi-row inserts stay well under SQLite's 32,766 bound parameters. */
export function chunks<T>(items: readonly T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes everything in one transaction. A unique index tripping here means someone changed the
 * same records since the file was checked: a 409 to re-check, never a 500.
 */
export async function commit(db: TenantDb, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  try {
    await db.batch(statements as [Statement, ...Statement[]]);
  } catch (err) {
    if (/UNIQUE constraint failed|FOREIGN KEY constraint failed/.test(causeText(err))) {
      throw new AppError(
        'CONFLICT',
        '导入时发现数据已被其他人修改（名称或编号重复），本次没有导入任何数据：请重新预检后再导入。',
      );
    }
    throw err;
  }
}

function causeText(err: unknown): string {
  const parts: string[] = [];
  for (let e = err as { message?: string; cause?: unknown } | null, depth = 0; e && depth < 4; depth++) {
    parts.push(String(e.message ?? e));
    e = e.cause as typeof e;
  }
  return parts.join(' | ');
}

/**
 * Finds a choice (unit kind, inspector type, role) by its Chinese label or its key, so people
 * can type what the form shows (小学, 督学) and exports of keys also work.
 */
export function choiceFinder<K extends string>(choices: readonly { key: K; label: string }[], suffix = '') {
  const index = new Map<string, K>();
  for (const c of choices) {
    index.set(c.key.toLowerCase(), c.key);
    index.set(c.label, c.key);
    if (suffix && c.label.endsWith(suffix) && c.label.length > suffix.length) {
      index.set(c.label.slice(0, -suffix.length), c.key);
    }
  }
  return (text: string): K | null => index.get(text.trim()) ?? index.get(text.trim().toLowerCase()) ?? null;
}

/** Name → ids, for references by name that may be ambiguous (two 中心小学 under different townships). */
export class NameIndex {
  private readonly map = new Map<string, Set<string>>();

  add(name: string | null | undefined, id: string) {
    if (!name) return;
    const set = this.map.get(name) ?? new Set<string>();
    set.add(id);
    this.map.set(name, set);
  }

  find(name: string): string[] {
    return [...(this.map.get(name) ?? [])];
  }
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}
