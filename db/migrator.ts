import type { Client } from '@libsql/client';
import type { Migration } from './migration';

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS _migrations (
  version integer PRIMARY KEY NOT NULL,
  tag text NOT NULL,
  checksum text NOT NULL,
  applied_at text NOT NULL
)`;

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly version: number,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** The version a database is at (creating the empty ledger if there is none yet). */
export async function currentVersion(client: Client): Promise<number> {
  await client.execute(CREATE_LEDGER);
  const result = await client.execute('SELECT coalesce(max(version), 0) AS v FROM _migrations');
  return Number(result.rows[0]?.v ?? 0);
}

/**
 * Applies the pending migrations one by one. Each migration and its ledger row commit in one
 * batch (a transaction), so a failure leaves the database at the last good version and a
 * re-run continues from there. Already applied migrations whose text changed are refused.
 */
export async function applyMigrations(
  client: Client,
  migrations: Migration[],
): Promise<{ from: number; to: number }> {
  await client.execute(CREATE_LEDGER);
  const applied = await client.execute('SELECT version, checksum FROM _migrations ORDER BY version');
  const appliedChecksums = new Map(applied.rows.map((r) => [Number(r.version), String(r.checksum)]));
  for (const m of migrations) {
    const seen = appliedChecksums.get(m.version);
    if (seen !== undefined && seen !== m.checksum) {
      throw new MigrationError(`migration ${m.tag} was changed after it was applied`, m.version);
    }
  }
  const from = appliedChecksums.size === 0 ? 0 : Math.max(...appliedChecksums.keys());
  let to = from;
  for (const m of migrations) {
    if (appliedChecksums.has(m.version)) continue;
    try {
      await client.batch(
        [
          ...m.statements,
          {
            sql: 'INSERT INTO _migrations (version, tag, checksum, applied_at) VALUES (?, ?, ?, ?)',
            args: [m.version, m.tag, m.checksum, new Date().toISOString()],
          },
        ],
        'write',
      );
    } catch (error) {
      throw new MigrationError(
        `migration ${m.tag} failed: ${error instanceof Error ? error.message : String(error)}`,
        m.version,
      );
    }
    to = m.version;
  }
  return { from, to };
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}
