import { type AnyColumn, or, type SQL, sql } from 'drizzle-orm';

/**
 * Rows where any of `columns` contains `term` as typed: `%` and `_` in a search box are letters,
 * not wildcards. Many lists search one or more columns the same way.
 */
export function containsText(term: string, ...columns: (AnyColumn | SQL)[]): SQL {
  const pattern = `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const each = columns.map((column) => sql`${column} LIKE ${pattern} ESCAPE '\\'`);
  return (each.length === 1 ? each[0] : or(...each)) as SQL;
}
