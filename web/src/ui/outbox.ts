// An outbox: records submitted on the phone wait on it until they reach the server, exactly once.
// Each is sent under the id the phone made, so the server answers a second POST of the same content
// as a duplicate. A network failure, a 5xx or an expired session leaves the record queued and it is
// tried again on the browser's 'online' event, every RETRY_MS and whenever one of its pages opens;
// a 4xx refusal marks it failed with the server's Chinese message (and the fields it names) and it
// becomes editable again: nothing is dropped.

import { createSignal } from 'solid-js';
import { type ApiError, type FieldIssue, toApiError } from '../api';
import type { DeviceRecord, DeviceStore } from './deviceStore';

const RETRY_MS = 20_000;

/**
 * draft: being filled in; queued: submitted, waiting for a connection; sending: on its way;
 * failed: the server refused it (4xx), editable again with the server's message.
 */
export type OutboxState = 'draft' | 'queued' | 'sending' | 'failed';

export interface OutboxRecord extends DeviceRecord {
  state: OutboxState;
  /** The last refusal (failed) or the last reason it could not be sent yet (queued). */
  error: string | null;
  errorDetails: string[];
  /** The refusal's issues with the fields they name, so a form can show each at its field. */
  errorIssues?: FieldIssue[];
}

/** A refusal the user must act on, as opposed to a reason to try again later. */
export function isRefusal(err: ApiError): boolean {
  return (
    err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 408 && err.status !== 429
  );
}

interface OutboxSpec<T extends OutboxRecord, S> {
  store: DeviceStore<T>;
  /** Sends one record (and whatever it needs first); what it returns is listed as sent. */
  send: (record: T) => Promise<S>;
  /** After the server has it and the record is gone from the device (e.g. its photos cleared). */
  afterSent?: (record: T) => Promise<void>;
}

export function createOutbox<T extends OutboxRecord, S>(spec: OutboxSpec<T, S>) {
  const { store } = spec;
  const [pending, setPending] = createSignal<T[]>([]);
  const [sent, setSent] = createSignal<S[]>([]);
  const [online, setOnline] = createSignal(
    typeof navigator === 'undefined' ? true : navigator.onLine !== false,
  );

  let who: { slug: string; userId: string } | null = null;
  let running: Promise<void> | null = null;
  /** A flush was asked for while one ran: run once more after it, for what was queued meanwhile. */
  let again = false;
  let started = false;

  async function refresh(): Promise<void> {
    if (!who) return;
    const all = await store.list(who.slug, who.userId);
    setPending(() => all.filter((d) => d.state !== 'draft'));
  }

  async function sendOne(d: T): Promise<void> {
    d.state = 'sending';
    await store.put(d);
    await refresh();
    try {
      const result = await spec.send(d);
      await store.remove(d.id);
      await spec.afterSent?.(d);
      setSent((list) => [result, ...list]);
    } catch (err) {
      const e = toApiError(err);
      const latest = (await store.get(d.id)) ?? d;
      latest.state = isRefusal(e) ? 'failed' : 'queued';
      latest.error = e.message;
      latest.errorDetails = e.issues.map((i) => i.message);
      latest.errorIssues = e.issues;
      await store.put(latest);
    }
  }

  /** Sends every queued record of the signed-in user, one at a time; one run at a time per page. */
  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        if (!who) return;
        setOnline(navigator.onLine !== false);
        if (!online()) return;
        const queue = (await store.list(who.slug, who.userId)).filter(
          // 'sending' left behind by a closed page is sent again: the ids make that harmless.
          (d) => d.state === 'queued' || d.state === 'sending',
        );
        for (const d of queue.reverse()) {
          await sendOne(d);
          if (navigator.onLine === false) break;
        }
      } finally {
        await refresh();
        running = null;
      }
      if (again) {
        again = false;
        await flush();
      }
    })();
    return running;
  }

  /** Puts a finished record in the outbox and tries to send it at once. */
  async function enqueue(d: T): Promise<void> {
    d.state = 'queued';
    d.error = null;
    d.errorDetails = [];
    d.errorIssues = [];
    d.updatedAt = Date.now();
    await store.put(d);
    await refresh();
    void flush();
  }

  /**
   * Starts the outbox for the signed-in user of a tenant (called by every page of its records):
   * loads what is waiting, sends it when possible, and keeps trying while the app is open.
   */
  function start(slug: string, userId: string): void {
    const changed = !who || who.slug !== slug || who.userId !== userId;
    who = { slug, userId };
    if (changed) setSent([]);
    if (!started) {
      started = true;
      window.addEventListener('online', () => {
        setOnline(true);
        void flush();
      });
      window.addEventListener('offline', () => setOnline(false));
      setInterval(() => void flush(), RETRY_MS);
    }
    void refresh().then(() => flush());
  }

  return {
    /** This user's records on this device that are not on the server yet (submitted or refused). */
    pending,
    /** Records this page sent since it was opened. */
    sent,
    isOnline: online,
    flush,
    enqueue,
    start,
  };
}
