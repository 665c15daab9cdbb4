import type { Client } from '@libsql/client';
import { type Adapter, type DatabaseSession, type DatabaseUser, Lucia, TimeSpan } from 'lucia';

declare module 'lucia' {
  interface Register {
    DatabaseUserAttributes: Record<string, unknown>;
  }
}

/**
 * A lucia adapter over the libSQL client for a sessions table whose `id` is the token hash.
 * Both the tenant (`sessions`/`users`) and the control plane (`platform_sessions`/
 * `platform_accounts`) use it; the table names are constants of this file, never input.
 */
export type SessionTables =
  | { sessions: 'sessions'; users: 'users' }
  | { sessions: 'platform_sessions'; users: 'platform_accounts' };

/** What a session needs of its user; never the password hash. */
const USER_COLUMNS = {
  users: 'u.id, u.username, u.display_name, u.role, u.unit_id, u.status, u.must_change_password',
  platform_accounts: 'u.id, u.username, u.display_name, u.role, u.region_prefix, u.status',
} as const;

export class LibsqlSessionAdapter implements Adapter {
  constructor(
    private readonly client: Client,
    private readonly tables: SessionTables,
  ) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const { sessions, users } = this.tables;
    const result = await this.client.execute({
      sql: `SELECT s.id AS session_id, s.expires_at AS session_expires_at, ${USER_COLUMNS[users]} FROM ${sessions} s JOIN ${users} u ON u.id = s.user_id WHERE s.id = ?`,
      args: [sessionId],
    });
    const row = result.rows[0];
    if (!row) return [null, null];
    const { session_id, session_expires_at, ...user } = row as unknown as Record<string, unknown>;
    return [
      {
        id: String(session_id),
        userId: String(user.id),
        expiresAt: new Date(Number(session_expires_at) * 1000),
        attributes: {},
      },
      { id: String(user.id), attributes: user },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const result = await this.client.execute({
      sql: `SELECT id, expires_at FROM ${this.tables.sessions} WHERE user_id = ?`,
      args: [userId],
    });
    return result.rows.map((r) => ({
      id: String(r.id),
      userId,
      expiresAt: new Date(Number(r.expires_at) * 1000),
      attributes: {},
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.client.execute({
      sql: `INSERT INTO ${this.tables.sessions} (id, user_id, expires_at) VALUES (?, ?, ?)`,
      args: [session.id, session.userId, Math.floor(session.expiresAt.getTime() / 1000)],
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.client.execute({
      sql: `UPDATE ${this.tables.sessions} SET expires_at = ? WHERE id = ?`,
      args: [Math.floor(expiresAt.getTime() / 1000), sessionId],
    });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.client.execute({ sql: `DELETE FROM ${this.tables.sessions} WHERE id = ?`, args: [sessionId] });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.client.execute({
      sql: `DELETE FROM ${this.tables.sessions} WHERE user_id = ?`,
      args: [userId],
    });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.client.execute({
      sql: `DELETE FROM ${this.tables.sessions} WHERE expires_at <= ?`,
      args: [Math.floor(Date.now() / 1000)],
    });
  }
}

export interface SessionPolicy {
  cookieName: string;
  cookiePath: string;
  secure: boolean;
  hours: number;
}

export function createLucia(client: Client, tables: SessionTables, policy: SessionPolicy) {
  return new Lucia(new LibsqlSessionAdapter(client, tables), {
    sessionExpiresIn: new TimeSpan(policy.hours, 'h'),
    sessionCookie: {
      name: policy.cookieName,
      attributes: { secure: policy.secure, sameSite: 'lax', path: policy.cookiePath },
    },
    getUserAttributes: (attributes) => attributes,
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

/** Expiry lucia would give a session created now, in seconds, for rows we insert in a batch. */
export function sessionExpiry(policy: SessionPolicy, now: Date): number {
  return Math.floor(now.getTime() / 1000) + policy.hours * 3600;
}
