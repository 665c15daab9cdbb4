// Photos that are not sent yet (a rectification report's, a visit's) live in IndexedDB, so a reload,
// a closed tab or a lost connection loses none of them (DESIGN.md, field work). Each keeps the id it will be
// uploaded under, so sending again after a failure uploads the same photo under the same id and the
// server answers with the row it already has. Bytes are stored as an ArrayBuffer: some older
// WebViews cannot store Blobs in IndexedDB. Without IndexedDB (some private modes) the photos are
// kept in memory for as long as the page is open.

export interface StoredPhoto {
  id: string;
  /** The record it belongs to, e.g. tenant, module and finding of a report, or a visit draft. */
  scope: string;
  bytes: ArrayBuffer;
  type: string;
  originalBytes: number;
  uploaded: boolean;
  addedAt: number;
}

const DB_NAME = 'dudao-findings';
const STORE = 'reportPhotos';
const memory = new Map<string, StoredPhoto>();
let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  if (!opening) {
    opening = new Promise((resolve) => {
      try {
        if (typeof indexedDB === 'undefined') return resolve(null);
        const req = indexedDB.open(DB_NAME, 1);
        req.onupgradeneeded = () => {
          const store = req.result.createObjectStore(STORE, { keyPath: 'id' });
          store.createIndex('scope', 'scope');
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(null);
        req.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
  }
  return opening;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T | undefined> {
  const db = await open();
  if (!db) return undefined;
  const tx = db.transaction(STORE, mode);
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const result = await done(run(tx.objectStore(STORE)));
  // A write counts once it is on disk, not when the request inside the transaction succeeded.
  await committed;
  return result;
}

/** The photos of one report, in the order they were added. */
export async function listPhotos(scope: string): Promise<StoredPhoto[]> {
  try {
    const rows = await withStore('readonly', (s) => s.index('scope').getAll(scope));
    if (rows) return (rows as StoredPhoto[]).sort((a, b) => a.addedAt - b.addedAt);
  } catch {
    // Fall through to what this page holds in memory.
  }
  return [...memory.values()].filter((p) => p.scope === scope).sort((a, b) => a.addedAt - b.addedAt);
}

export async function putPhoto(photo: StoredPhoto): Promise<void> {
  memory.set(photo.id, photo);
  try {
    await withStore('readwrite', (s) => s.put(photo));
  } catch {
    // Kept in memory only (storage full or unavailable).
  }
}

export async function removePhoto(id: string): Promise<void> {
  memory.delete(id);
  try {
    await withStore('readwrite', (s) => s.delete(id));
  } catch {}
}

/** After the report is sent: its photos are on the server. */
export async function clearPhotos(scope: string): Promise<void> {
  for (const p of await listPhotos(scope)) await removePhoto(p.id);
}

export function photoBlob(photo: StoredPhoto): Blob {
  return new Blob([photo.bytes], { type: photo.type });
}

/** Reads a Blob's bytes; FileReader, because Blob.arrayBuffer is missing on Chrome 64. */
export function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
