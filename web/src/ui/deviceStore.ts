// Records typed on the phone live in IndexedDB from the first keystroke until the server has them
// (DESIGN.md, field work): a reload, a closed browser or a lost connection loses nothing. One
// object store per kind of record, keyed by the id the phone made, which is also the id the record
// is sent under, so sending it again after a lost answer is the same record. Without IndexedDB the
// records live in memory for as long as the page is open (and the page says so).

/** What every stored record carries: whose it is, in which tenant, and when it last changed. */
export interface DeviceRecord {
  id: string;
  slug: string;
  /** The user who typed it: only they see and send it. */
  userId: string;
  updatedAt: number;
}

export interface DeviceStore<T extends DeviceRecord> {
  get: (id: string) => Promise<T | null>;
  /** The records of one tenant and user on this device, newest first. */
  list: (slug: string, userId: string) => Promise<T[]>;
  /** Writes a record; resolves once it is on disk (or in memory when storage is off). */
  put: (record: T) => Promise<void>;
  remove: (id: string) => Promise<void>;
  /** Whether what is typed survives closing the page (false: IndexedDB is off or full). */
  isPersistent: () => boolean;
  /**
   * Saves the latest version of one record as it is typed: a write starts at once unless one is on
   * its way, in which case only the newest waiting version follows it (a fast typist never queues
   * hundreds of writes).
   */
  createSaver: (onState: (saving: boolean) => void) => {
    save: (record: T) => void;
    /** Resolves when nothing is waiting to be written. */
    flush: () => Promise<void>;
  };
}

/**
 * One kind of record on the device, in the database `dbName` (one object store `storeName`).
 * `savedEvent` is dispatched on window whenever the saver has written the last version typed.
 */
export function createDeviceStore<T extends DeviceRecord>(
  dbName: string,
  storeName: string,
  savedEvent: string,
): DeviceStore<T> {
  const memory = new Map<string, T>();
  let opening: Promise<IDBDatabase | null> | null = null;
  let persistent = true;

  function open(): Promise<IDBDatabase | null> {
    if (!opening) {
      opening = new Promise<IDBDatabase | null>((resolve) => {
        try {
          if (typeof indexedDB === 'undefined') return resolve(null);
          const req = indexedDB.open(dbName, 1);
          req.onupgradeneeded = () => {
            req.result.createObjectStore(storeName, { keyPath: 'id' });
          };
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve(null);
          req.onblocked = () => resolve(null);
        } catch {
          resolve(null);
        }
      }).then((db) => {
        persistent = db !== null;
        return db;
      });
    }
    return opening as Promise<IDBDatabase | null>;
  }

  async function run<R>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<R>): Promise<R> {
    const db = await open();
    if (!db) throw new Error('no IndexedDB');
    return new Promise<R>((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      let result: R;
      const req = op(tx.objectStore(storeName));
      req.onsuccess = () => {
        result = req.result;
      };
      // A write counts once it is committed, not when its request succeeded.
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }

  const put = async (record: T): Promise<void> => {
    memory.set(record.id, record);
    try {
      // Plain data only: a Solid store proxy cannot be cloned into IndexedDB.
      await run('readwrite', (s) => s.put(JSON.parse(JSON.stringify(record)) as T));
      persistent = true;
    } catch {
      persistent = false;
    }
  };

  return {
    isPersistent: () => persistent,
    async get(id) {
      try {
        const row = await run('readonly', (s) => s.get(id));
        if (row) return row as T;
      } catch {
        // Fall back to memory below.
      }
      return memory.get(id) ?? null;
    },
    async list(slug, userId) {
      let rows: T[] = [];
      try {
        rows = (await run('readonly', (s) => s.getAll())) as T[];
      } catch {
        rows = [...memory.values()];
      }
      return rows
        .filter((d) => d.slug === slug && d.userId === userId)
        .sort((a, b) => b.updatedAt - a.updatedAt);
    },
    put,
    async remove(id) {
      memory.delete(id);
      try {
        await run('readwrite', (s) => s.delete(id));
      } catch {}
    },
    createSaver(onState) {
      let writing = false;
      let next: T | null = null;
      const loop = async () => {
        writing = true;
        onState(true);
        while (next) {
          const d = next;
          next = null;
          await put(d);
        }
        writing = false;
        onState(false);
        window.dispatchEvent(new Event(savedEvent));
      };
      return {
        save(record) {
          next = record;
          if (!writing) void loop();
        },
        async flush() {
          while (writing || next) await new Promise((r) => setTimeout(r, 10));
        },
      };
    },
  };
}
