// Scores and notes typed but not yet saved, per round and unit, in localStorage: a reload or a lost
// connection keeps them, and the workbench sends them again when it opens. Storage may throw
// (private mode, full quota); then nothing is kept and typing works as before.

export interface PendingEntry {
  score: string;
  note: string;
}

export type Pending = Record<string, PendingEntry>;

const keyOf = (slug: string, roundId: string, unitId: string) =>
  `dudao.selfPending.${slug}.${roundId}.${unitId}`;

export function pendingStore(slug: string, roundId: string, unitId: string) {
  const key = keyOf(slug, roundId, unitId);
  const read = (): Pending => {
    try {
      const raw = localStorage.getItem(key);
      const parsed = raw ? (JSON.parse(raw) as unknown) : null;
      return parsed && typeof parsed === 'object' ? (parsed as Pending) : {};
    } catch {
      return {};
    }
  };
  const write = (p: Pending) => {
    try {
      if (Object.keys(p).length) localStorage.setItem(key, JSON.stringify(p));
      else localStorage.removeItem(key);
    } catch {}
  };
  return {
    read,
    put: (indicatorKey: string, entry: PendingEntry) => write({ ...read(), [indicatorKey]: entry }),
    /** Drops an entry once saved, unless it was typed again meanwhile. */
    done: (indicatorKey: string, sent: PendingEntry) => {
      const now = read();
      const entry = now[indicatorKey];
      if (entry && entry.score === sent.score && entry.note === sent.note) {
        delete now[indicatorKey];
        write(now);
      }
    },
  };
}

/** A typed score as the server takes it: null for blank, a number otherwise (NaN when not one). */
export function parseScore(text: string): number | null {
  const t = text.trim().replace('，', '.').replace('。', '.');
  return t === '' ? null : Number(t);
}
