// Visits being filled in live on the phone, in IndexedDB, from the first keystroke until the server
// has them (DESIGN.md, field work): a reload, a closed browser or a lost connection loses nothing.
// One record per visit, keyed by the id the phone made, which is also the id the visit is sent
// under, so sending it again after a lost answer is the same visit. The template's body is kept in
// the record, so a visit started online can be finished and reopened offline. Photos are in
// ui/photoStore under the scope `visitPhotoScope(id)`. Without IndexedDB the records live in memory
// for as long as the page is open (and the page says so).

import type { ModuleKey } from '../../api';
import type { ChecklistBody } from '../checklists/api';
import type { AnswerValue, TeamMember, VisitKind, VisitMethod } from './api';

/**
 * draft: being filled in; queued: submitted, waiting for a connection; sending: on its way;
 * failed: the server refused it (4xx), editable again with the server's message.
 */
export type VisitState = 'draft' | 'queued' | 'sending' | 'failed';

export interface VisitDraft {
  id: string;
  slug: string;
  module: ModuleKey;
  /** The user who typed it: only they send it. */
  userId: string;
  state: VisitState;
  /** The last refusal (failed) or the last reason it could not be sent yet (queued). */
  error: string | null;
  errorDetails: string[];
  unitId: string;
  unitName: string;
  templateId: string;
  templateName: string;
  templateVersion: number;
  body: ChecklistBody | null;
  kind: VisitKind;
  visitedOn: string;
  theme: string;
  team: TeamMember[];
  methods: VisitMethod[];
  answers: Record<string, AnswerValue>;
  summary: string;
  feedback: string;
  feedbackSignedBy: string;
  createdAt: number;
  updatedAt: number;
}

export const visitPhotoScope = (id: string) => `visit.${id}`;

const DB_NAME = 'dudao-visits';
const STORE = 'visits';
const memory = new Map<string, VisitDraft>();
let opening: Promise<IDBDatabase | null> | null = null;
let persistent = true;

function open(): Promise<IDBDatabase | null> {
  if (!opening) {
    opening = new Promise<IDBDatabase | null>((resolve) => {
      try {
        if (typeof indexedDB === 'undefined') return resolve(null);
        const req = indexedDB.open(DB_NAME, 1);
        req.onupgradeneeded = () => {
          req.result.createObjectStore(STORE, { keyPath: 'id' });
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

/** Whether what is typed survives closing the page (false: IndexedDB is off or full). */
export function isPersistent(): boolean {
  return persistent;
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  if (!db) throw new Error('no IndexedDB');
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    let result: T;
    const req = op(tx.objectStore(STORE));
    req.onsuccess = () => {
      result = req.result;
    };
    // A write counts once it is committed, not when its request succeeded.
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function getDraft(id: string): Promise<VisitDraft | null> {
  try {
    const row = await run('readonly', (s) => s.get(id));
    if (row) return row as VisitDraft;
  } catch {
    // Fall back to memory below.
  }
  return memory.get(id) ?? null;
}

/** The drafts and the outbox of one tenant and user on this device, newest first. */
export async function listDrafts(slug: string, userId: string, module?: ModuleKey): Promise<VisitDraft[]> {
  let rows: VisitDraft[] = [];
  try {
    rows = (await run('readonly', (s) => s.getAll())) as VisitDraft[];
  } catch {
    rows = [...memory.values()];
  }
  return rows
    .filter((d) => d.slug === slug && d.userId === userId && (!module || d.module === module))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Writes a draft; resolves once it is on disk (or in memory when storage is off). */
export async function putDraft(draft: VisitDraft): Promise<void> {
  memory.set(draft.id, draft);
  try {
    // Plain data only: a Solid store proxy cannot be cloned into IndexedDB.
    await run('readwrite', (s) => s.put(JSON.parse(JSON.stringify(draft)) as VisitDraft));
    persistent = true;
  } catch {
    persistent = false;
  }
}

export async function deleteDraft(id: string): Promise<void> {
  memory.delete(id);
  try {
    await run('readwrite', (s) => s.delete(id));
  } catch {}
}

/**
 * Saves the latest version of one draft as it is typed: a write starts at once unless one is on its
 * way, in which case only the newest waiting version follows it (a fast typist never queues
 * hundreds of writes). `onSaved` runs when the last version typed is on disk.
 */
export function createSaver(onState: (saving: boolean) => void) {
  let writing = false;
  let next: VisitDraft | null = null;
  const loop = async () => {
    writing = true;
    onState(true);
    while (next) {
      const d = next;
      next = null;
      await putDraft(d);
    }
    writing = false;
    onState(false);
    window.dispatchEvent(new Event('dudao:visit-saved'));
  };
  return {
    save(draft: VisitDraft) {
      next = draft;
      if (!writing) void loop();
    },
    /** Resolves when nothing is waiting to be written. */
    async flush() {
      while (writing || next) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
