import { afterEach, describe, expect, it, vi } from 'vitest';
import { inWriteTurn, isReadOnlySql, MAX_TURN_WAIT_MS } from '../../db/write-turns';

const later = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('write turns', () => {
  afterEach(() => vi.useRealTimers());

  it('runs writes to one database one after another, in order', async () => {
    const log: string[] = [];
    const write = (name: string, ms: number) =>
      inWriteTurn('db-a', async () => {
        log.push(`${name} start`);
        await later(ms, null);
        log.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([write('1', 20), write('2', 5), write('3', 1)]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
  });

  it('lets writes to different databases overlap', async () => {
    const log: string[] = [];
    const write = (db: string) =>
      inWriteTurn(db, async () => {
        log.push(`${db} start`);
        await later(10, null);
        log.push(`${db} end`);
      });
    await Promise.all([write('db-b'), write('db-c')]);
    expect(log.slice(0, 2).sort()).toEqual(['db-b start', 'db-c start']);
  });

  it('passes the turn on when a write fails, and the failure reaches its caller', async () => {
    const failing = inWriteTurn('db-d', async () => {
      throw new Error('constraint');
    });
    const next = inWriteTurn('db-d', async () => 'next ran');
    await expect(failing).rejects.toThrow('constraint');
    await expect(next).resolves.toBe('next ran');
  });

  it('goes anyway when the write before it never finishes (a cancelled request)', async () => {
    vi.useFakeTimers();
    void inWriteTurn('db-e', () => new Promise<never>(() => {}));
    let ran = false;
    const waiting = inWriteTurn('db-e', async () => {
      ran = true;
    });
    await vi.advanceTimersByTimeAsync(MAX_TURN_WAIT_MS - 1);
    expect(ran).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(ran).toBe(true);
  });

  it('tells reads from writes by the statement', () => {
    expect(isReadOnlySql('select 1')).toBe(true);
    expect(isReadOnlySql('  SELECT "id" from "units"')).toBe(true);
    expect(isReadOnlySql('PRAGMA table_info(units)')).toBe(true);
    expect(isReadOnlySql('insert into units values (1)')).toBe(false);
    expect(isReadOnlySql('WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x')).toBe(false);
    expect(isReadOnlySql('update units set name = 1')).toBe(false);
  });
});
